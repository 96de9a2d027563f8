<?php
/**
 * Tells mail a person wrote from mail a machine sent, so the desk never answers an autoresponder
 * or a bounce (two autoresponders would otherwise ping-pong). Bounces first (a DSN may also carry
 * Auto-Submitted), then the auto-reply headers of RFC 3834 and the de-facto ones, then
 * out-of-office subjects in English, German, French, Spanish and Dutch.
 *
 *     Classifier::classify( $inbound )->kind === MailKind::Normal
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Classifier {

	private const BOUNCE_SENDERS = '/^(?:mailer-daemon|postmaster|mail-daemon|mailer_daemon)@/';

	private const BOUNCE_SUBJECTS = '/^(?:Undeliverable|Undelivered Mail Returned to Sender|Delivery Status Notification \(Failure\)|Mail delivery failed|Returned mail|Unzustellbar|Non remis|No se puede entregar|Onbestelbaar)\b/ui'; // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.

	private const OUT_OF_OFFICE = '/^(?:Auto(?:matic)?[ -]?(?:reply|response)|Out of (?:the )?office|Away from (?:the )?office|On vacation|Abwesenheitsnotiz|Automatische Antwort|Réponse automatique|Absence du bureau|Respuesta automática|Fuera de la oficina|Automatisch antwoord|Afwezig)\b/ui'; // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.

	public static function classify( InboundMessage $message ): Classification {
		$from = $message->from?->address ?? '';
		if ( 'multipart/report' === $message->content_type && 'delivery-status' === strtolower( $message->type_params['report-type'] ?? '' ) ) {
			return new Classification( MailKind::Bounce, 'Content-Type: multipart/report; report-type=delivery-status' );
		}
		if ( preg_match( self::BOUNCE_SENDERS, $from ) ) {
			return new Classification( MailKind::Bounce, 'From: ' . $from );
		}
		if ( '' === $from && '<>' === trim( $message->header( 'return-path' ) ) && preg_match( self::BOUNCE_SUBJECTS, $message->subject ) ) {
			return new Classification( MailKind::Bounce, 'Return-Path: <> and Subject: ' . $message->subject );
		}
		$auto = strtolower( trim( explode( ';', $message->header( 'auto-submitted' ) )[0] ) );
		if ( '' !== $auto && 'no' !== $auto ) {
			return new Classification( MailKind::AutoReply, 'Auto-Submitted: ' . $auto );
		}
		foreach ( array( 'X-Autoreply', 'X-Autorespond' ) as $name ) {
			if ( isset( $message->headers[ strtolower( $name ) ] ) ) {
				return new Classification( MailKind::AutoReply, trim( $name . ': ' . $message->header( $name ) ) );
			}
		}
		$precedence = strtolower( trim( $message->header( 'precedence' ) ) );
		if ( in_array( $precedence, array( 'bulk', 'junk', 'list', 'auto_reply' ), true ) ) {
			return new Classification( MailKind::AutoReply, 'Precedence: ' . $precedence );
		}
		if ( '' !== $message->header( 'list-id' ) ) {
			return new Classification( MailKind::AutoReply, 'List-Id: ' . $message->header( 'list-id' ) );
		}
		if ( preg_match( self::OUT_OF_OFFICE, $message->subject ) ) {
			return new Classification( MailKind::AutoReply, 'Subject: ' . $message->subject );
		}
		return new Classification( MailKind::Normal, '' );
	}
}
