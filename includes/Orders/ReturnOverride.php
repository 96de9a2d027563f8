<?php
/**
 * A product's or a product category's own return rule, set in the WooCommerce product screen or
 * the category form: not returnable at all, or its own return window.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class ReturnOverride {

	/**
	 * @param string   $name        The category's name ('' for the product's own rule).
	 * @param bool     $returnable  False: never returnable.
	 * @param int|null $window_days Its own window in days (null: the store's).
	 */
	public function __construct(
		public readonly string $name,
		public readonly bool $returnable,
		public readonly ?int $window_days = null
	) {}

	/**
	 * The rule stored as meta (the same two keys on products and categories), or null when none.
	 *
	 * @param callable(string): mixed $meta Reads one meta value by key.
	 */
	public static function from_meta( string $name, callable $meta ): ?self {
		$returnable = 'yes' !== $meta( self::NOT_RETURNABLE_META );
		$window     = (int) $meta( self::WINDOW_META );
		if ( $returnable && $window < 1 ) {
			return null;
		}
		return new self( $name, $returnable, $window > 0 ? min( 3650, $window ) : null );
	}

	/** Product or term meta: `yes` when the product (or every product of the category) cannot be returned. */
	public const NOT_RETURNABLE_META = '_aftercare_not_returnable';

	/** Product or term meta: the product's (or category's) own return window in days. */
	public const WINDOW_META = '_aftercare_return_window';
}
