<?php
/**
 * "Where is my order?": finds an order for a guest (number + billing email, or postcode when the
 * store allows it) or lists a signed-in customer's own orders. The contact form's "order number +
 * email" check goes through the same door.
 *
 * A guest cannot tell an unknown number from a wrong email: both fail with the same error after
 * the same minimum time. Failures are limited in the database, with these trade-offs:
 * - per client address (ClientAddress: IPv6 by /64), with back-off up to a day;
 * - per order number and per email across all clients (so many addresses cannot share the work of
 *   guessing a postcode, or walk order numbers with a known email), but with short lockouts only,
 *   so that a stranger's failures keep the real buyer out for one window at most;
 * - unless failures on one number or email come from MAX_CLIENTS different clients within a
 *   day: that is a distributed attack, and the number or email is locked for a day (safety wins)
 *   and the store is told in a private note on the order.
 * Each guest lookup is recorded with the order (time and masked address), so shopper and store
 * can see who looked.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Settings\Settings;

final class OrderLookup {

	/** Failures allowed per window: per client, per order number and per email. */
	public const MAX_FAILURES = 5;

	/** The window, and the first lockout, in seconds. */
	public const WINDOW = 15 * MINUTE_IN_SECONDS;

	/** Different clients failing on one order number (or email) within a day that lock it for a day. */
	public const MAX_CLIENTS = 5;

	/** A failure never answers faster than this, so an unknown number and a wrong email look alike. */
	public const FAILURE_FLOOR_MS = 150;

	public const MAX_NUMBER_LENGTH = 40;

	/**
	 * @param OrderSource   $orders   The order port.
	 * @param RateLimiter   $limiter  Database-backed limits.
	 * @param Settings      $settings Store settings (which lookup keys are allowed).
	 * @param ClientAddress $client   Who is asking.
	 * @param Clock         $clock    Time.
	 * @param int           $floor_ms Minimum duration of a failed lookup, in milliseconds.
	 */
	public function __construct(
		private OrderSource $orders,
		private RateLimiter $limiter,
		private Settings $settings,
		private ClientAddress $client,
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
	 * A guest lookup, recorded with the order.
	 *
	 * @param string $number   Order number as typed.
	 * @param string $email    Billing email ('' when the postcode is used).
	 * @param string $postcode Billing postcode ('' when the email is used).
	 * @throws DomainError 400 for malformed input, 429 when throttled, 404 `order_not_found` for any miss.
	 */
	public function lookup( string $number, string $email, string $postcode ): Order {
		$order = $this->check( $number, $email, $postcode );
		$this->orders->record_lookup( $order->id, $this->clock->now(), $this->client->masked(), 'guest' );
		/**
		 * Fires after a guest looked an order up.
		 *
		 * @param Order $order The order found.
		 */
		do_action( 'aftercare_order_looked_up', $order );
		return $order;
	}

	/**
	 * The order a guest names, under the lookup's limits, without recording a lookup (the contact
	 * form links a ticket to it; it shows the guest nothing).
	 *
	 * @throws DomainError As lookup().
	 */
	public function check( string $number, string $email, string $postcode = '' ): Order {
		$started  = microtime( true );
		$number   = self::normalize_number( $number );
		$email    = trim( $email );
		$postcode = trim( $postcode );
		$this->validate( $number, $email, $postcode );

		$client = $this->client->key();
		$keys   = array_filter(
			array(
				'order_lookup_number' => strtolower( $number ),
				'order_lookup_email'  => strtolower( $email ),
			)
		);
		$retry  = $this->limiter->retry_after( 'order_lookup_ip', $client, self::MAX_FAILURES );
		foreach ( $keys as $bucket => $key ) {
			$retry = max(
				$retry,
				$this->limiter->retry_after( $bucket, $key, self::MAX_FAILURES ),
				$this->limiter->retry_after( $bucket . '_clients', $key, self::MAX_CLIENTS )
			);
		}
		if ( $retry > 0 ) {
			throw self::throttled( $retry );
		}

		$order = '' !== $email ? $this->orders->find_by_number_and_email( $number, $email ) : $this->orders->find_by_number_and_postcode( $number, $postcode );
		if ( ! $order ) {
			$this->limiter->fail( 'order_lookup_ip', $client, self::MAX_FAILURES, self::WINDOW );
			foreach ( $keys as $bucket => $key ) {
				$this->fail_shared( $bucket, $key, $client );
			}
			$this->pad( $started );
			throw DomainError::not_found( 'order_not_found', self::not_found_message() );
		}
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

	public static function not_found_message(): string {
		return __( 'We could not find an order with those details. Check the order number and the email address (or postcode) you used at checkout.', 'aftercare' );
	}

	public static function throttled( int $retry_after ): DomainError {
		return DomainError::throttled(
			sprintf(
				/* translators: %d: minutes to wait. */
				_n(
					'Too many attempts. Please try again in %d minute.',
					'Too many attempts. Please try again in %d minutes.',
					(int) ceil( $retry_after / 60 ),
					'aftercare'
				),
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

	/**
	 * Counts a failure on a key every client shares (an order number, an email): a short lockout
	 * after MAX_FAILURES, and a day's lock, noted on the order, once MAX_CLIENTS different clients
	 * have failed on it within a day.
	 */
	private function fail_shared( string $bucket, string $key, string $client ): void {
		$this->limiter->fail( $bucket, $key, self::MAX_FAILURES, self::WINDOW, self::WINDOW );
		if ( $this->limiter->hit( $bucket . '_client', $key . '|' . $client, 1, DAY_IN_SECONDS ) ) {
			return; // This client has failed on the key before today.
		}
		$locked = $this->limiter->fail( $bucket . '_clients', $key, self::MAX_CLIENTS, DAY_IN_SECONDS, DAY_IN_SECONDS );
		if ( ! $locked ) {
			return;
		}
		$by_number = 'order_lookup_number' === $bucket;
		$order     = $by_number ? $this->orders->find_by_number( $key ) : ( $this->orders->orders_for_customer( 0, $key, 1 )[0] ?? null );
		if ( $order ) {
			$until = wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $this->clock->now() + $locked );
			$this->orders->add_note(
				$order->id,
				sprintf(
					$by_number
						/* translators: 1: date and time, 2: number of addresses. */
						? __( 'Aftercare paused guest lookups of this order number until %1$s: wrong details were entered for it from %2$d different addresses within a day. Until then the customer can sign in to see the order, or contact you.', 'aftercare' ) // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
						/* translators: 1: date and time, 2: number of addresses. */
						: __( 'Aftercare paused guest lookups with this order\'s billing email until %1$s: wrong order numbers were entered with it from %2$d different addresses within a day. Until then the customer can sign in to see the order, or contact you.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					$until,
					self::MAX_CLIENTS
				)
			);
		}
	}

	private function pad( float $started ): void {
		$left = $this->floor_ms * 1000 - (int) ( ( microtime( true ) - $started ) * 1_000_000 );
		if ( $left > 0 ) {
			usleep( $left );
		}
	}
}
