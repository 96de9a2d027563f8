<?php
/**
 * WordPress's export and erase tools on support data: the person's tickets, own messages, files
 * and timelines are exported; erasure anonymizes them while the store's records stay whole.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Privacy;

use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;

final class PersonalDataTest extends TicketRestTestCase {

	private const EMAIL = 'gwen@example.test';

	/** @var array<string, mixed> */
	private array $ticket;

	private int $reply_id;

	protected function setUp(): void {
		parent::setUp();
		$this->ticket = $this->guest_ticket_with_file();
		$reply        = $this->rest(
			'POST',
			'/aftercare/v1/tickets/' . $this->ticket['id'] . '/messages',
			array( 'body' => 'We sent a new one.' ),
			$this->agent->ID
		);
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
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$file = (string) $wpdb->get_var( $wpdb->prepare( "SELECT file FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $this->ticket['id'] ) );
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
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$before = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $this->ticket['id'] ) );
		$terms  = "SELECT term FROM {$wpdb->prefix}aftercare_ticket_terms WHERE ticket_id = %d";
		$this->assertContains( 'crushed', $wpdb->get_col( $wpdb->prepare( $terms, $this->ticket['id'] ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared

		$result = $this->erase( self::EMAIL );
		$this->assertTrue( $result['items_removed'] );
		$this->assertFalse( $result['items_retained'] );
		$this->assertTrue( $result['done'] );

		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$after = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $this->ticket['id'] ) );
		$this->assertSame( 'Deleted customer', $after->customer_name );
		$this->assertSame( 'deleted@site.invalid', $after->customer_email );
		$this->assertSame( $before->number, $after->number, 'the ticket keeps its number' );
		$this->assertSame( $before->message_count, $after->message_count, 'and its message count' );
		$this->assertSame( $before->status, $after->status );
		$terms = $wpdb->get_col( $wpdb->prepare( $terms, $this->ticket['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$this->assertNotContains( 'crushed', $terms, 'search no longer finds the ticket by the person\'s words' );
		$this->assertContains( 'vip', $terms, 'but still by the agents\' notes' );

		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$messages = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}aftercare_messages WHERE ticket_id = %d ORDER BY id", $this->ticket['id'] ) );
		$this->assertCount( 3, $messages, 'no message row disappears' );
		$this->assertStringNotContainsString( '555 0100', $messages[0]->body );
		$this->assertSame( 'Deleted customer', $messages[0]->author_name );
		$this->assertStringContainsString( 'We sent a new one.', $messages[1]->body, 'the agent reply stays' );
		$this->assertSame( (string) $this->reply_id, $messages[1]->id );
		$this->assertStringContainsString( 'VIP', $messages[2]->body, 'the agents\' notes stay' );

		$this->assertFileDoesNotExist( $path );
		$this->assertSame(
			'0',
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $this->ticket['id'] ) )
		);
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_outbox WHERE recipient = %s", self::EMAIL ) ) );

		$this->assertSame(
			401,
			$this->as_guest( 'GET', '/aftercare/v1/tickets/' . $this->ticket['id'], $this->ticket['access_token'] )->get_status(),
			'the signed link stops working'
		);
		$this->assertSame( 200, $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $other['id'], $other['access_token'] )->get_status(), 'other people keep theirs' );
		$this->assertSame(
			'someone-else@example.test',
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->get_var( $wpdb->prepare( "SELECT customer_email FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $other['id'] ) )
		);

		$this->assertSame( array(), $this->export( self::EMAIL ), 'nothing personal is left to export' );
		$this->assertFalse( $this->erase( self::EMAIL )['items_removed'], 'erasing twice changes nothing' );
	}

	public function test_erasing_a_customer_detaches_their_tickets_from_the_account(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		$this->erase( $this->customer_a->user_email );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->customer_a->ID )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->agent->ID )->get_status(), 'the store still has it' );
	}

	public function test_the_privacy_policy_guide_suggests_what_aftercare_keeps(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		global $wp_filter, $wp_current_filter;
		$callbacks = array_merge( ...array_values( $wp_filter['admin_init']->callbacks ) );
		$ours      = array_values(
			array_filter(
				$callbacks,
				static fn( array $callback ): bool => is_array( $callback['function'] ) && $callback['function'][0] instanceof \Aftercare\Privacy\PersonalData
			)
		);
		$this->assertCount( 1, $ours );
		// As on an admin screen, where WordPress asks for the text.
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$GLOBALS['current_screen'] = \WP_Screen::get( 'options-privacy' ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		$wp_current_filter[]       = 'admin_init';
		call_user_func( $ours[0]['function'] );
		array_pop( $wp_current_filter );
		unset( $GLOBALS['current_screen'] );

		$texts = array_column( \WP_Privacy_Policy_Content::get_suggested_policy_text(), 'policy_text', 'plugin_name' );
		$this->assertArrayHasKey( 'Aftercare', $texts );
		foreach ( array( 'email address', 'aftercare_visitor', 'IP address', 'erase' ) as $needle ) {
			$this->assertStringContainsString( $needle, $texts['Aftercare'] );
		}
	}

	public function test_the_export_holds_the_help_activity_of_the_persons_browser_and_the_lookups_of_their_orders(): void {
		$activity = $this->help_activity_and_lookups();
		$groups   = $this->export( self::EMAIL );

		$help = (string) wp_json_encode( $groups['aftercare-help'] );
		$this->assertStringContainsString( 'Opened a ticket from this browser', $help );
		$this->assertStringContainsString( '#' . $activity['ticket']['number'], $help );
		$this->assertStringContainsString( 'damaged parcel', $help );
		$this->assertStringContainsString( 'The photo steps are unclear', $help, 'the vote comment' );
		$this->assertStringContainsString( 'How do I return an item?', $help, 'the article voted on' );
		$this->assertStringNotContainsString( 'someone else', $help, 'never another browser\'s searches' );

		$this->assertCount( 1, $groups['aftercare-order-lookups'] );
		$this->assertSame( '#' . $activity['number'], $groups['aftercare-order-lookups'][0]['Order number'] );
		$this->assertSame( '127.0.0.x', $groups['aftercare-order-lookups'][0]['IP address (shortened)'] );
		$this->assertSame( array( 'aftercare-order-lookups' ), array_keys( $this->export( 'someone-else@example.test' ) ), 'the other browser opened no ticket' );
	}

	public function test_erasure_deletes_the_help_activity_the_lookups_and_the_subjects(): void {
		global $wpdb;
		$activity = $this->help_activity_and_lookups();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows     = static fn( string $table ): int => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_{$table}" );
		$this->assertSame( 3, $rows( 'search_log' ) );
		$this->assertSame( 2, $rows( 'article_votes' ) );

		$this->assertTrue( $this->erase( self::EMAIL )['items_removed'] );

		$this->assertSame( 0, $rows( 'visitor_tickets' ) );
		$this->assertSame( 1, $rows( 'search_log' ), 'the other browser\'s search stays' );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( 'someone else', $wpdb->get_var( "SELECT query FROM {$wpdb->prefix}aftercare_search_log" ) );
		$this->assertSame( 1, $rows( 'article_votes' ), 'and its vote' );
		$this->assertSame(
			'0',
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_article_votes WHERE comment <> ''" ),
			'the comment went with the vote'
		);
		$this->assertSame( array(), \Aftercare\Tests\Orders\SiteOrders::factory()->source()->lookups( $activity['order'] ) );
		$this->assertCount( 1, \Aftercare\Tests\Orders\SiteOrders::factory()->source()->lookups( $activity['other_order'] ), 'other people\'s orders keep theirs' );
		foreach ( array( $this->ticket['id'], $activity['ticket']['id'] ) as $id ) {
			$this->assertSame(
				'[Removed at the customer’s request]',
				$this->rest( 'GET', '/aftercare/v1/tickets/' . $id, array(), $this->agent->ID )->get_data()['subject']
			);
		}
		$this->assertSame( array(), $this->export( self::EMAIL ) );
		$this->assertFalse( $this->erase( self::EMAIL )['items_removed'], 'erasing twice changes nothing' );
	}

	/**
	 * Through the public routes: the person's browser searches, votes with a comment and opens a
	 * ticket; another browser searches and votes; the person and someone else look up their orders.
	 *
	 * @return array{ticket: array<string, mixed>, order: int, number: string, other_order: int}
	 */
	private function help_activity_and_lookups(): array {
		$article = wp_insert_post(
			array(
				'post_type'   => \Aftercare\HelpCenter\ArticleType::POST_TYPE,
				'post_status' => 'publish',
				'post_title'  => 'How do I return an item?',
			)
		);
		$browsers = array();
		foreach ( array( 'damaged parcel', 'someone else' ) as $query ) {
			$visitor = $this->rest( 'POST', '/aftercare/v1/help/visitor' )->get_data()['visitor'];
			$this->assertSame(
				202,
				$this->rest( 'POST', '/aftercare/v1/help/events', array( 'kind' => 'search', 'query' => $query, 'visitor' => $visitor ) )->get_status()
			);
			$vote = array(
				'helpful' => false,
				'visitor' => $visitor,
				'comment' => 'damaged parcel' === $query ? 'The photo steps are unclear' : '',
			);
			$this->assertSame( 201, $this->rest( 'POST', "/aftercare/v1/help/articles/{$article}/feedback", $vote )->get_status() );
			$browsers[] = $visitor;
		}
		$this->assertSame(
			202,
			$this->rest(
				'POST',
				'/aftercare/v1/help/events',
				array( 'kind' => 'click', 'query' => 'damaged parcel', 'articles' => array( $article ), 'visitor' => $browsers[0] )
			)->get_status()
		);

		$_COOKIE[ \Aftercare\HelpCenter\Visitors::COOKIE ] = $browsers[0];
		$ticket = $this->guest_ticket( array( 'email' => self::EMAIL ) );
		unset( $_COOKIE[ \Aftercare\HelpCenter\Visitors::COOKIE ] );

		$orders = \Aftercare\Tests\Orders\SiteOrders::factory();
		$ids    = array();
		foreach ( array( self::EMAIL, 'someone-else@example.test' ) as $email ) {
			$ids[ $email ] = $orders->create(
				array(
					'status' => 'processing',
					'email'  => $email,
					'name'   => 'Gwen Guest',
					'total'  => 20.0,
					'items'  => array(
						array(
							'name'     => 'Linen shirt',
							'quantity' => 1,
							'total'    => 20.0,
						),
					),
				)
			);
			$number = $orders->source()->find( $ids[ $email ] )->number;
			$this->assertSame( 200, $this->rest( 'POST', '/aftercare/v1/order-status', array( 'number' => $number, 'email' => $email ) )->get_status() );
		}
		return array(
			'ticket'      => $ticket,
			'order'       => $ids[ self::EMAIL ],
			'number'      => $orders->source()->find( $ids[ self::EMAIL ] )->number,
			'other_order' => $ids['someone-else@example.test'],
		);
	}
}
