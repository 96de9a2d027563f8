<?php
/**
 * Reads tracking numbers the way stores already record them, from an order's meta as the order
 * API returns it: WooCommerce Shipment Tracking and Advanced Shipment Tracking
 * (`_wc_shipment_tracking_items`), AfterShip (`_aftership_tracking_*`), and Aftercare's own
 * field (`_aftercare_tracking`), which agents fill in the order screen.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class TrackingReader {

	/** Meta key of Aftercare's own tracking field: a list of {carrier, number, url, shipped}. */
	public const OWN_META = '_aftercare_tracking';

	/** Every meta key this reader looks at (adapters may load only these). */
	public const META_KEYS = array(
		'_wc_shipment_tracking_items',
		'_aftership_tracking_number',
		'_aftership_tracking_provider_name',
		'_aftership_tracking_provider',
		self::OWN_META,
	);

	public function __construct( private Carriers $carriers ) {}

	/**
	 * @param callable(string): mixed $meta Returns the order's meta value for a key ('' or null when unset).
	 * @return Tracking[]
	 */
	public function read( callable $meta ): array {
		$found = array();

		$items = $meta( '_wc_shipment_tracking_items' );
		foreach ( is_array( $items ) ? $items : array() as $item ) {
			if ( ! is_array( $item ) || empty( $item['tracking_number'] ) ) {
				continue;
			}
			// A known carrier by any of the names these plugins record, else the first name given.
			$names    = array_values(
				array_filter(
					array_map( 'strval', array( $item['custom_tracking_provider'] ?? '', $item['formatted_tracking_provider'] ?? '', $item['tracking_provider'] ?? '' ) )
				)
			);
			$known    = array_values( array_filter( $names, fn( string $name ) => '' !== $this->carriers->slug( $name ) ) );
			$provider = $known[0] ?? ( $names[0] ?? '' );
			$found[] = $this->carriers->tracking(
				$provider,
				(string) $item['tracking_number'],
				(string) ( $item['custom_tracking_link'] ?? ( $item['formatted_tracking_link'] ?? '' ) ),
				$this->time( $item['date_shipped'] ?? null )
			);
		}

		$aftership = $meta( '_aftership_tracking_number' );
		if ( is_string( $aftership ) && '' !== trim( $aftership ) ) {
			$provider = (string) ( $meta( '_aftership_tracking_provider_name' ) ?: $meta( '_aftership_tracking_provider' ) );
			$found[]  = $this->carriers->tracking( $provider, $aftership );
		}

		$own = $meta( self::OWN_META );
		foreach ( is_array( $own ) ? $own : array() as $item ) {
			if ( is_array( $item ) && ! empty( $item['number'] ) ) {
				$found[] = $this->carriers->tracking(
					(string) ( $item['carrier'] ?? '' ),
					(string) $item['number'],
					(string) ( $item['url'] ?? '' ),
					$this->time( $item['shipped'] ?? null )
				);
			}
		}

		// The same number recorded by two plugins is one shipment.
		$unique = array();
		foreach ( $found as $tracking ) {
			$unique[ strtoupper( $tracking->number ) ] ??= $tracking;
		}
		return array_values( $unique );
	}

	private function time( mixed $value ): ?int {
		if ( is_numeric( $value ) && (int) $value > 0 ) {
			return (int) $value;
		}
		if ( is_string( $value ) && '' !== $value ) {
			$time = strtotime( $value );
			return false === $time ? null : $time;
		}
		return null;
	}
}
