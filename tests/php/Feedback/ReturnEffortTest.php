<?php
/**
 * CES once a return is settled: one question in the mail that settles it (or closes it without a
 * settlement), five signed answers, the answer on the return and its timeline.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Feedback;

use Aftercare\Feedback\SurveyLinks;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Returns\ReturnsTestCase;

final class ReturnEffortTest extends ReturnsTestCase {

	private \WP_User $agent;

	protected function setUp(): void {
		parent::setUp();
		$this->agent = $this->user( 'aftercare_agent' );
		( new Settings() )->update( array( 'notification_email' => 'desk@example.test' ) );
	}

	/**
	 * The mails to the shopper just sent, as [subject, answer tokens by label].
	 *
	 * @return array<int, array{0: string, 1: array<string, string>}>
	 */
	private function shopper_mails(): array {
		$mails = array();
		foreach ( $this->deliver_outbox() as $mail ) {
			if ( 'gwen@example.test' !== $mail['to'] ) {
				continue;
			}
			preg_match_all( '#href="[^"]*' . SurveyLinks::ARG . '=([a-z0-9.]+)"[^>]*>([^<]+)</a>#', (string) $mail['message'], $found, PREG_SET_ORDER );
			$mails[] = array( (string) $mail['subject'], array_column( $found, 1, 2 ) );
		}
		return $mails;
	}

	public function test_the_refund_mail_asks_how_easy_it_was_and_the_answer_shows_on_the_return(): void {
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->returns->move( $return->id, 'approved', $this->agent->ID );
		$this->returns->receive( $return->id, array(), false, $this->agent->ID );
		$this->assertSame( array(), array_merge( ...array_column( $this->shopper_mails(), 1 ) ), 'no question before the return is settled' );

		$this->returns->refund( $return->id, $this->agent->ID, false, 0.0, '' );
		$mails = $this->shopper_mails();
		$this->assertCount( 1, $mails );
		$this->assertSame(
			array( '1 – Very difficult', '2 – Difficult', '3 – Neither easy nor difficult', '4 – Easy', '5 – Very easy' ),
			array_keys( $mails[0][1] )
		);

		$answer = $this->rest( 'POST', '/aftercare/v1/ratings', array( 'token' => $mails[0][1]['4 – Easy'], 'comment' => 'Label was easy to print.' ) );
		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( 'ces', $answer->get_data()['survey'] );

		$shown = $this->rest( 'GET', '/aftercare/v1/returns/' . $return->id, array( 'context' => 'edit' ), $this->agent->ID )->get_data();
		$this->assertSame( 4, $shown['effort']['score'] );
		$this->assertSame( 'Label was easy to print.', $shown['effort']['comment'] );
		$events = $this->rest( 'GET', '/aftercare/v1/returns/' . $return->id . '/events', array(), $this->agent->ID )->get_data();
		$events = array_values( array_filter( $events, static fn( array $e ): bool => 'effort' === $e['type'] ) );
		$this->assertCount( 1, $events );
		$this->assertSame( 4, $events[0]['data']->to );
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/returns/' . $return->id, array( 'context' => 'edit' ) )->get_status() );

		$this->returns->move( $return->id, 'closed', $this->agent->ID );
		$this->assertSame( array(), array_merge( ...array_column( $this->shopper_mails(), 1 ) ), 'a settled return is asked once' );
	}

	public function test_a_return_closed_without_a_settlement_is_asked_in_its_closing_mail(): void {
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->deliver_outbox();
		$this->returns->move( $return->id, 'closed', $this->agent->ID );

		$mails = $this->shopper_mails();
		$this->assertCount( 1, $mails );
		$this->assertCount( 5, $mails[0][1] );
	}

	public function test_a_return_link_cannot_rate_a_ticket_nor_the_other_way_round(): void {
		$order  = $this->order();
		$return = $this->returns->create( $order, $this->input( $order ), 0 )['return'];
		$this->returns->move( $return->id, 'closed', $this->agent->ID );
		$asked = array_values( array_filter( array_column( $this->shopper_mails(), 1 ) ) );
		$token = current( $asked[0] );
		$this->assertIsString( $token );
		$this->assertSame( 200, $this->rest( 'POST', '/aftercare/v1/ratings', array( 'token' => $token ) )->get_status() );

		// The same numbers, read as the CSAT of the ticket with the return's id.
		$this->assertSame( 401, $this->rest( 'POST', '/aftercare/v1/ratings', array( 'token' => 'c' . substr( $token, 1 ) ) )->get_status() );
	}
}
