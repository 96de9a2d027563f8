<?php
/**
 * aftercare/v1/orders/{id}: the order beside a ticket, for agents only.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders\Rest;

use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;

final class OrderRouteTest extends TestCase {

	public function test_agents_get_lines_money_refunds_and_tracking_and_nobody_else_does(): void {
		$orders = SiteOrders::factory();
		$buyer  = $this->user( 'subscriber' );
		$id     = $orders->create(
			array(
				'status'               => 'completed',
				'customer_id'          => $buyer->ID,
				'email'                => $buyer->user_email,
				'total'                => 59.0,
				'payment_method_title' => 'Credit card',
				'shipping_total'       => 5.0,
				'coupons'              => array( 'spring10' ),
				'items'                => array(
					array(
						'name'     => 'Linen shirt',
						'quantity' => 2,
						'total'    => 40.0,
						'image'    => 'https://example.test/uploads/linen-shirt.jpg',
					),
					array(
						'name'     => 'Canvas tote',
						'quantity' => 1,
						'total'    => 14.0,
					),
				),
				'meta'                 => array(
					'_aftercare_tracking' => array(
						array(
							'carrier' => 'ups',
							'number'  => '1Z999AA10123456784',
							'shipped' => time(),
						),
					),
				),
			)
		);
		$order = $orders->source()->find( $id );
		$orders->source()->refund( $id, array( $order->items[1]->id => 1 ), false, 0.0, 'Damaged' );
		$path = '/aftercare/v1/orders/' . $id;

		$response = $this->rest( 'GET', $path, array(), $this->user( 'aftercare_agent' )->ID );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( $order->number, $data['number'] );
		$this->assertSame( array( 'Linen shirt', 'Canvas tote' ), array_column( $data['items'], 'name' ) );
		$this->assertStringEndsWith( 'linen-shirt.jpg', $data['items'][0]['image'] );
		$this->assertSame( '', $data['items'][1]['image'] );
		$this->assertSame( 1, $data['items'][1]['refunded_quantity'] );
		$this->assertSame( 'Credit card', $data['payment_method'] );
		$this->assertSame( 5.0, (float) $data['shipping'] );
		$this->assertSame( 14.0, (float) $data['total_refunded'] );
		$this->assertSame( array( 'Damaged' ), array_column( $data['refunds'], 'reason' ) );
		$this->assertSame( array( 'spring10' ), $data['coupons'] );
		$this->assertSame( '1Z999AA10123456784', $data['tracking'][0]['number'] );
		$this->assertStringStartsWith( 'https://www.ups.com/', $data['tracking'][0]['url'] );

		$missing = $this->rest( 'GET', '/aftercare/v1/orders/99999999', array(), $this->user( 'aftercare_agent' )->ID );
		$this->assertErrorCode( 'aftercare_order_not_found', $missing, 404 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', $path, array(), $buyer->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', $path ), 401 );
	}
}
