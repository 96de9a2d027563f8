<?php
/**
 * What agents see of a message that came by email: where it came from and whether it continued
 * a ticket (`email`, agents only), the quoted history behind "show quoted text" (agents only, and
 * only through the message's own ticket), and inline images linked to their stored files.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Settings\Settings;

/**
 * @group sqlite
 */
final class EmailInThreadTest extends MailTestCase {

	private function quoted( int $ticket_id, int $message_id, int $user_id ): \WP_REST_Response {
		return $this->rest( 'GET', '/aftercare/v1/tickets/' . $ticket_id . '/messages/' . $message_id . '/quoted', array(), $user_id );
	}

	public function test_agents_see_how_each_message_came(): void {
		$opened = $this->post( self::corpus_mail( 'plain-reply' ) )->get_data();
		$ticket = \Aftercare\Plugin::instance()->tickets->get( $opened['ticket_id'] );
		$this->rest( 'POST', '/aftercare/v1/tickets/' . $ticket->id . '/messages', array( 'body' => 'Which size?' ), $this->agent->ID );
		$reply = $this->post(
			self::mail(
				array(
					'From' => $ticket->customer_email,
					'To'   => $this->reply->for_ticket( $ticket->number ),
				),
				"Medium, please.\r\n\r\nOn Fri, Shop wrote:\r\n> Which size?"
			)
		)->get_data();
		$this->assertSame( $ticket->id, $reply['ticket_id'] );

		$thread = $this->thread( $ticket->id );
		$this->assertCount( 3, $thread );
		$this->assertSame(
			array(
				'received_id' => $opened['received_id'],
				'sender'      => $ticket->customer_email,
				'matched'     => false,
				'has_quoted'  => true,
			),
			$thread[0]['email'],
			'it opened the ticket'
		);
		$this->assertNull( $thread[1]['email'], 'the agent wrote in wp-admin' );
		$email = $thread[2]['email'];
		$this->assertSame( array( $reply['received_id'], true, true ), array( $email['received_id'], $email['matched'], $email['has_quoted'] ) );

		$to       = $this->reply->for_ticket( $ticket->number );
		$unquoted = $this->post( self::mail( array( 'From' => $ticket->customer_email, 'To' => $to ), 'Thanks!' ) )->get_data();
		$thread   = $this->thread( $ticket->id );
		$this->assertFalse( end( $thread )['email']['has_quoted'] );
		$this->assertSame( '', $this->quoted( $ticket->id, $unquoted['message_id'], $this->agent->ID )->get_data()['html'] );
	}

	public function test_shoppers_never_see_the_email_details(): void {
		$guest  = $this->guest_ticket( array( 'email' => 'gwen@example.test' ) );
		$this->post( self::mail( array( 'To' => $this->reply->for_ticket( (int) $guest['number'] ) ), "Any news?\r\n\r\nOn Fri, Shop wrote:\r\n> Hello" ) );
		$thread = $this->as_guest( 'GET', '/aftercare/v1/tickets/' . $guest['id'] . '/messages', $guest['access_token'] )->get_data();
		$this->assertCount( 2, $thread );
		foreach ( $thread as $message ) {
			$this->assertArrayNotHasKey( 'email', $message );
		}
		$path = '/aftercare/v1/tickets/' . $guest['id'] . '/messages/' . $thread[1]['id'] . '/quoted';
		$this->assertErrorCode( 'aftercare_forbidden', $this->as_guest( 'GET', $path, $guest['access_token'] ), 401 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->quoted( $guest['id'], $thread[1]['id'], $this->customer_a->ID ), 403 );
	}

