<?php
/**
 * WordPress's export and erase tools on support data: the person's tickets, own messages, files
 * and timelines are exported; erasure anonymizes them while the store's records stay whole.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Privacy;

use Aftercare\Tests\Rest\Tickets\TicketRestTestCase;

final class PersonalDataTest extends TicketRestTestCase {

	private const EMAIL = 'gwen@example.test';

	/** @var array<string, mixed> */
	private array $ticket;

	private int $reply_id;

	protected function setUp(): void {
		parent::setUp();
		$this->ticket = $this->guest_ticket_with_file();
		$reply        = $this->rest( 'POST', '/aftercare/v1/tickets/' . $this->ticket['id'] . '/messages', array( 'body' => 'We sent a new one.' ), $this->agent->ID );
		$this->assertSame( 201, $reply->get_status() );
		$this->reply_id = (int) $reply->get_data()['id'];
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $this->ticket['id'] . '/messages', array( 'type' => 'note', 'body' => 'VIP, be nice' ), $this->agent->ID );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function guest_ticket_with_file( string $email = self::EMAIL ): array {
		$file = (string) tempnam( sys_get_temp_dir(), 'aftercare' );
		file_put_contents( $file, "Order 1001 receipt\nPaid by card." ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		$request = new \WP_REST_Request( 'POST', '/aftercare/v1/tickets' );
		$request->set_body_params(
			array(
				'name'    => 'Gwen Guest',
				'email'   => $email,
				'subject' => 'Parcel arrived damaged',
				'message' => 'The box was crushed. My phone is +1 555 0100.',
			)
		);
		$request->set_file_params(
			array(
				'attachments' => array(
					'name'     => array( 'receipt.txt' ),
					'type'     => array( 'text/plain' ),
					'tmp_name' => array( $file ),
					'error'    => array( UPLOAD_ERR_OK ),
					'size'     => array( filesize( $file ) ),
				),
			)
		);
		wp_set_current_user( 0 );
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	/**
	 * @return array<string, array<int, array<string, mixed>>> Exported items by group.
	 */
	private function export( string $email ): array {
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$this->assertArrayHasKey( 'aftercare-tickets', $exporters );
		$result = call_user_func( $exporters['aftercare-tickets']['callback'], $email, 1 );
		$this->assertTrue( $result['done'] );
		$groups = array();
		foreach ( $result['data'] as $item ) {
			$groups[ $item['group_id'] ][] = array_column( $item['data'], 'value', 'name' );
		}
		return $groups;
	}

	/**
	 * @return array<string, mixed>
	 */
	private function erase( string $email ): array {
		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$this->assertArrayHasKey( 'aftercare-tickets', $erasers );
		return call_user_func( $erasers['aftercare-tickets']['callback'], $email, 1 );
	}

	private function attachment_path(): string {
		global $wpdb;
		$file = (string) $wpdb->get_var( $wpdb->prepare( "SELECT file FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $this->ticket['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertNotSame( '', $file );
		return trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'aftercare-private/' . $file;
	}

	public function test_the_export_holds_the_tickets_own_messages_files_and_history(): void {
		$groups = $this->export( self::EMAIL );

		$this->assertCount( 1, $groups['aftercare-tickets'] );
		$this->assertSame( '#' . $this->ticket['number'], $groups['aftercare-tickets'][0]['Ticket number'] );
		$this->assertSame( self::EMAIL, $groups['aftercare-tickets'][0]['Email'] );
		$this->assertCount( 1, $groups['aftercare-messages'], 'only what the person wrote: not the agent reply, never the note' );
		$this->assertStringContainsString( 'The box was crushed', $groups['aftercare-messages'][0]['Message'] );
		$this->assertSame( 'receipt.txt', $groups['aftercare-attachments'][0]['File name'] );
		$this->assertNotEmpty( $groups['aftercare-events'] );
		$this->assertStringNotContainsString( 'VIP', (string) wp_json_encode( $groups ) );
	}

	public function test_the_export_finds_nothing_of_other_people(): void {
		$this->guest_ticket_with_file( 'someone-else@example.test' );
		$this->assertCount( 1, $this->export( self::EMAIL )['aftercare-tickets'] );
		$this->assertSame( array(), $this->export( 'nobody@example.test' ) );
		$this->assertSame( array(), $this->export( 'not an email' ) );
	}

	public function test_a_customer_account_is_exported_by_its_email(): void {
		$this->customer_ticket( $this->customer_a );
		$groups = $this->export( $this->customer_a->user_email );
		$this->assertCount( 1, $groups['aftercare-tickets'] );
		$this->assertSame( 'Wrong size', $groups['aftercare-tickets'][0]['Subject'] );
	}

	public function test_erasure_anonymizes_the_person_and_keeps_the_store_records(): void {
		global $wpdb;
		$other = $this->guest_ticket_with_file( 'someone-else@example.test' );
		$path  = $this->attachment_path();
		$this->assertFileExists( $path );
		$before = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $this->ticket['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$terms  = "SELECT term FROM {$wpdb->prefix}aftercare_ticket_terms WHERE ticket_id = %d";
		$this->assertContains( 'crushed', $wpdb->get_col( $wpdb->prepare( $terms, $this->ticket['id'] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared

		$result = $this->erase( self::EMAIL );
		$this->assertTrue( $result['items_removed'] );
		$this->assertFalse( $result['items_retained'] );
		$this->assertTrue( $result['done'] );

		$after = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $this->ticket['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( 'Deleted customer', $after->customer_name );
		$this->assertSame( 'deleted@site.invalid', $after->customer_email );
		$this->assertSame( $before->number, $after->number, 'the ticket keeps its number' );
		$this->assertSame( $before->message_count, $after->message_count, 'and its message count' );
		$this->assertSame( $before->status, $after->status );
		$terms = $wpdb->get_col( $wpdb->prepare( $terms, $this->ticket['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->assertNotContains( 'crushed', $terms, 'search no longer finds the ticket by the person\'s words' );
		$this->assertContains( 'vip', $terms, 'but still by the agents\' notes' );

		$messages = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_messages WHERE ticket_id = %d ORDER BY id", $this->ticket['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertCount( 3, $messages, 'no message row disappears' );
		$this->assertStringNotContainsString( '555 0100', $messages[0]->body );
		$this->assertSame( 'Deleted customer', $messages[0]->author_name );
		$this->assertStringContainsString( 'We sent a new one.', $messages[1]->body, 'the agent reply stays' );
		$this->assertSame( (string) $this->reply_id, $messages[1]->id );
		$this->assertStringContainsString( 'VIP', $messages[2]->body, 'the agents\' notes stay' );

		$this->assertFileDoesNotExist( $path );
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $this->ticket['id'] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_outbox WHERE recipient = %s", self::EMAIL ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		$this->assertSame( 401, $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $this->ticket['id'], $this->ticket['access_token'] )->get_status(), 'the signed link stops working' );
		$this->assertSame( 200, $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $other['id'], $other['access_token'] )->get_status(), 'other people keep theirs' );
		$this->assertSame( 'someone-else@example.test', $wpdb->get_var( $wpdb->prepare( "SELECT customer_email FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $other['id'] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared

		$this->assertSame( array(), $this->export( self::EMAIL ), 'nothing personal is left to export' );
		$this->assertFalse( $this->erase( self::EMAIL )['items_removed'], 'erasing twice changes nothing' );
	}

	public function test_erasing_a_customer_detaches_their_tickets_from_the_account(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		$this->erase( $this->customer_a->user_email );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->customer_a->ID )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->agent->ID )->get_status(), 'the store still has it' );
	}
}
