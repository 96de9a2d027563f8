<?php
/**
 * The desk's own address and the secrets that tie mail to it: a reply address per ticket
 * (`support+t1042.7f3a9c2e@store`, the tag an HMAC of the number, so it cannot be guessed or
 * forged) and the signature inbound webhooks must carry.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Settings\Settings;

final class ReplyAddress {

	/** The option holding the key of the plus-tags. */
	public const TAG_KEY = 'aftercare_mail_tag_key';

	/** The plus-tag: t{ticket number}.{first 8 hex of its HMAC}. */
	private const TAG = '/^t(\d{1,18})\.([0-9a-f]{8})$/';

	public function __construct( private Settings $settings ) {}

	/**
	 * Where shoppers write: the setting, else the site's admin email.
	 */
	public function support(): string {
		$address = (string) $this->settings->get( 'support_email' );
		return strtolower( is_email( $address ) ? $address : (string) get_option( 'admin_email' ) );
	}

	/**
	 * The store's inbound secret, made on first use and kept in the settings (rotated there).
	 */
	public function secret(): string {
		$secret = (string) $this->settings->get( 'inbound_secret' );
		return '' !== $secret ? $secret : $this->rotate();
	}

	/**
	 * Replaces the inbound secret with a new random one (40 letters and digits, about 238 bits):
	 * the old one stops working at once.
	 */
	public function rotate(): string {
		$secret = wp_generate_password( 40, false );
		$this->settings->update( array( 'inbound_secret' => $secret ) );
		return $secret;
	}

	/**
	 * The support address tagged with a ticket, for Reply-To.
	 */
	public function for_ticket( int $number ): string {
		list( $local, $domain ) = explode( '@', $this->support(), 2 ) + array( '', '' );
		return $local . '+t' . $number . '.' . $this->tag( $number ) . '@' . $domain;
	}

	/**
	 * The ticket number a verified plus-tag among $addresses names; 0 when none (a forged tag is none).
	 *
	 * @param string[] $addresses Recipient addresses.
	 */
	public function ticket_number( array $addresses ): int {
		list( $local, $domain ) = explode( '@', $this->support(), 2 ) + array( '', '' );
		foreach ( $addresses as $address ) {
			$parts = explode( '@', strtolower( $address ), 2 );
			if ( 2 !== count( $parts ) || $parts[1] !== $domain || ! str_starts_with( $parts[0], $local . '+' ) ) {
				continue;
			}
			if ( preg_match( self::TAG, substr( $parts[0], strlen( $local ) + 1 ), $tag ) && hash_equals( $this->tag( (int) $tag[1] ), $tag[2] ) ) {
				return (int) $tag[1];
			}
		}
		return 0;
	}

	/**
	 * Whether an address is the desk's own (with or without a plus-tag): mail from it is never answered.
	 */
	public function is_ours( string $address ): bool {
		$support = $this->support();
		$address = strtolower( $address );
		if ( $address === $support ) {
			return true;
		}
		list( $local, $domain ) = explode( '@', $support, 2 ) + array( '', '' );
		return str_starts_with( $address, $local . '+' ) && str_ends_with( $address, '@' . $domain );
	}

	/**
	 * `sha256=<hex>`: what the X-Aftercare-Signature header of an inbound body must say.
	 */
	public function signature( string $body ): string {
		return 'sha256=' . hash_hmac( 'sha256', $body, $this->secret() );
	}

	public function verify( string $body, string $signature ): bool {
		return '' !== $signature && hash_equals( $this->signature( $body ), trim( $signature ) );
	}

	/**
	 * The tag's key is its own and never rotates: rotating the webhook secret must not orphan the
	 * reply addresses shoppers already have.
	 */
	private function tag( int $number ): string {
		$key = (string) get_option( self::TAG_KEY, '' );
		if ( '' === $key ) {
			add_option( self::TAG_KEY, wp_generate_password( 40, false ), '', false );
			$key = (string) get_option( self::TAG_KEY, '' );
		}
		return substr( hash_hmac( 'sha256', 'ticket:' . $number, $key ), 0, 8 );
	}
}
