<?php
/**
 * "Where is my order?": finds an order for a guest (number + billing email, or postcode when the
 * store allows it) or lists a signed-in customer's own orders.
 *
 * A guest cannot tell an unknown number from a wrong email: both fail with the same error after
 * the same minimum time. Failures are limited per IP address (REMOTE_ADDR only: forwarding
 * headers are forgeable) and per order number, in the database, with back-off. Each guest lookup
 * is recorded with the order (time and masked IP), so shopper and store can see who looked.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Settings\Settings;

final class OrderLookup {

	/** Failures allowed per window, per IP and per order number. */
	public const MAX_FAILURES = 5;

	/** The window, and the first lockout, in seconds. */
	public const WINDOW = 15 * MINUTE_IN_SECONDS;

	/** A failure never answers faster than this, so an unknown number and a wrong email look alike. */
	public const FAILURE_FLOOR_MS = 150;

	public const MAX_NUMBER_LENGTH = 40;

	/**
	 * @param OrderSource $orders   The order port.
	 * @param RateLimiter $limiter  Database-backed limits.
	 * @param Settings    $settings Store settings (which lookup keys are allowed).
	 * @param Clock       $clock    Time.
	 * @param int         $floor_ms Minimum duration of a failed lookup, in milliseconds.
	 */
	public function __construct(
		private OrderSource $orders,
		private RateLimiter $limiter,
		private Settings $settings,
		private Clock $clock,
		private int $floor_ms = self::FAILURE_FLOOR_MS
	) {}

	/**
	 * Whether guests may use their billing postcode instead of their email.
	 */
	public function allows_postcode(): bool {
		return 'email_or_postcode' === $this->settings->get( 'order_lookup_keys' );
	}

	/**
	 * A guest lookup.
	 *
	 * @param string $number   Order number as typed.
	 * @param string $email    Billing email ('' when the postcode is used).
	 * @param string $postcode Billing postcode ('' when the email is used).
	 * @param string $ip       REMOTE_ADDR.
	 * @throws DomainError 400 for malformed input, 429 when throttled, 404 `order_not_found` for any miss.
	 */
	public function lookup( string $number, string $email, string $postcode, string $ip ): Order {
		$started  = microtime( true );
		$number   = self::normalize_number( $number );
		$email    = trim( $email );
		$postcode = trim( $postcode );
		$this->validate( $number, $email, $postcode );

		$ip_key = '' !== $ip ? $ip : 'unknown';
		$retry  = max( $this->limiter->retry_after( 'order_lookup_ip', $ip_key, self::MAX_FAILURES ), $this->limiter->retry_after( 'order_lookup_number', strtolower( $number ), self::MAX_FAILURES ) );
		if ( $retry > 0 ) {
			throw self::throttled( $retry );
		}

		$order = '' !== $email ? $this->orders->find_by_number_and_email( $number, $email ) : $this->orders->find_by_number_and_postcode( $number, $postcode );
		if ( ! $order ) {
			$this->limiter->fail( 'order_lookup_ip', $ip_key, self::MAX_FAILURES, self::WINDOW );
			$this->limiter->fail( 'order_lookup_number', strtolower( $number ), self::MAX_FAILURES, self::WINDOW );
			$this->pad( $started );
			throw DomainError::not_found( 'order_not_found', self::not_found_message() );
		}

		$this->orders->record_lookup( $order->id, $this->clock->now(), self::mask_ip( $ip ), 'guest' );
		/**
		 * Fires after a guest looked an order up.
		 *
		 * @param Order $order The order found.
		 */
		do_action( 'aftercare_order_looked_up', $order );
		return $order;
	}

	/**
	 * The signed-in customer's recent orders (only their own: by user id).
	 *
	 * @return Order[]
	 */
	public function customer_orders( int $user_id, int $limit = 5 ): array {
		return $user_id > 0 ? $this->orders->orders_for_customer( $user_id, '', $limit ) : array();
	}

	/**
	 * Lookups recorded for an order, newest first.
	 *
	 * @return array<int, array{time: int, ip: string, via: string}>
	 */
	public function lookups( Order $order, int $limit = 3 ): array {
		return $this->orders->lookups( $order->id, $limit );
	}

	public static function not_found_message(): string {
		return __( 'We could not find an order with those details. Check the order number and the email address (or postcode) you used at checkout.', 'aftercare' );
	}

	public static function throttled( int $retry_after ): DomainError {
		return DomainError::throttled(
			sprintf(
				/* translators: %d: minutes to wait. */
				_n( 'Too many attempts. Please try again in %d minute.', 'Too many attempts. Please try again in %d minutes.', (int) ceil( $retry_after / 60 ), 'aftercare' ),
				(int) ceil( $retry_after / 60 )
			),
			$retry_after
		);
	}

	/**
	 * An order number as typed, without a leading `#` and surrounding space.
	 */
	public static function normalize_number( string $number ): string {
		return ltrim( trim( $number ), '#' );
	}

	/**
	 * An IP address with its host part hidden: `203.0.113.x`, `2001:db8:85a3::x`.
	 */
	public static function mask_ip( string $ip ): string {
		if ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4 ) ) {
			return (string) preg_replace( '/\.\d+$/', '.x', $ip );
		}
		if ( filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ) {
			// The first three groups (the network's /48), however the address was abbreviated.
			$groups = array_slice( (array) unpack( 'n*', (string) inet_pton( $ip ) ), 0, 3 );
			return implode( ':', array_map( 'dechex', $groups ) ) . '::x';
		}
		return __( 'unknown address', 'aftercare' );
	}

	/**
	 * @throws DomainError 400 naming the invalid fields.
	 */
	private function validate( string $number, string $email, string $postcode ): void {
		$invalid = array();
		if ( '' === $number || strlen( $number ) > self::MAX_NUMBER_LENGTH || ! preg_match( '/^[\p{L}\p{N}\-_\/.]+$/u', $number ) ) {
			$invalid['number'] = __( 'Enter the order number from your confirmation email.', 'aftercare' );
		}
		if ( '' !== $email ) {
			if ( strlen( $email ) > 190 || ! is_email( $email ) ) {
				$invalid['email'] = __( 'Enter an email address like name@example.com.', 'aftercare' );
			}
		} elseif ( '' !== $postcode && $this->allows_postcode() ) {
			if ( strlen( $postcode ) > 20 || ! preg_match( '/^[\p{L}\p{N} \-]+$/u', $postcode ) ) {
				$invalid['postcode'] = __( 'Enter the postcode of your billing address.', 'aftercare' );
			}
		} else {
			$invalid['email'] = $this->allows_postcode()
				? __( 'Enter the email address or the billing postcode you used at checkout.', 'aftercare' )
				: __( 'Enter the email address you used at checkout.', 'aftercare' );
		}
		if ( $invalid ) {
			throw DomainError::invalid( 'invalid_lookup', (string) reset( $invalid ), array( 'params' => $invalid ) );
		}
	}

	private function pad( float $started ): void {
		$left = $this->floor_ms * 1000 - (int) ( ( microtime( true ) - $started ) * 1_000_000 );
		if ( $left > 0 ) {
			usleep( $left );
		}
	}
}
