<?php
/**
 * A saved reply rendered for a return's ticket fills the return variables (number, status,
 * return-shipping instructions, refund amount), escaped; for a ticket without a return they are
 * empty, and an exchange has no refund amount.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Orders\Money;
use Aftercare\Settings\Settings;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class ReturnReplyVariablesTest extends ReturnsTestCase {

	private const BODY = '<p>[{return_number}] [{return_status}] [{return_shipping_instructions}] [{refund_amount}] [{customer_name}]</p>';

	/** The instructions as the reply gets them: escaped, line breaks kept. */
	private const INSTRUCTIONS = "Pack it well.<br />\nPost it to &lt;b&gt;1 High St&lt;/b&gt; &amp; keep the receipt.";

	private int $agent;

	private string $render;

	protected function setUp(): void {
		parent::setUp();
		( new Settings() )->update(
			array(
				'return_shipping_instructions' => "Pack it well.\nPost it to <b>1 High St</b> & keep the receipt.",
				'return_restocking_fee_type'   => 'percent',
				'return_restocking_fee'        => 10,
			)
		);
		$this->agent = $this->user( 'aftercare_agent' )->ID;
		$reply       = $this->rest( 'POST', '/aftercare/v1/saved-replies', array( 'title' => 'Return', 'body' => self::BODY ), $this->user( 'administrator' )->ID );
		$this->assertSame( 201, $reply->get_status() );
		$this->render = '/aftercare/v1/saved-replies/' . $reply->get_data()['id'] . '/render';
	}

	public function test_a_returns_ticket_gets_its_number_status_instructions_and_refund(): void {
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->returns->move( $return->id, 'approved', $this->agent );

		$instructions = self::INSTRUCTIONS;
		// One shirt of two (40.00 for both) is 20.00; the policy keeps 10%.
		$this->assertSame(
			'<p>[' . $return->public_number() . '] [Approved] [' . $instructions . '] [' . $this->money( 18.0, $order->currency ) . '] [Gwen Guest]</p>',
			$this->rendered( $return->ticket_id )
		);

		$this->returns->receive( $return->id, array(), false, $this->agent );
		$this->returns->refund( $return->id, $this->agent, false, 5.0 );
		$this->assertStringContainsString( '[Refunded]', $this->rendered( $return->ticket_id ) );
		$this->assertStringContainsString(
			'[' . $this->money( 15.0, $order->currency ) . ']',
			$this->rendered( $return->ticket_id ),
			'what was refunded: 20.00 less the 5.00 fee given'
		);
	}

	public function test_store_credit_is_the_items_value_and_an_exchange_has_no_refund_amount(): void {
		$order  = $this->order();
		$credit = $this->returns->create( $order, $this->input( $order, array( array( 1, 1, 'size' ) ), array( 'outcome' => 'store_credit' ) ), 0 )['return'];
		$this->assertStringContainsString( '[' . $this->money( 14.0, $order->currency ) . ']', $this->rendered( $credit->ticket_id ) );

		$exchange = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ) ), array( 'outcome' => 'exchange' ) ), 0 )['return'];
		$this->assertStringEndsWith( '[Requested] [' . self::INSTRUCTIONS . '] [] [Gwen Guest]</p>', $this->rendered( $exchange->ticket_id ) );
	}

	public function test_a_ticket_without_a_return_leaves_the_return_variables_empty(): void {
		$ticket = \Aftercare\Plugin::instance()->tickets->create(
			array(
				'subject' => 'Where is my parcel?',
				'message' => 'Hello',
				'email'   => 'gwen@example.test',
				'name'    => 'Gwen Guest',
			),
			0
		)['ticket'];
		$this->assertSame( '<p>[] [] [] [] [Gwen Guest]</p>', $this->rendered( $ticket->id ) );
	}

	private function money( float $amount, string $currency ): string {
		return esc_html( Money::text( $amount, $currency ) );
	}

	private function rendered( int $ticket_id ): string {
		$response = $this->rest( 'POST', $this->render, array( 'ticket_id' => $ticket_id ), $this->agent );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (string) $response->get_data()['body'];
	}
}
