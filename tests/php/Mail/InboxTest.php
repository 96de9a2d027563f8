<?php
/**
 * Mail in, through the real webhooks: only signed bodies are read; each corpus message ends as
 * it should (a ticket, ignored, or kept for an agent) and only once; replies find their ticket by
 * plus-tag, by In-Reply-To/References and by `[#number]`, only from the ticket's customer (or an
 * address an agent copied in); a reply reopens a solved ticket; auto-replies and bounces are never
 * answered.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Plugin;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Notifications\MailHeadersTest;

final class InboxTest extends MailTestCase {

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function corpus(): array {
		$cases = array();
		foreach ( glob( self::CORPUS . '*.eml' ) as $file ) {
			$cases[ basename( $file, '.eml' ) ] = array( basename( $file, '.eml' ) );
		}
		return $cases;
	}

	/**
	 * @dataProvider corpus
	 */
	public function test_the_corpus_through_the_webhook( string $name ): void {
		// phpcs:disable WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$raw      = (string) file_get_contents( self::CORPUS . $name . '.eml' );
		$expected = (string) file_get_contents( self::CORPUS . $name . '.expected.txt' );
		// phpcs:enable

		$this->assertErrorCode( 'aftercare_bad_signature', $this->post( $raw, '' ), 401 );
		$this->assertErrorCode( 'aftercare_bad_signature', $this->post( $raw, 'sha256=' . hash_hmac( 'sha256', $raw, 'not-the-secret' ) ), 401 );
		$this->assertErrorCode( 'aftercare_bad_signature', $this->post( $raw . ' ', $this->reply->signature( $raw ) ), 401 );
		$this->assertSame( 0, $this->count_received(), 'nothing stored without the signature' );

		$first   = $this->post( $raw );
		$receipt = $first->get_data();
		$outcome = match ( $name ) {
			'malformed'              => 'needs_attention',
			'out-of-office', 'bounce' => 'ignored',
			default                  => 'stored',
		};
		$this->assertSame( $outcome, $receipt['outcome'], (string) wp_json_encode( $receipt ) );
		$this->assertSame( array( 'stored' => 201, 'ignored' => 200, 'needs_attention' => 202 )[ $outcome ], $first->get_status() );
		if ( 'stored' === $outcome ) {
			$ticket = Plugin::instance()->tickets->get( $receipt['ticket_id'] );
			$this->assertSame( 'email', $ticket->channel->value );
			$thread = $this->thread( $ticket->id );
			$text   = html_entity_decode( wp_strip_all_tags( (string) end( $thread )['body'] ), ENT_QUOTES, 'UTF-8' );
			$line = trim( strtok( trim( $expected ), "\n" ) );
			$this->assertStringContainsString( $line, $text, 'the visible text is the message' );
		} else {
			$this->assertSame( 0, $receipt['ticket_id'] );
		}

		$again = $this->post( $raw );
		$this->assertSame( 200, $again->get_status() );
		$this->assertSame( 'duplicate', $again->get_data()['outcome'] );
		$this->assertSame( $receipt['ticket_id'], $again->get_data()['ticket_id'] );
		$this->assertSame( 1, $this->count_received(), 'stored once' );
		$this->assertSame( $raw, $this->received( $receipt['received_id'] )->raw, 'the original is kept' );
	}

	public function test_the_same_message_id_with_other_bytes_is_a_duplicate(): void {
		$first = $this->post( self::mail( array( 'Message-ID' => '<same@mail.example.test>' ) ) )->get_data();
		$again = $this->post( self::mail( array( 'Message-ID' => '<same@mail.example.test>', 'Received' => 'from relay2' ) ) )->get_data();
		$this->assertSame( 'duplicate', $again['outcome'] );
		$this->assertSame( $first['ticket_id'], $again['ticket_id'] );
		$this->assertCount( 1, $this->thread( $first['ticket_id'] ) );
	}

	public function test_a_reply_finds_its_ticket_by_the_plus_tag_and_reopens_it_when_solved(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket['id'], array( 'status' => 'solved' ), $this->agent->ID );
		$receipt = $this->post( self::mail( array( 'To' => 'Shop <' . $this->reply->for_ticket( (int) $ticket['number'] ) . '>' ) ) )->get_data();
		$this->assertSame( 'stored', $receipt['outcome'] );
		$this->assertSame( $ticket['id'], $receipt['ticket_id'] );
		$this->assertCount( 2, $this->thread( $ticket['id'] ) );
		$this->assertSame( 'open', Plugin::instance()->tickets->get( $ticket['id'] )->status->value, 'solved → open' );

		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket['id'] . '/messages', array( 'body' => 'Which size?' ), $this->agent->ID );
		$this->assertSame( 'pending', Plugin::instance()->tickets->get( $ticket['id'] )->status->value );
		$this->post( self::mail( array( 'Cc' => $this->reply->for_ticket( (int) $ticket['number'] ) ) ) );
		$this->assertSame( 'open', Plugin::instance()->tickets->get( $ticket['id'] )->status->value, 'pending → open' );
	}

	public function test_a_forged_plus_tag_or_a_stranger_opens_a_new_ticket(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$forged = preg_replace( '/\.[0-9a-f]{8}@/', '.deadbeef@', $this->reply->for_ticket( (int) $ticket['number'] ) );
		$this->assertNotSame( $this->reply->for_ticket( (int) $ticket['number'] ), $forged );
		$receipt = $this->post( self::mail( array( 'To' => (string) $forged ) ) )->get_data();
		$this->assertSame( 'stored', $receipt['outcome'] );
		$this->assertNotSame( $ticket['id'], $receipt['ticket_id'], 'a forged tag matches nothing' );

		$stranger = $this->post( self::mail( array( 'From' => 'eve@example.test', 'To' => $this->reply->for_ticket( (int) $ticket['number'] ) ) ) )->get_data();
		$this->assertNotSame( $ticket['id'], $stranger['ticket_id'], 'only the customer writes into a ticket' );
		$this->assertSame( 'eve@example.test', Plugin::instance()->tickets->get( $stranger['ticket_id'] )->customer_email );
		$this->assertStringContainsString( 'other than its customer', $stranger['reason'] );
		$this->assertCount( 1, $this->thread( $ticket['id'] ), 'the ticket got nothing' );
	}

	public function test_a_reply_finds_its_ticket_by_in_reply_to_and_references(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$ack    = array_values( array_filter( $this->deliver_outbox(), static fn( array $mail ): bool => 'gwen@example.test' === $mail['to'] ) )[0];
		$id     = (string) preg_replace( '/^Message-ID:\s*/i', '', (string) current( preg_grep( '/^Message-ID:/i', MailHeadersTest::lines( $ack ) ) ) );
		$first  = $this->post( self::mail( array( 'In-Reply-To' => $id, 'Message-ID' => '<first-reply@mail.example.test>' ) ) )->get_data();
		$this->assertSame( $ticket['id'], $first['ticket_id'], 'In-Reply-To our acknowledgement' );

		$second = $this->post( self::mail( array( 'References' => '<unknown@x.test> <first-reply@mail.example.test>' ) ) )->get_data();
		$this->assertSame( $ticket['id'], $second['ticket_id'], 'References the customer\'s own earlier mail' );
		$this->assertCount( 3, $this->thread( $ticket['id'] ) );
	}

	public function test_a_known_sender_reaches_their_open_ticket_by_its_number_in_the_subject(): void {
		$ticket  = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$subject = 'Re: [#' . $ticket['number'] . '] Where is my parcel?';
		$this->assertSame( $ticket['id'], $this->post( self::mail( array( 'Subject' => $subject ) ) )->get_data()['ticket_id'] );
		$eve = $this->post( self::mail( array( 'Subject' => $subject, 'From' => 'eve@example.test' ) ) )->get_data();
		$this->assertNotSame( $ticket['id'], $eve['ticket_id'], 'not someone else\'s' );

		$this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket['id'], array( 'status' => 'closed' ), $this->agent->ID );
		$closed = $this->post( self::mail( array( 'To' => $this->reply->for_ticket( (int) $ticket['number'] ) ) ) )->get_data();
		$this->assertNotSame( $ticket['id'], $closed['ticket_id'], 'a closed ticket takes no replies: a new ticket' );
		$this->assertSame( 'stored', $closed['outcome'] );
	}

	public function test_auto_replies_bounces_and_our_own_mail_are_recorded_and_never_answered(): void {
		$ticket = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$this->deliver_outbox();
		$before = $this->outbox_rows( $ticket['id'] );
		$tagged = $this->reply->for_ticket( (int) $ticket['number'] );
		foreach ( array(
			array( 'To' => $tagged, 'Auto-Submitted' => 'auto-replied', 'Subject' => 'Out of office' ),
			array( 'To' => $tagged, 'From' => 'MAILER-DAEMON@mx.example.test', 'Subject' => 'Undelivered Mail Returned to Sender' ),
			array( 'To' => $tagged, 'From' => 'Shop <help@shop.example>' ),
			array( 'From' => 'help+t' . $ticket['number'] . '.00000000@shop.example' ),
		) as $headers ) {
			$receipt = $this->post( self::mail( $headers ) )->get_data();
			$this->assertSame( 'ignored', $receipt['outcome'], (string) wp_json_encode( $headers ) );
			$this->assertSame( 0, $receipt['ticket_id'] );
		}
		$this->assertSame( 4, $this->count_received(), 'each one recorded' );
		$this->assertCount( 1, $this->thread( $ticket['id'] ) );
		$this->assertSame( $before, $this->outbox_rows( $ticket['id'] ), 'no mail queued' );
		$this->assertSame( array(), $this->deliver_outbox() );
	}

	public function test_a_new_ticket_by_mail_is_acknowledged_with_a_reply_address_and_files_follow_the_store_rules(): void {
		$raw     = self::mail(
			array(
				'Subject'      => 'Photo of the damage',
				'Message-ID'   => '<photo@mail.example.test>',
				'Content-Type' => 'multipart/mixed; boundary="b1"',
			),
			"--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nThe box was crushed.\r\n"
			. "--b1\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"box.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
			. chunk_split( base64_encode( self::png() ) ) // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
			. "--b1\r\nContent-Type: application/x-msdownload\r\nContent-Disposition: attachment; filename=\"run.exe\"\r\n"
			. "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n--b1--"
		);
		$receipt = $this->post( $raw )->get_data();
		$this->assertSame( 'stored', $receipt['outcome'] );
		$this->assertStringContainsString( 'run.exe', $receipt['reason'], 'the refused file is noted' );
		$message = $this->thread( $receipt['ticket_id'] )[0];
		$this->assertSame( array( 'box.png' ), array_column( $message['attachments'], 'name' ) );

		$ack = array_values( array_filter( $this->deliver_outbox(), static fn( array $mail ): bool => 'gwen@example.test' === $mail['to'] ) );
		$this->assertCount( 1, $ack, 'the sender gets the acknowledgement' );
		$number = Plugin::instance()->tickets->get( $receipt['ticket_id'] )->number;
		$this->assertContains( 'Reply-To: ' . $this->reply->for_ticket( $number ), MailHeadersTest::lines( $ack[0] ) );
		$this->assertContains( 'In-Reply-To: <photo@mail.example.test>', MailHeadersTest::lines( $ack[0] ), 'it answers the shopper\'s mail' );
		$this->assertContains( 'References: <photo@mail.example.test>', MailHeadersTest::lines( $ack[0] ) );
	}

	public function test_files_beyond_the_limit_for_one_message_are_refused_and_named(): void {
		( new Settings() )->update( array( 'attachment_max_message_mb' => 1 ) );
		$part = static fn( string $name ): string => "--b1\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"{$name}\"\r\n"
			. "Content-Transfer-Encoding: base64\r\n\r\n"
			// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- a MIME part.
			. chunk_split( base64_encode( self::png() . str_repeat( "\0", 600 * 1024 ) ) );
		$raw     = self::mail(
			array(
				'Subject'      => 'Two big photos',
				'Message-ID'   => '<big@mail.example.test>',
				'Content-Type' => 'multipart/mixed; boundary="b1"',
			),
			"--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nBoth sides of the box.\r\n" . $part( 'front.png' ) . $part( 'back.png' ) . '--b1--'
		);
		$receipt = $this->post( $raw )->get_data();
		$this->assertSame( 'stored', $receipt['outcome'] );
		$this->assertStringContainsString( 'back.png (over the size limit for one message)', $receipt['reason'] );
		$message = $this->thread( $receipt['ticket_id'] )[0];
		$this->assertSame( array( 'front.png' ), array_column( $message['attachments'], 'name' ), 'the first file fits, the second would pass 1 MB' );
	}

	public function test_postmark_json_with_the_key_in_the_url(): void {
		$json = array(
			'FromFull' => array(
				'Email' => 'gwen@example.test',
				'Name'  => 'Gwen',
			),
			'ToFull'   => array( array( 'Email' => 'help@shop.example' ) ),
			'Subject'  => 'Größe tauschen',
			'TextBody' => "Can I swap the size?\n\nOn Mon, Shop wrote:\n> Hello",
			'Headers'  => array(
				array(
					'Name'  => 'Message-ID',
					'Value' => '<pm-1@mail.example.test>',
				),
			),
		);
		$post = static function ( string $key ) use ( $json ): \WP_REST_Response {
			$request = new \WP_REST_Request( 'POST', '/aftercare/v1/inbound/postmark' );
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_query_params( array( 'key' => $key ) );
			$request->set_body( (string) wp_json_encode( $json ) );
			return rest_get_server()->dispatch( $request );
		};
		$this->assertErrorCode( 'aftercare_bad_signature', $post( 'wrong' ), 401 );
		$response = $post( $this->reply->secret() );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$ticket = Plugin::instance()->tickets->get( $response->get_data()['ticket_id'] );
		$this->assertSame( 'Größe tauschen', $ticket->subject );
		$this->assertSame( '<p>Can I swap the size?</p>', trim( $this->thread( $ticket->id )[0]['body'] ), 'the quoted history is trimmed' );
		$this->assertSame( 'duplicate', $post( $this->reply->secret() )->get_data()['outcome'] );
	}

	public function test_exporting_a_person_lists_the_mail_they_sent(): void {
		$this->post( self::mail( array( 'Subject' => 'Parcel' ) ) );
		$this->post( self::mail( array( 'Subject' => 'Away', 'Auto-Submitted' => 'auto-replied' ) ) );
		$this->post( self::mail( array( 'From' => 'eve@example.test', 'Subject' => 'Eve\'s' ) ) );
		$exporter = apply_filters( 'wp_privacy_personal_data_exporters', array() )['aftercare-tickets']['callback'];
		$items    = array();
		$page     = 1;
		do {
			$result = call_user_func( $exporter, 'gwen@example.test', $page++ );
			$items  = array( ...$items, ...$result['data'] );
		} while ( ! $result['done'] );
		$mails = array_values( array_filter( $items, static fn( array $item ): bool => 'aftercare-received-mail' === $item['group_id'] ) );
		$this->assertCount( 2, $mails );
		$fields = array_column( $mails[0]['data'], 'value', 'name' );
		$this->assertSame( array( 'gwen@example.test', 'Parcel', 'stored' ), array( $fields['From'], $fields['Subject'], $fields['What became of it'] ) );
		$this->assertSame( 'ignored', array_column( $mails[1]['data'], 'value', 'name' )['What became of it'] );
		$this->assertStringNotContainsString( 'eve@example.test', (string) wp_json_encode( $mails ) );
	}

	public function test_erasing_a_person_deletes_the_mail_they_sent(): void {
		$this->post( self::mail( array() ) );
		$this->post( self::mail( array( 'From' => 'eve@example.test' ) ) );
		$eraser = apply_filters( 'wp_privacy_personal_data_erasers', array() )['aftercare-tickets']['callback'];
		do {
			$result = call_user_func( $eraser, 'Gwen@example.test', 1 );
		} while ( ! $result['done'] );
		$this->assertTrue( $result['items_removed'] );
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertSame( array( 'eve@example.test' ), $wpdb->get_col( "SELECT sender FROM {$wpdb->prefix}aftercare_received_mail" ) );
	}
}
