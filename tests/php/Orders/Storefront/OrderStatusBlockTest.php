<?php
/**
 * The aftercare/order-status block on the storefront: the form, a lookup posted without
 * JavaScript and rendered by the server, a customer's own orders, and nothing at all without an
 * order source.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders\Storefront;

use Aftercare\Infrastructure\SystemClock;
use Aftercare\Orders\OrderView;
use Aftercare\Orders\TimelineToken;
use Aftercare\Orders\Storefront\OrderStatusBlock;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Orders\OrderFactory;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;

final class OrderStatusBlockTest extends TestCase {

	private OrderFactory $orders;

	private string $number;

	protected function setUp(): void {
		parent::setUp();
		$this->orders = SiteOrders::factory();
		$this->number = $this->orders->source()->find(
			$this->orders->create(
				array(
					'status'   => 'completed',
					'email'    => 'gwen@example.test',
					'phone'    => '+1 555 0199',
					'address'  => '7 Secret Lane',
					'total'    => 54.25,
					'items'    => array(
						array(
							'name'     => 'Linen shirt',
							'quantity' => 2,
							'total'    => 54.25,
						),
					),
				)
			)
		)->number;
	}

	protected function tearDown(): void {
		$_POST = array();
		unset( $_SERVER['REQUEST_METHOD'] );
		parent::tearDown();
	}

	/**
	 * @param array<string, string> $fields Posted fields.
	 */
	private function post( array $fields ): void {
		$_SERVER['REQUEST_METHOD'] = 'POST';
		$_POST                     = wp_slash( $fields + array( OrderStatusBlock::MARKER => '1' ) );
	}

	/**
	 * The text a visitor sees: hidden elements and templates left out.
	 */
	private function visible( string $html ): string {
		$html = (string) preg_replace( '#<template\b.*?</template>#s', '', $html );
		$doc  = new \DOMDocument();
		libxml_use_internal_errors( true );
		$doc->loadHTML( '<?xml encoding="utf-8"?><body>' . $html . '</body>' );
		libxml_clear_errors();
		$xpath = new \DOMXPath( $doc );
		foreach ( iterator_to_array( $xpath->query( '//*[@hidden]' ) ) as $node ) {
			$node->parentNode?->removeChild( $node );
		}
		return (string) preg_replace( '/\s+/', ' ', $doc->textContent );
	}

	public function test_guests_get_a_labelled_form_and_no_order(): void {
		$html = $this->render_block( OrderStatusBlock::NAME );

		$this->assertMatchesRegularExpression( '#<label for="([^"]+)-number">Order number</label>\s*<input\s+id="\1-number"#', $html );
		$this->assertStringContainsString( 'name="aftercare_order_key"', $html );
		$this->assertStringContainsString( 'data-wp-interactive="aftercare/order-status"', $html );
		$this->assertStringNotContainsString( 'Your recent orders', $html );
		$this->assertStringNotContainsString( 'Linen shirt', $this->visible( $html ) );
	}

	public function test_a_lookup_posted_without_javascript_is_rendered_by_the_server(): void {
		( new Settings() )->update( array( 'contact_page' => self::factory_page() ) );
		$this->post(
			array(
				'aftercare_order_number' => $this->number,
				'aftercare_order_key'    => 'gwen@example.test',
			)
		);

		$html    = $this->render_block( OrderStatusBlock::NAME, array( 'heading' => 'Track it' ) );
		$visible = $this->visible( $html );

		$this->assertStringContainsString( 'Track it', $visible );
		$this->assertStringContainsString( 'Order #' . $this->number, $visible );
		$this->assertStringContainsString( 'Completed', $visible );
		$this->assertStringContainsString( 'Linen shirt', $visible );
		$this->assertStringContainsString( 'Order status checked', $visible );
		$this->assertStringContainsString( 'Get help with this order', $visible );
		$this->assertStringContainsString( 'aftercare_order=' . $this->number, $html );
		$this->assertStringNotContainsString( 'Return items', $visible, 'no return portal page is set' );
		foreach ( array( '555', 'Secret', '54.25', 'gwen@' ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $visible, $secret );
		}
	}

	public function test_a_failed_post_shows_the_uniform_error_and_keeps_what_was_typed(): void {
		$this->post(
			array(
				'aftercare_order_number' => $this->number,
				'aftercare_order_key'    => 'mallory@example.test',
			)
		);

		$html = $this->render_block( OrderStatusBlock::NAME );

		$this->assertStringContainsString( 'We could not find an order with those details.', $this->visible( $html ) );
		$this->assertStringContainsString( 'role="alert"', $html );
		$this->assertStringContainsString( 'value="mallory@example.test"', $html );
		$this->assertStringNotContainsString( 'Linen shirt', $this->visible( $html ) );
	}

	public function test_signed_in_customers_see_their_own_recent_orders_only(): void {
		$alice = $this->user( 'subscriber' );
		$bob   = $this->user( 'subscriber' );
		$this->orders->create(
			array(
				'customer_id' => $alice->ID,
				'email'       => $alice->user_email,
				'items'       => array(
					array(
						'name'     => 'Alice socks',
						'quantity' => 1,
					),
				),
			)
		);
		$this->orders->create(
			array(
				'customer_id' => $bob->ID,
				'email'       => $bob->user_email,
				'items'       => array(
					array(
						'name'     => 'Bob hat',
						'quantity' => 1,
					),
				),
			)
		);
		wp_set_current_user( $alice->ID );

		$visible = $this->visible( $this->render_block( OrderStatusBlock::NAME ) );

		$this->assertStringContainsString( 'Your recent orders', $visible );
		$this->assertStringContainsString( 'Alice socks', $visible );
		$this->assertStringNotContainsString( 'Bob hat', $visible );
		$this->assertStringContainsString( 'Look up another order', $visible );
	}

	public function test_without_an_order_source_nothing_is_rendered(): void {
		$block = new OrderStatusBlock( null, new OrderView( new Settings(), null, new TimelineToken( new SystemClock() ) ) );

		$this->assertSame( '', $block->render( array() ) );
	}

	private static function factory_page(): int {
		return (int) wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Contact us',
			)
		);
	}
}
