<?php
/**
 * The "Tracking (Aftercare)" box on WooCommerce's order screen: what agents see and who may save.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\Carriers;
use Aftercare\Orders\TrackingMetaBox;
use Aftercare\Tests\TestCase;

/**
 * @group woocommerce
 */
final class TrackingMetaBoxTest extends TestCase {

	private OrderFactory $orders;

	private TrackingMetaBox $box;

	private int $order_id;

	protected function setUp(): void {
		parent::setUp();
		$this->orders   = new WooCommerceOrderFactory();
		$this->box      = new TrackingMetaBox( $this->orders->source(), new Carriers() );
		$this->order_id = $this->orders->create( array( 'email' => 'gwen@example.test' ) );
	}

	protected function tearDown(): void {
		$_POST = array();
		parent::tearDown();
	}

	/**
	 * @param array<string, mixed> $fields Posted fields besides the nonce.
	 */
	private function save_as( int $user_id, array $fields, bool $nonce = true ): void {
		wp_set_current_user( $user_id );
		$_POST = $fields + ( $nonce ? array( 'aftercare_tracking_nonce' => wp_create_nonce( 'aftercare_tracking_' . $this->order_id ) ) : array() );
		$this->box->save( $this->order_id );
	}

	public function test_the_plugin_saves_the_box_with_every_order(): void {
		// Registered when the plugin booted (plugins_loaded), before WooCommerce's admin functions exist.
		$this->assertTrue( ( new TrackingMetaBox( $this->orders->source(), new Carriers() ) )->can_register() );
		$hook = $GLOBALS['wp_filter']['woocommerce_process_shop_order_meta'] ?? null;
		$this->assertInstanceOf( \WP_Hook::class, $hook );
		$registered = array_filter(
			array_merge( ...array_values( $hook->callbacks ) ),
			static fn( array $callback ): bool => is_array( $callback['function'] ) && $callback['function'][0] instanceof TrackingMetaBox
		);
		$this->assertCount( 1, $registered );
	}

	public function test_a_shop_manager_records_tracking_that_shoppers_then_see(): void {
		$this->orders->source()->record_lookup( $this->order_id, time(), '203.0.113.x', 'guest' );
		$this->save_as(
			$this->user( 'shop_manager' )->ID,
			array(
				'aftercare_tracking' => array(
					array(
						'carrier' => 'royal-mail',
						'number'  => ' RM123456785GB ',
					),
					array(
						'carrier' => array( 'x' ),
						'number'  => '',
					),
				),
			)
		);

		$order = $this->orders->source()->find( $this->order_id );
		$this->assertSame( array( 'Royal Mail RM123456785GB' ), array_map( static fn( $t ) => $t->carrier . ' ' . $t->number, $order->tracking ) );
		$this->assertNotNull( $order->tracking[0]->shipped );

		ob_start();
		$this->box->render( wc_get_order( $this->order_id ) );
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'value="RM123456785GB"', $html );
		$this->assertStringContainsString( '<option value="royal-mail" selected=\'selected\'>', $html );
		$this->assertStringContainsString( '203.0.113.x', $html );
	}

	public function test_nothing_is_saved_without_the_nonce_or_by_someone_who_cannot_edit_orders(): void {
		$fields = array(
			'aftercare_tracking' => array(
				array(
					'carrier' => 'ups',
					'number'  => '1Z999',
				),
			),
		);
		$this->save_as( $this->user( 'shop_manager' )->ID, $fields, false );
		$this->save_as( $this->user( 'customer' )->ID, $fields );
		$this->save_as( $this->user( 'aftercare_agent' )->ID, $fields );

		$this->assertSame( array(), $this->orders->source()->own_tracking( $this->order_id ) );
	}
}
