<?php
/**
 * /tickets/{id}/messages and /attachments/{id}: threads, replies, notes, uploads and downloads
 * against every actor, with hostile files.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

use Aftercare\Settings\Settings;
use Aftercare\Tickets\Rest\FileResponse;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class MessagesRouteTest extends TicketRestTestCase {

	/**
	 * @return array<string, mixed> A guest ticket with an agent reply and an internal note.
	 */
	private function thread(): array {
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		$this->assertSame( 201, $this->rest( 'POST', $path, array( 'body' => 'Public answer' ), $this->agent->ID )->get_status() );
		$note = $this->rest( 'POST', $path, array( 'type' => 'note', 'body' => 'Internal: reseller, be careful' ), $this->agent->ID );
		$this->assertSame( 201, $note->get_status() );
		$this->assertSame( 'note', $note->get_data()['type'] );
		return $ticket;
	}

	public function test_every_actor_reads_the_thread_it_may_and_notes_reach_agents_only(): void {
		$ticket = $this->thread();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		$this->assertStatuses(
			self::statuses( 200, array( 'guest_token' => 200 ) ),
			'GET',
			$path,
			array(),
			$ticket['access_token'],
			$ticket['id']
		);
		$guest_view = $this->as_guest( 'GET', $path, $ticket['access_token'] )->get_data();
		$this->assertSame( array( 'reply', 'reply' ), array_column( $guest_view, 'type' ) );
		$this->assertStringNotContainsString( 'Internal', (string) wp_json_encode( $guest_view ) );
		$this->assertSame( array( 'customer', 'agent' ), array_column( array_column( $guest_view, 'author' ), 'role' ) );
		$agent_view = $this->rest( 'GET', $path, array(), $this->agent->ID )->get_data();
		$this->assertSame( array( 'reply', 'reply', 'note' ), array_column( $agent_view, 'type' ) );
	}

	public function test_customers_and_guests_reply_agents_also_write_notes(): void {
		$guest_ticket = $this->guest_ticket();
		$own          = $this->customer_ticket( $this->customer_a );
		$guest_path   = '/aftercare/v1/tickets/' . $guest_ticket['id'] . '/messages';
		$this->assertStatuses(
			self::statuses( 201, array( 'guest_token' => 201 ) ),
			'POST',
			$guest_path,
			array( 'body' => 'More details' ),
			$guest_ticket['access_token'],
			$guest_ticket['id']
		);
		$own_path = '/aftercare/v1/tickets/' . $own['id'] . '/messages';
		$this->assertSame( 201, $this->rest( 'POST', $own_path, array( 'body' => 'Me again' ), $this->customer_a->ID )->get_status() );
		$this->assertSame( 403, $this->rest( 'POST', $own_path, array( 'body' => 'Me again' ), $this->customer_b->ID )->get_status() );

		$before = $this->snapshot();
		$this->assertErrorCode(
			'aftercare_forbidden',
			$this->rest( 'POST', $own_path, array( 'type' => 'note', 'body' => 'sneaky note' ), $this->customer_a->ID ),
			403
		);
		$this->assertErrorCode(
			'aftercare_forbidden',
			$this->as_guest( 'POST', $guest_path, $guest_ticket['access_token'], array( 'type' => 'note', 'body' => 'sneaky' ) ),
			401
		);
		$this->assertErrorCode(
			'aftercare_forbidden',
			$this->rest( 'POST', $own_path, array( 'body' => 'close it', 'status' => 'closed' ), $this->customer_a->ID ),
			403
		);
		foreach ( array(
			array( 'body' => str_repeat( 'a', 20001 ) ),
			array( 'body' => array( 'x' ) ),
			array( 'body' => '<script>alert(1)</script>' ),
			array( 'body' => 'x', 'type' => 'memo' ),
			array( 'body' => 'x', 'status' => 'deleted' ),
			array(),
		) as $params ) {
			$this->assertSame( 400, $this->rest( 'POST', $own_path, $params, $this->agent->ID )->get_status(), wp_json_encode( $params ) );
		}
		$this->assertSame( $before, $this->snapshot() );

		$solved = $this->rest( 'POST', $own_path, array( 'body' => 'Done', 'status' => 'solved' ), $this->agent->ID );
		$this->assertSame( 201, $solved->get_status() );
		$this->assertSame( 'solved', $this->rest( 'GET', '/aftercare/v1/tickets/' . $own['id'], array(), $this->agent->ID )->get_data()['status'] );
	}

	public function test_a_reply_that_carries_a_token_is_the_token_holder_s_whoever_is_signed_in(): void {
		$ticket = $this->guest_ticket( array( 'name' => 'Gwen Guest' ) );
		$other  = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		foreach ( array( $this->agent, $this->customer_b ) as $user ) {
			$reply = $this->rest( 'POST', $path, array( 'body' => 'Through the link' ), $user->ID, array( 'X-Aftercare-Token' => $ticket['access_token'] ) );
			$this->assertSame( 201, $reply->get_status() );
			$this->assertSame(
				array(
					'id'   => 0,
					'name' => 'Gwen Guest',
					'role' => 'customer',
				),
				$reply->get_data()['author']
			);
		}
		$this->assertSame(
			'open',
			$this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'], array(), $this->agent->ID )->get_data()['status'],
			'a shopper\'s reply, not an agent\'s'
		);

		// A wrong token, or another ticket's, opens nothing: not even for an agent who could answer.
		$before = $this->snapshot();
		foreach ( array( $other['access_token'], str_repeat( 'A', 32 ) ) as $token ) {
			$this->assertErrorCode(
				'aftercare_forbidden',
				$this->rest( 'POST', $path, array( 'body' => 'Into a stranger\'s thread' ), $this->agent->ID, array( 'X-Aftercare-Token' => $token ) ),
				403
			);
			$this->assertErrorCode(
				'aftercare_forbidden',
				$this->rest( 'POST', $path, array( 'body' => 'Into a stranger\'s thread', 'token' => $token ), $this->agent->ID ),
				403
			);
		}
		// The token holder is a shopper: no notes, no status.
		$this->assertErrorCode(
			'aftercare_forbidden',
			$this->rest( 'POST', $path, array( 'body' => 'x', 'type' => 'note' ), $this->agent->ID, array( 'X-Aftercare-Token' => $ticket['access_token'] ) ),
			403
		);
		$this->assertErrorCode(
			'aftercare_forbidden',
			$this->rest( 'POST', $path, array( 'body' => 'x', 'status' => 'closed' ), $this->agent->ID, array( 'X-Aftercare-Token' => $ticket['access_token'] ) ),
			403
		);
		$this->assertSame( $before, $this->snapshot() );
	}

	public function test_an_image_upload_is_stored_privately_and_downloaded_with_safe_headers(): void {
		$ticket   = $this->guest_ticket();
		$response = $this->multipart(
			'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
			array( 'body' => 'Photo attached' ),
			array( array( 'photo.png', self::png() ), array( 'notes.txt', "plain notes\n" ) ),
			0,
			$ticket['access_token']
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$files = $response->get_data()['attachments'];
		$this->assertSame( array( 'image/png', 'text/plain' ), array_column( $files, 'mime' ) );
		$this->assertStringNotContainsString( $ticket['access_token'], $files[0]['url'], 'a signed link, never the token' );

		$dir = wp_upload_dir()['basedir'] . '/aftercare-private/';
		$this->assertFileExists( $dir . '.htaccess' );
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$this->assertStringContainsString( 'Require all denied', (string) file_get_contents( $dir . '.htaccess' ) );
		$this->assertFileExists( $dir . 'index.php' );
		global $wpdb;
		$stored = (string) $wpdb->get_var( $wpdb->prepare( "SELECT file FROM {$wpdb->prefix}aftercare_attachments WHERE id = %d", $files[0]['id'] ) );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{32}$/', $stored, 'random name, no extension' );

		$png_path = '/aftercare/v1/attachments/' . $files[0]['id'];
		$this->assertStatuses(
			self::statuses( 200, array( 'guest_token' => 200 ) ),
			'GET',
			$png_path,
			array(),
			$ticket['access_token'],
			$ticket['id']
		);
		$image = $this->rest( 'GET', $png_path, array(), $this->agent->ID );
		$this->assertInstanceOf( FileResponse::class, $image );
		$this->assertSame( self::png(), file_get_contents( $image->path ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$headers = $image->get_headers();
		$this->assertSame( 'nosniff', $headers['X-Content-Type-Options'] );
		$this->assertSame( 'image/png', $headers['Content-Type'] );
		$this->assertStringStartsWith( 'inline;', $headers['Content-Disposition'] );

		$text = $this->rest( 'GET', '/aftercare/v1/attachments/' . $files[1]['id'], array(), $this->agent->ID )->get_headers();
		$this->assertSame( 'application/octet-stream', $text['Content-Type'] );
		$this->assertStringStartsWith( 'attachment;', $text['Content-Disposition'] );
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/attachments/999999' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/attachments/999999', array(), $this->agent->ID )->get_status() );
	}

	/**
	 * The query of a signed download link, as a browser following it sends it.
	 *
	 * @return array<string, string>
	 */
	private static function link_query( string $url ): array {
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return $query;
	}

	/**
	 * A genuine link to a file for the current viewer, made at the clock's time.
	 *
	 * @return array<string, string> Its query.
	 */
	private static function signed( int $file_id, \Aftercare\Infrastructure\Clock $clock ): array {
		return self::link_query( ( new \Aftercare\Tickets\AttachmentLinks( $clock ) )->url( new \Aftercare\Tickets\Attachment( $file_id, 0, 0, '', '', '', 0, 0 ) ) );
	}

	protected function tearDown(): void {
		unset( $_COOKIE[ LOGGED_IN_COOKIE ], $_SERVER['REQUEST_METHOD'] );
		parent::tearDown();
	}

	/**
	 * Signs in a browser: WordPress's logged_in cookie with a fresh login session.
	 */
	private static function browser_session( int $user_id ): void {
		$expires                     = time() + HOUR_IN_SECONDS;
		$_SERVER['REQUEST_METHOD']   = 'GET';
		$_COOKIE[ LOGGED_IN_COOKIE ] = wp_generate_auth_cookie( $user_id, $expires, 'logged_in', \WP_Session_Tokens::get_instance( $user_id )->create( $expires ) );
	}

	public function test_download_links_are_signed_short_lived_and_carry_no_nonce_or_token(): void {
		$ticket = $this->guest_ticket();
		$sent   = $this->multipart(
			'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
			array( 'body' => 'Photo' ),
			array( array( 'photo.png', self::png() ) ),
			0,
			$ticket['access_token']
		);
		$url    = $sent->get_data()['attachments'][0]['url'];
		$query  = self::link_query( $url );
		$path   = '/aftercare/v1/attachments/' . $sent->get_data()['attachments'][0]['id'];
		$this->assertSame( array( 'expires', 'signature' ), array_keys( $query ), 'no _wpnonce, no token' );
		$this->assertEqualsWithDelta( time() + HOUR_IN_SECONDS, (int) $query['expires'], 60, 'a guest\'s link lasts an hour' );
		$this->assertSame( 200, $this->rest( 'GET', $path, $query )->get_status(), 'the link alone opens the file' );
		$this->assertSame( 401, $this->rest( 'GET', $path, array( 'signature' => strrev( $query['signature'] ) ) + $query )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', $path, array( 'expires' => (int) $query['expires'] + 1 ) + $query )->get_status(), 'the expiry is signed' );
		$this->assertSame( 400, $this->rest( 'GET', $path, array( 'signature' => 'x' ) + $query )->get_status() );
		$other = $this->multipart(
			'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
			array( 'body' => 'Another' ),
			array( array( 'other.png', self::png() ) ),
			0,
			$ticket['access_token']
		)->get_data()['attachments'][0]['id'];
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/attachments/' . $other, $query )->get_status(), 'one link, one file' );
		// Made an hour and a minute ago: expired.
		wp_set_current_user( 0 );
		$old = self::signed( $other, new \Aftercare\Tests\FixedClock( time() - HOUR_IN_SECONDS - 60 ) );
		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/attachments/' . $other, $old )->get_status() );
	}

	public function test_a_signed_in_viewers_link_works_only_in_their_own_login_session(): void {
		$own   = $this->customer_ticket( $this->customer_a );
		self::browser_session( $this->customer_a->ID );
		$sent  = $this->multipart(
			'/aftercare/v1/tickets/' . $own['id'] . '/messages',
			array( 'body' => 'Receipt' ),
			array( array( 'receipt.png', self::png() ) ),
			$this->customer_a->ID
		);
		$this->assertSame( 201, $sent->get_status(), (string) wp_json_encode( $sent->get_data() ) );
		$query = self::link_query( $sent->get_data()['attachments'][0]['url'] );
		$path  = '/aftercare/v1/attachments/' . $sent->get_data()['attachments'][0]['id'];
		$this->assertSame( array( 'expires', 'signature' ), array_keys( $query ) );
		$this->assertEqualsWithDelta( time() + 12 * HOUR_IN_SECONDS, (int) $query['expires'], 60 );
		// Browsers send the cookie but no nonce: the REST API treats them as anonymous.
		$this->assertSame( 200, $this->rest( 'GET', $path, $query )->get_status(), 'in the same login session' );
		self::browser_session( $this->customer_a->ID );
		$this->assertSame( 401, $this->rest( 'GET', $path, $query )->get_status(), 'another session of the same person' );
		self::browser_session( $this->customer_b->ID );
		$this->assertSame( 401, $this->rest( 'GET', $path, $query )->get_status(), 'someone else' );
		unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		$this->assertSame( 401, $this->rest( 'GET', $path, $query )->get_status(), 'a leaked link without the session' );
	}

	public function test_files_of_internal_notes_reach_agents_only(): void {
		$ticket = $this->guest_ticket();
		$note   = $this->multipart(
			'/aftercare/v1/tickets/' . $ticket['id'] . '/messages',
			array( 'body' => 'Invoice scan', 'type' => 'note' ),
			array( array( 'scan.png', self::png() ) ),
			$this->agent->ID
		);
		$this->assertSame( 201, $note->get_status() );
		$path = '/aftercare/v1/attachments/' . $note->get_data()['attachments'][0]['id'];
		$this->assertSame( 401, $this->as_guest( 'GET', $path, $ticket['access_token'] )->get_status() );
		$this->assertSame( 200, $this->rest( 'GET', $path, array(), $this->agent->ID )->get_status() );
		// A genuine guest link to a note's file (guests are never given one) opens nothing.
		wp_set_current_user( 0 );
		$guest_link = self::signed( (int) $note->get_data()['attachments'][0]['id'], new \Aftercare\Infrastructure\SystemClock() );
		$this->assertSame( 401, $this->rest( 'GET', $path, $guest_link )->get_status() );
		self::browser_session( $this->agent->ID );
		$agent_link = self::link_query(
			$this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array(), $this->agent->ID )->get_data()[1]['attachments'][0]['url']
		);
		$this->assertSame( 200, $this->rest( 'GET', $path, $agent_link )->get_status() );
		$this->agent->remove_role( 'aftercare_agent' );
		$this->assertSame( 401, $this->rest( 'GET', $path, $agent_link )->get_status(), 'no longer an agent' );
	}

	public function test_hostile_and_oversize_files_are_refused_and_leave_nothing_behind(): void {
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		( new Settings() )->update( array( 'attachment_max_size_mb' => 1 ) );
		$dir    = wp_upload_dir()['basedir'] . '/aftercare-private/';
		$files  = glob( $dir . '*' );
		$before = $this->snapshot();
		$cases  = array(
			'aftercare_file_type'      => array( array( 'avatar.jpg', "<?php system(\$_GET['c']); ?>" ) ),
			'aftercare_file_too_large' => array( array( 'big.png', self::png() . str_repeat( "\0", MB_IN_BYTES ) ) ),
			'aftercare_too_many_files' => array_fill( 0, 6, array( 'p.png', self::png() ) ),
		);
		$cases['aftercare_file_type'][]   = array( 'fine.png', self::png() ); // One bad file spoils the batch.
		$more                             = array(
			array( array( 'page.html', '<html><script>alert(1)</script></html>' ) ),
			array( array( 'image.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' ) ),
			array( array( 'notes.jpg', "just text\n" ) ),
			array( array( 'photo.png.php', self::png() ) ),
		);
		foreach ( $cases as $code => $upload ) {
			$this->assertErrorCode( $code, $this->multipart( $path, array( 'body' => 'See file' ), $upload, 0, $ticket['access_token'] ), 400 );
		}
		foreach ( $more as $upload ) {
			$this->assertErrorCode( 'aftercare_file_type', $this->multipart( $path, array( 'body' => 'See file' ), $upload, $this->agent->ID ), 400 );
		}
		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( $files, glob( $dir . '*' ), 'no stored file left behind' );
	}

	public function test_creation_takes_attachments_too(): void {
		$response = $this->multipart(
			'/aftercare/v1/tickets',
			array(
				'name'    => 'Gwen',
				'email'   => 'gwen@example.test',
				'subject' => 'Damaged',
				'message' => 'See photo',
			),
			array( array( 'damage.png', self::png() ) )
		);
		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$thread = $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $response->get_data()['id'] . '/messages', $response->get_data()['access_token'] )->get_data();
		$this->assertSame( 'damage.png', $thread[0]['attachments'][0]['name'] );

		$before = $this->snapshot();
		$bad    = $this->multipart(
			'/aftercare/v1/tickets',
			array(
				'name'    => 'Gwen',
				'email'   => 'gwen2@example.test',
				'subject' => 'Damaged',
				'message' => 'See photo',
			),
			array( array( 'damage.jpg', '<?php echo 1;' ) )
		);
		$this->assertErrorCode( 'aftercare_file_type', $bad, 400 );
		$this->assertSame( $before['tickets'], $this->count_rows( 'tickets' ) );
		$this->assertSame( $before['messages'], $this->count_rows( 'messages' ) );
	}

	public function test_an_empty_file_input_is_no_upload_and_no_error(): void {
		wp_set_current_user( 0 );
		$request = new \WP_REST_Request( 'POST', '/aftercare/v1/tickets' );
		$request->set_body_params(
			array(
				'name'    => 'Gwen',
				'email'   => 'gwen@example.test',
				'subject' => 'No photo',
				'message' => 'The file field was left empty',
			)
		);
		// What a browser posts for an untouched `<input type="file" multiple>`.
		$request->set_file_params(
			array(
				'attachments' => array(
					'name'     => array( '' ),
					'tmp_name' => array( '' ),
					'size'     => array( 0 ),
					'error'    => array( UPLOAD_ERR_NO_FILE ),
					'type'     => array( '' ),
				),
			)
		);
		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 201, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( 0, $this->count_rows( 'attachments' ) );
	}

	public function test_closed_tickets_take_no_customer_replies(): void {
		$ticket = $this->customer_ticket( $this->customer_a );
		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket['id'], array( 'status' => 'closed' ), $this->agent->ID );
		$before = $this->snapshot();
		$this->assertErrorCode(
			'aftercare_ticket_closed',
			$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'Hello?' ), $this->customer_a->ID ),
			409
		);
		$this->assertSame( $before, $this->snapshot() );
	}
}
