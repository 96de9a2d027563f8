<?php
/**
 * One mailbox from an address header: the display name (decoded, may be '') and the address,
 * lowercased so it compares with what the store keeps.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class Address {

	public function __construct(
		public readonly string $name,
		public readonly string $address,
	) {}

	/**
	 * The mailboxes of an address-list header (RFC 5322 §3.4), already unfolded: quoted names,
	 * comments, groups ("undisclosed-recipients:;") and bare addresses; entries without an
	 * address are left out.
	 *
	 * @return list<Address>
	 */
	public static function parse_list( string $value ): array {
		$list = array();
		foreach ( self::split( $value ) as $entry ) {
			$address = self::parse_one( $entry );
			if ( null !== $address ) {
				$list[] = $address;
			}
		}
		return $list;
	}

	/**
	 * Splits on commas (and a group's ':' and ';') outside quotes, angle brackets and comments.
	 *
	 * @return list<string>
	 */
	private static function split( string $value ): array {
		$parts   = array();
		$current = '';
		$quoted  = false;
		$angle   = false;
		$comment = 0;
		$length  = strlen( $value );
		for ( $i = 0; $i < $length; $i++ ) {
			$c = $value[ $i ];
			if ( $quoted ) {
				if ( '\\' === $c && $i + 1 < $length ) {
					$current .= $c . $value[ ++$i ];
					continue;
				}
				$quoted = '"' !== $c;
			} elseif ( $comment > 0 ) {
				$comment += '(' === $c ? 1 : ( ')' === $c ? -1 : 0 );
			} elseif ( '"' === $c ) {
				$quoted = true;
			} elseif ( '(' === $c ) {
				$comment = 1;
			} elseif ( '<' === $c ) {
				$angle = true;
			} elseif ( '>' === $c ) {
				$angle = false;
			} elseif ( ! $angle && ( ',' === $c || ';' === $c ) ) {
				$parts[] = $current;
				$current = '';
				continue;
			} elseif ( ! $angle && ':' === $c ) {
				// A group's name goes; its members follow.
				$current = '';
				continue;
			}
			$current .= $c;
		}
		$parts[] = $current;
		return array_values( array_filter( array_map( 'trim', $parts ), static fn( string $p ): bool => '' !== $p ) );
	}

	private static function parse_one( string $entry ): ?self {
		if ( preg_match( '/^(.*)<([^<>]*)>\s*(?:\(.*\))?$/s', $entry, $m ) ) {
			$name    = trim( $m[1] );
			$address = $m[2];
		} else {
			$name    = preg_match( '/\(([^()]*)\)/', $entry, $c ) ? $c[1] : '';
			$address = (string) preg_replace( '/\([^()]*\)/', '', $entry );
		}
		$address = strtolower( trim( $address ) );
		// An address has no spaces and one '@' between a local part and a domain.
		if ( ! preg_match( '/^[^\s@<>]+@[^\s@<>]+$/', $address ) ) {
			return null;
		}
		if ( str_starts_with( $name, '"' ) && str_ends_with( $name, '"' ) && strlen( $name ) > 1 ) {
			$name = (string) preg_replace( '/\\\\(.)/s', '$1', substr( $name, 1, -1 ) );
		}
		return new self( trim( Header::decode( $name ) ), $address );
	}
}
