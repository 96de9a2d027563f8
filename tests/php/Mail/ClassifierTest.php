<?php
/**
 * Classifier: which headers and senders make a message an auto-reply or a bounce, and why.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Mail;

use Aftercare\Mail\Classifier;
use Aftercare\Mail\MailKind;
use Aftercare\Mail\MimeParser;
use PHPUnit\Framework\TestCase;

final class ClassifierTest extends TestCase {

	/**
	 * @return array<string, array{0: list<string>, 1: MailKind, 2: string}>
	 */
	public function messages(): array {
		return array(
			'a person'                    => array( array(), MailKind::Normal, '' ),
			'Auto-Submitted: no'          => array( array( 'Auto-Submitted: no' ), MailKind::Normal, '' ),
			'Auto-Submitted: auto-replied' => array( array( 'Auto-Submitted: auto-replied' ), MailKind::AutoReply, 'Auto-Submitted: auto-replied' ),
			'Auto-Submitted with a comment' => array(
				array( 'Auto-Submitted: Auto-Generated; owner-email="x@y"' ),
				MailKind::AutoReply,
				'Auto-Submitted: auto-generated',
			),
			'X-Autoreply'                 => array( array( 'X-Autoreply: yes' ), MailKind::AutoReply, 'X-Autoreply: yes' ),
			'X-Autorespond'               => array( array( 'X-Autorespond: 1' ), MailKind::AutoReply, 'X-Autorespond: 1' ),
			'Precedence: bulk'            => array( array( 'Precedence: Bulk' ), MailKind::AutoReply, 'Precedence: bulk' ),
			'Precedence: junk'            => array( array( 'Precedence: junk' ), MailKind::AutoReply, 'Precedence: junk' ),
			'Precedence: list'            => array( array( 'Precedence: list' ), MailKind::AutoReply, 'Precedence: list' ),
			'a mailing list'              => array( array( 'List-Id: News <news.shop.example>' ), MailKind::AutoReply, 'List-Id: News <news.shop.example>' ),
			'English out of office'       => array(
				array( 'Subject: Out of Office: [#1042] Re: order' ),
				MailKind::AutoReply,
				'Subject: Out of Office: [#1042] Re: order',
			),
			'Outlook automatic reply'     => array( array( 'Subject: Automatic reply: order' ), MailKind::AutoReply, 'Subject: Automatic reply: order' ),
			'German'                      => array( array( 'Subject: Abwesenheitsnotiz: Bestellung' ), MailKind::AutoReply, 'Subject: Abwesenheitsnotiz: Bestellung' ),
			'Spanish'                     => array(
				array( 'Subject: =?UTF-8?Q?Respuesta_autom=C3=A1tica?=: pedido' ),
				MailKind::AutoReply,
				'Subject: Respuesta automática: pedido',
			),
			'Dutch'                       => array(
				array( 'Subject: Automatisch antwoord: bestelling' ),
				MailKind::AutoReply,
				'Subject: Automatisch antwoord: bestelling',
			),
			'a reply about an office'     => array( array( 'Subject: Re: out of stock at the office?' ), MailKind::Normal, '' ),
			'MAILER-DAEMON'               => array(
				array( 'From: MAILER-DAEMON@mx.example (Mail Delivery System)' ),
				MailKind::Bounce,
				'From: mailer-daemon@mx.example',
			),
			'postmaster'                  => array( array( 'From: Postmaster <postmaster@outlook.example>' ), MailKind::Bounce, 'From: postmaster@outlook.example' ),
			'a DSN from anyone'           => array(
				array( 'Content-Type: multipart/report; report-type="delivery-status"; boundary=b', 'Auto-Submitted: auto-replied' ),
				MailKind::Bounce,
				'Content-Type: multipart/report; report-type=delivery-status',
			),
			'a read receipt is no bounce' => array(
				array( 'Content-Type: multipart/report; report-type=disposition-notification; boundary=b', 'Auto-Submitted: auto-replied' ),
				MailKind::AutoReply,
				'Auto-Submitted: auto-replied',
			),
			'null sender, failure subject' => array(
				array( 'Return-Path: <>', 'Subject: Undeliverable: order' ),
				MailKind::Bounce,
				'Return-Path: <> and Subject: Undeliverable: order',
			),
		);
	}

	/**
	 * @dataProvider messages
	 *
	 * @param list<string> $headers Headers beside a From and a Subject.
	 */
	public function test_classify( array $headers, MailKind $kind, string $reason ): void {
		$names = array_map( static fn( string $h ): string => strtolower( strstr( $h, ':', true ) ), $headers );
		if ( ! in_array( 'from', $names, true ) && ! in_array( 'return-path', $names, true ) ) {
			$headers[] = 'From: Jane <jane@example.test>';
		}
		if ( ! in_array( 'subject', $names, true ) ) {
			$headers[] = 'Subject: Re: [#1042] Where is my order?';
		}
		$body           = str_starts_with( implode( "\n", $headers ), 'Content-Type: multipart' ) ? "--b\r\n\r\nx\r\n--b--" : 'Hello';
		$classification = Classifier::classify( MimeParser::parse( implode( "\r\n", $headers ) . "\r\n\r\n" . $body ) );
		$this->assertSame( $kind, $classification->kind );
		$this->assertSame( $reason, $classification->reason );
	}
}