	public function test_the_quoted_text_is_safe_html_of_the_messages_own_ticket(): void {
		$receipt = $this->post( self::corpus_mail( 'gmail-reply' ) )->get_data();
		$thread  = $this->thread( $receipt['ticket_id'] );
		$this->assertTrue( $thread[0]['email']['has_quoted'] );
		$this->assertStringNotContainsString( 'wrote:', $thread[0]['body'], 'the thread shows the new text only' );

		$response = $this->quoted( $receipt['ticket_id'], $receipt['message_id'], $this->agent->ID );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$html = $response->get_data()['html'];
		$this->assertStringContainsString( 'wrote:', $html, 'the attribution line starts the quote' );
		$this->assertSame( \Aftercare\Tickets\MessageBody::sanitize( $html ), $html, 'message HTML under the message rules' );
		$this->assertDoesNotMatchRegularExpression( '/<(?:div|span|style|script|img)\b|\sstyle=|\sclass=/i', $html );

		$other = $this->guest_ticket();
		$this->assertErrorCode( 'aftercare_not_found', $this->quoted( $other['id'], $receipt['message_id'], $this->agent->ID ), 404 );
		$web = $this->thread( $other['id'] )[0];
		$this->assertErrorCode( 'aftercare_not_found', $this->quoted( $other['id'], $web['id'], $this->agent->ID ), 404 );
		$this->assertErrorCode( 'aftercare_not_found', $this->quoted( $receipt['ticket_id'], 999999, $this->agent->ID ), 404 );
	}

	public function test_inline_images_link_to_their_stored_files(): void {
		$receipt = $this->post( self::corpus_mail( 'apple-mail-reply' ) )->get_data();
		$this->assertSame( 'stored', $receipt['outcome'] );
		$message = $this->thread( $receipt['ticket_id'] )[0];
		$this->assertSame( array( 'scratch.png' ), array_column( $message['attachments'], 'name' ) );
		$file = $message['attachments'][0];

		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$stored = (string) $wpdb->get_var( $wpdb->prepare( "SELECT body FROM {$wpdb->prefix}aftercare_messages WHERE id = %d", $receipt['message_id'] ) );
		$this->assertStringNotContainsString( 'cid:', $stored );
		$lasting = 'href="' . esc_url( rest_url( 'aftercare/v1/attachments/' . $file['id'] ) ) . '"';
		$this->assertStringContainsString( $lasting, $stored, 'the lasting address is stored' );
		$this->assertStringContainsString( '>scratch.png</a>', $stored, 'named by its alt text' );

		$this->assertStringContainsString( 'href="' . esc_url( $file['url'] ) . '"', $message['body'], 'shown as the viewer\'s signed link' );
		$this->assertStringContainsString( 'signature=', $message['body'] );
		$this->assertStringNotContainsString( 'href="' . esc_url( rest_url( 'aftercare/v1/attachments/' . $file['id'] ) ) . '"', $message['body'] );
	}

	public function test_an_inline_image_the_rules_refuse_leaves_its_alt_text(): void {
		( new Settings() )->update( array( 'attachment_max_size_mb' => 1 ) );
		$raw = self::mail(
			array(
				'Subject'      => 'Two pictures',
				'Content-Type' => 'multipart/related; boundary="rel"',
			),
			"--rel\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
			. '<p>Front: <img src="cid:front@x" alt="front view"> back: <img src="cid:back@x"> end.</p>'
			. "\r\n--rel\r\nContent-Type: image/tiff\r\nContent-ID: <front@x>\r\nContent-Disposition: inline; filename=\"front.tif\"\r\n"
			. "Content-Transfer-Encoding: base64\r\n\r\nSUkqAA==\r\n"
			. "--rel\r\nContent-Type: image/png\r\nContent-ID: <back@x>\r\nContent-Disposition: inline; filename=\"back.png\"\r\n"
			. "Content-Transfer-Encoding: base64\r\n\r\n"
			// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- a MIME part.
			. chunk_split( base64_encode( self::png() . str_repeat( "\0", 1100000 ) ) )
			. "--rel--"
		);
		$receipt = $this->post( $raw )->get_data();
		$this->assertSame( 'stored', $receipt['outcome'], (string) wp_json_encode( $receipt ) );
		$this->assertSame( 'attachments_refused', $receipt['reason_code'] );
		$this->assertSame( 'Attachments refused: front.tif (type not allowed); back.png (too large)', $receipt['reason'] );
		$message = $this->thread( $receipt['ticket_id'] )[0];
		$this->assertSame( array(), $message['attachments'] );
		$this->assertStringNotContainsString( 'cid:', $message['body'] );
		$this->assertStringNotContainsString( '<a', $message['body'] );
		$this->assertSame( 'Front: front view back: end.', trim( (string) preg_replace( '/\s+/', ' ', wp_strip_all_tags( $message['body'] ) ) ) );
	}
}
