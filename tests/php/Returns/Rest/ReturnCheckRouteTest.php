<?php
/**
 * aftercare/v1/returns/check: each step of the return form by the rules POST /returns applies
 * (good steps pass, each refused one says why and names its field), the order proved the same
 * way (a guest's wrong email fails like the lookup and is limited like it, a customer only has
 * their own orders), private answers, and nothing written.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Rest;

use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLookup;
use Aftercare\Tests\Returns\ReturnsTestCase;

final class ReturnCheckRouteTest extends ReturnsTestCase {

	private const ROUTE = '/aftercare/v1/returns/check';

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_rate_limits" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * A guest's check of the order's first line up to $step.
	 *
	 * @param array<int, array{0: int, 1: int, 2: string}> $lines [line index, quantity, reason].
	 * @param array<string, mixed>                         $extra Other fields.
	 */
	private function check( Order $order, string $step, array $lines = array( array( 0, 1, 'size' ) ), array $extra = array() ): \WP_REST_Response {
		return $this->rest(
			'POST',
			self::ROUTE,
			$extra + array(
				'step'         => $step,
				'order_number' => $order->number,
				'email'        => 'GWEN@example.test',
			) + $this->input( $order, $lines )
		);
	}

	public function test_good_steps_pass_and_say_which_step_was_checked(): void {
		$order  = $this->order();
		$before = $this->rows();
		foreach ( array( 'order', 'items', 'details', 'outcome' ) as $step ) {
			$response = $this->check( $order, $step );
			$this->assertSame( 200, $response->get_status(), $step . ': ' . wp_json_encode( $response->get_data() ) );
			$this->assertSame( array( 'step' => $step ), $response->get_data() );
			$this->assertStringContainsString( 'no-store', $response->get_headers()['Cache-Control'] );
		}
		// The order step needs no lines yet; the review step takes the photos a reason needs.
		$this->assertSame( 200, $this->check( $order, 'order', array(), array( 'items' => array() ) )->get_status() );
		$this->assertSame( 200, $this->check( $order, 'review' )->get_status() );
		$request = new \WP_REST_Request( 'POST', self::ROUTE );
		$request->set_body_params(
			array(
				'step'         => 'review',
				'order_number' => $order->number,
				'email'        => 'gwen@example.test',
			) + $this->input( $order, array( array( 0, 1, 'damaged' ) ) )
		);
		$request->set_file_params( array( 'attachments' => self::upload( 'crack.png', self::png() ) ) );
		$this->assertSame( 200, rest_get_server()->dispatch( $request )->get_status() );
		$this->assertSame( $before, $this->rows(), 'a check writes nothing' );
	}

	public function test_each_refused_step_says_why_and_names_its_field(): void {
		$order  = $this->order();
		$before = $this->rows();
		$cases  = array(
			'no item'             => array( 'items', array(), array(), 'no_items', 'items', 'Choose at least one item to return and how many.' ),
			'too many'            => array( 'items', array( array( 0, 3, 'size' ) ), array(), 'invalid_quantity', 'items', 'You can return up to 2 of Linen shirt.' ),
			'no reason'           => array(
				'details',
				array( array( 0, 1, '' ) ),
				array(),
				'invalid_reason',
				'items',
				'Please choose a reason for returning Linen shirt.',
			),
			'made-up reason'      => array(
				'outcome',
				array( array( 0, 1, 'bored' ) ),
				array(),
				'invalid_reason',
				'items',
				'Please choose a reason for returning Linen shirt.',
			),
			'long comment'        => array(
				'details',
				array( array( 0, 1, 'size' ) ),
				array( 'comment' => str_repeat( 'a', 5001 ) ),
				'comment_too_long',
				'comment',
				'Please keep the comment under 5000 characters.',
			),
			'no outcome'          => array(
				'outcome',
				array( array( 0, 1, 'size' ) ),
				array( 'outcome' => '' ),
				'invalid_outcome',
				'outcome',
				'Please choose what you would like instead.',
			),
			'outcome not offered' => array(
				'review',
				array( array( 0, 1, 'size' ) ),
				array( 'outcome' => 'cash' ),
				'invalid_outcome',
				'outcome',
				'Please choose what you would like instead.',
			),
			'photos needed'       => array(
				'review',
				array( array( 0, 1, 'damaged' ) ),
				array(),
				'photos_required',
				'photos',
				'Please add at least one photo for the reason you chose.',
			),
		);
		foreach ( $cases as $case => list( $step, $lines, $extra, $code, $field, $message ) ) {
			$response = $this->check( $order, $step, $lines, $extra + ( $lines ? array() : array( 'items' => array() ) ) );
			$this->assertErrorCode( 'aftercare_' . $code, $response, 400 );
			$this->assertSame( $message, $response->get_data()['message'], $case );
			$this->assertSame( array( $field ), $response->get_data()['data']['params'], $case );
		}
		// A later step's rule waits for that step: the same request holds up to the items.
		$this->assertSame( 200, $this->check( $order, 'items', array( array( 0, 1, 'size' ) ), array( 'outcome' => 'cash' ) )->get_status() );
		$this->assertSame( $before, $this->rows() );
	}

	public function test_a_wrong_order_proof_fails_like_the_lookup_and_is_limited_the_same(): void {
		$order   = $this->order();
		$before  = $this->rows();
		$wrong   = $this->check( $order, 'items', array( array( 0, 1, 'size' ) ), array( 'email' => 'someone@example.test' ) );
		$unknown = $this->check( $order, 'items', array( array( 0, 1, 'size' ) ), array( 'order_number' => '999999' ) );
		$this->assertErrorCode( 'aftercare_order_not_found', $wrong, 404 );
		$this->assertSame( $wrong->get_data(), $unknown->get_data(), 'a wrong email and an unknown number look alike' );
		$this->assertSame( OrderLookup::not_found_message(), $wrong->get_data()['message'] );
		$this->assertArrayNotHasKey( 'params', $wrong->get_data()['data'], 'nothing about the lines of an order not proved' );

		for ( $i = 2; $i < OrderLookup::MAX_FAILURES; $i++ ) {
			$this->check( $order, 'items', array( array( 0, 1, 'size' ) ), array( 'email' => "guess{$i}@example.test" ) );
		}
		$this->assertErrorCode( 'aftercare_throttled', $this->check( $order, 'items' ), 429 );
		$this->assertSame( $before, $this->rows() );
	}

	public function test_a_customer_checks_only_their_own_orders(): void {
		$ada   = $this->user( 'subscriber' );
		$bob   = $this->user( 'subscriber' );
		$order = $this->order(
			array(
				'customer_id' => $ada->ID,
				'email'       => $ada->user_email,
			)
		);
		$input = array(
			'step'     => 'outcome',
			'order_id' => $order->id,
		) + $this->input( $order );
		$this->assertSame( 200, $this->rest( 'POST', self::ROUTE, $input, $ada->ID )->get_status() );
		$this->assertErrorCode( 'aftercare_order_not_found', $this->rest( 'POST', self::ROUTE, $input, $bob->ID ), 404 );
		$this->assertErrorCode( 'aftercare_missing_order', $this->rest( 'POST', self::ROUTE, array_diff_key( $input, array( 'order_id' => 0 ) ), $ada->ID ), 400 );
		$this->assertErrorCode( 'rest_invalid_param', $this->rest( 'POST', self::ROUTE, array( 'step' => 'pay' ) + $input, $ada->ID ), 400 );
	}
}
