<?php
/**
 * Every returns route and method against every actor, from one table: a guest, a guest holding
 * the return's link, the customer whose return it is, another customer, an agent, a supervisor
 * and an administrator. The routes come from the REST server, so a route or method someone adds
 * under /returns fails here until its row says who may use it. Each cell runs on a fresh
 * approved return (a guest's request on customer A's order), so no cell sees another's change.
 * The other route tests check what each actor gets; this one checks that nobody is forgotten.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Rest;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Orders\Order;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Tests\Returns\ReturnsTestCase;

/**
 * @group sqlite
 */
final class ReturnsActorMatrixTest extends ReturnsTestCase {

	private const ACTORS = array( 'guest', 'guest with the link', 'customer A', 'customer B', 'agent', 'supervisor', 'admin' );

	/**
	 * Expected status per actor (in ACTORS order) for each route and method.
	 */
	private const MATRIX = array(
		'GET /returns'                   => array( 401, 401, 200, 200, 200, 200, 200 ),
		'POST /returns'                  => array( 201, 201, 201, 404, 201, 201, 201 ),
		'GET /returns/{id}'              => array( 401, 200, 200, 403, 200, 200, 200 ),
		'POST /returns/{id}'             => array( 401, 401, 403, 403, 200, 200, 200 ),
		'PUT /returns/{id}'              => array( 401, 401, 403, 403, 200, 200, 200 ),
		'PATCH /returns/{id}'            => array( 401, 401, 403, 403, 200, 200, 200 ),
		'POST /returns/{id}/actions'     => array( 401, 401, 403, 403, 200, 200, 200 ),
		'GET /returns/{id}/messages'     => array( 401, 200, 200, 403, 200, 200, 200 ),
		'POST /returns/{id}/messages'    => array( 401, 201, 201, 403, 201, 201, 201 ),
		'GET /returns/{id}/events'       => array( 401, 401, 403, 403, 200, 200, 200 ),
		'GET /returns/counts'            => array( 401, 401, 403, 403, 200, 200, 200 ),
		'GET /returns/eligibility'       => array( 401, 401, 200, 404, 200, 200, 200 ),
		'POST /returns/eligibility'      => array( 200, 200, 200, 200, 200, 200, 200 ),
		'POST /returns/check'            => array( 200, 200, 200, 404, 200, 200, 200 ),
		'POST /returns/policy/simulate'  => array( 401, 401, 403, 403, 403, 200, 200 ),
	);

	/** @var array<string, int> */
	private array $users = array();

	protected function setUp(): void {
		parent::setUp();
		$supervisor = $this->user( 'editor' );
		foreach ( Capabilities::SUPERVISOR as $cap ) {
			$supervisor->add_cap( $cap );
		}
		$this->users = array(
			'guest'               => 0,
			'guest with the link' => 0,
			'customer A'          => $this->user( 'subscriber' )->ID,
			'customer B'          => $this->user( 'subscriber' )->ID,
			'agent'               => $this->user( 'aftercare_agent' )->ID,
			'supervisor'          => $supervisor->ID,
			'admin'               => $this->user( 'administrator' )->ID,
		);
	}

	/**
	 * Customer A's order; the guest files for it with the billing email, so A owns the return
	 * and the guest holds its link.
	 *
	 * @return array{0: Order, 1: ReturnRequest, 2: string}
	 */
	private function fixture(): array {
		$order   = $this->order(
			array(
				'customer_id' => $this->users['customer A'],
				'email'       => get_userdata( $this->users['customer A'] )->user_email,
			)
		);
		$created = $this->returns->create( $order, $this->input( $order ), 0 );
		$return  = $this->returns->move( $created['return']->id, 'approved', $this->users['agent'] );
		return array( $order, $return, $created['token'] );
	}

	/**
	 * A request that would succeed for someone allowed to make it.
	 *
	 * @return array<string, mixed>
	 */
	private function params( string $cell, Order $order, string $actor ): array {
		$guest = 0 === $this->users[ $actor ];
		return match ( $cell ) {
			'POST /returns', 'POST /returns/check' => array(
				'step' => 'review',
			) + $this->input( $order ) + ( $guest ? array( 'order_number' => $order->number, 'email' => $order->billing_email ) : array( 'order_id' => $order->id ) ),
			'POST /returns/{id}', 'PUT /returns/{id}', 'PATCH /returns/{id}' => array( 'status' => 'awaiting_items' ),
			'POST /returns/{id}/actions' => array( 'action' => 'receive' ),
			'POST /returns/{id}/messages' => array( 'body' => 'Any news?' ),
			'GET /returns/eligibility'   => array( 'order_id' => $order->id ),
			'POST /returns/eligibility'  => array( 'order_number' => $order->number, 'email' => $order->billing_email ),
			default                      => array(),
		};
	}

	public function test_every_returns_route_answers_every_actor_as_the_table_says(): void {
		$routes = array();
		foreach ( rest_get_server()->get_routes( 'aftercare/v1' ) as $route => $handlers ) {
			if ( ! str_starts_with( $route, '/aftercare/v1/returns' ) ) {
				continue;
			}
			$path = str_replace( '/aftercare/v1', '', (string) preg_replace( '/\(\?P<[a-z_]*id>[^)]+\)/', '{id}', $route ) );
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$routes[ $method . ' ' . $path ] = true;
				}
			}
		}
		$this->assertSame(
			array(),
			array_diff( array_keys( $routes ), array_keys( self::MATRIX ) ),
			'a returns route nobody has said who may use: add it to MATRIX'
		);
		$this->assertSame( array(), array_diff( array_keys( self::MATRIX ), array_keys( $routes ) ), 'MATRIX names a route that is gone' );

		$answers = array();
		$wrong   = array();
		foreach ( self::MATRIX as $cell => $expected ) {
			list( $method, $path ) = explode( ' ', $cell );
			foreach ( self::ACTORS as $index => $actor ) {
				list( $order, $return, $token ) = $this->fixture();
				$headers = 'guest with the link' === $actor ? array( 'X-Aftercare-Token' => $token ) : array();
				$status  = $this->rest(
					$method,
					'/aftercare/v1' . str_replace( '{id}', (string) $return->id, $path ),
					$this->params( $cell, $order, $actor ),
					$this->users[ $actor ],
					$headers
				)->get_status();
				$answers[ $cell ][] = $status;
				if ( $status !== $expected[ $index ] ) {
					$wrong[] = "{$cell} as {$actor}: {$status}, expected {$expected[ $index ]}";
				}
			}
		}
		$this->assertSame( array(), $wrong, (string) wp_json_encode( $answers ) );
	}
}
