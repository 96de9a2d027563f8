<?php
/**
 * The one answer to "who is asking?" for every rate limit, lookup record and log.
 *
 * The address is REMOTE_ADDR, unless that is one of the store's trusted proxies (a setting):
 * then it is the right-most address in the proxy's forwarding header that is not itself a
 * trusted proxy (everything to its left came from the client and can be forged). Limits count an
 * IPv6 address by its /64 network, since one household or server gets a whole /64.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Http;

use Aftercare\Settings\Settings;

final class ClientAddress {

	/** Forwarding headers a store can trust (from its own proxies only). */
	public const HEADERS = array( 'X-Forwarded-For', 'X-Real-IP', 'CF-Connecting-IP', 'True-Client-IP' );

	/** Trusted proxy entries a store may list. */
	public const MAX_PROXIES = 100;

	public function __construct( private Settings $settings ) {}

	/**
	 * The client's address in canonical form, or '' when there is none.
	 */
	public function address(): string {
		$remote  = self::canonical( isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( (string) $_SERVER['REMOTE_ADDR'] ) ) : '' );
		$address = $remote;
		$proxies = (array) $this->settings->get( 'trusted_proxies' );
		if ( '' !== $remote && self::in_ranges( $remote, $proxies ) ) {
			$header = 'HTTP_' . strtoupper( str_replace( '-', '_', (string) $this->settings->get( 'client_address_header' ) ) );
			$hops   = isset( $_SERVER[ $header ] ) ? explode( ',', sanitize_text_field( wp_unslash( (string) $_SERVER[ $header ] ) ) ) : array();
			foreach ( array_reverse( $hops ) as $hop ) {
				$hop = self::canonical( self::without_port( trim( $hop ) ) );
				if ( '' === $hop ) {
					break; // Garbage: the nearest trusted hop is all we know.
				}
				$address = $hop;
				if ( ! self::in_ranges( $hop, $proxies ) ) {
					break;
				}
			}
		}
		/**
		 * The client address every Aftercare limit, lookup record and log uses.
		 *
		 * @param string $address The resolved address ('' when unknown).
		 * @param string $remote  REMOTE_ADDR.
		 */
		return self::canonical( (string) apply_filters( 'aftercare_client_ip', $address, $remote ) );
	}

	/**
	 * What limits count by: an IPv4 address, an IPv6 address's /64 network, or `unknown`.
	 */
	public function key(): string {
		$ip = $this->address();
		if ( '' === $ip ) {
			return 'unknown';
		}
		return str_contains( $ip, ':' ) ? inet_ntop( substr( (string) inet_pton( $ip ), 0, 8 ) . str_repeat( "\0", 8 ) ) . '/64' : $ip;
	}

	/**
	 * The address with its host part hidden, for records a person reads: `203.0.113.x`,
	 * `2001:db8:85a3::x` (an IPv6 address's /48), or "unknown address".
	 */
	public function masked(): string {
		$ip = $this->address();
		if ( '' === $ip ) {
			return __( 'unknown address', 'aftercare' );
		}
		if ( ! str_contains( $ip, ':' ) ) {
			return (string) preg_replace( '/\.\d+$/', '.x', $ip );
		}
		// The first three groups, however the address was abbreviated.
		$groups = array_slice( (array) unpack( 'n*', (string) inet_pton( $ip ) ), 0, 3 );
		return implode( ':', array_map( 'dechex', $groups ) ) . '::x';
	}

	/**
	 * Whether $entry is an address or a CIDR range (`203.0.113.0/24`, `2001:db8::/32`).
	 */
	private static function is_range( string $entry ): bool {
		$parts = explode( '/', $entry );
		if ( count( $parts ) > 2 || ! filter_var( $parts[0], FILTER_VALIDATE_IP ) ) {
			return false;
		}
		$bits = str_contains( $parts[0], ':' ) ? 128 : 32;
		return ! isset( $parts[1] ) || ( 1 === preg_match( '/^\d{1,3}$/', $parts[1] ) && (int) $parts[1] <= $bits );
	}

	/**
	 * REST validation of the trusted-proxies setting: the schema's rules, then each entry's syntax.
	 *
	 * @param mixed            $value   Submitted value.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Parameter name.
	 * @return true|\WP_Error
	 */
	public static function validate_ranges( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		foreach ( (array) $value as $entry ) {
			if ( ! self::is_range( (string) $entry ) ) {
				return new \WP_Error(
					'rest_invalid_param',
					sprintf(
						/* translators: %s: what the store typed. */
						__( '"%s" is not an IP address or a range like 203.0.113.0/24 or 2001:db8::/32.', 'aftercare' ),
						(string) $entry
					),
					array( 'status' => 400 )
				);
			}
		}
		return true;
	}

	/**
	 * @param array<mixed> $ranges Addresses and CIDR ranges.
	 */
	private static function in_ranges( string $ip, array $ranges ): bool {
		$packed = (string) inet_pton( $ip );
		foreach ( $ranges as $range ) {
			if ( ! self::is_range( (string) $range ) ) {
				continue;
			}
			$parts = explode( '/', (string) $range );
			$net   = (string) inet_pton( self::canonical( $parts[0] ) );
			if ( strlen( $net ) !== strlen( $packed ) ) {
				continue;
			}
			$bits  = isset( $parts[1] ) ? (int) $parts[1] : 8 * strlen( $net );
			$bytes = intdiv( $bits, 8 );
			$rest  = $bits % 8;
			if ( substr( $packed, 0, $bytes ) !== substr( $net, 0, $bytes ) ) {
				continue;
			}
			if ( 0 === $rest || ( ( ord( $packed[ $bytes ] ) ^ ord( $net[ $bytes ] ) ) & ( 0xff << ( 8 - $rest ) ) & 0xff ) === 0 ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An address in canonical form (IPv4-mapped IPv6 as IPv4), or '' when it is none.
	 */
	private static function canonical( string $ip ): string {
		if ( ! filter_var( $ip, FILTER_VALIDATE_IP ) ) {
			return '';
		}
		$packed = (string) inet_pton( $ip );
		if ( 16 === strlen( $packed ) && str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			$packed = substr( $packed, 12 );
		}
		return (string) inet_ntop( $packed );
	}

	/**
	 * `203.0.113.5:4711` and `[2001:db8::1]:443` as proxies may write them, without the port.
	 */
	private static function without_port( string $hop ): string {
		if ( preg_match( '/^\[([0-9a-fA-F:.]+)\](?::\d+)?$/', $hop, $match ) || preg_match( '/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/', $hop, $match ) ) {
			return $match[1];
		}
		return $hop;
	}
}
