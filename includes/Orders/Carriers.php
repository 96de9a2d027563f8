<?php
/**
 * Carriers and their tracking pages. Stores and extensions add more with the
 * `aftercare_tracking_carriers` filter.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class Carriers {

	/** @var array<string, array{name: string, url: string, aliases?: string[]}>|null */
	private ?array $carriers = null;

	/**
	 * Every carrier by slug: its name, a tracking URL with `%s` for the number, and other names
	 * tracking plugins use for it.
	 *
	 * @return array<string, array{name: string, url: string, aliases?: string[]}>
	 */
	public function all(): array {
		if ( null === $this->carriers ) {
			$carriers = array(
				'ups'            => array(
					'name' => 'UPS',
					'url'  => 'https://www.ups.com/track?tracknum=%s',
				),
				'usps'           => array(
					'name'    => 'USPS',
					'url'     => 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%s',
					'aliases' => array( 'united states postal service', 'us postal service' ),
				),
				'fedex'          => array(
					'name'    => 'FedEx',
					'url'     => 'https://www.fedex.com/fedextrack/?trknbr=%s',
					'aliases' => array( 'fed ex', 'federal express' ),
				),
				'dhl'            => array(
					'name'    => 'DHL',
					'url'     => 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=%s',
					'aliases' => array( 'dhl express', 'dhl-express', 'dhl_express', 'dhl us' ),
				),
				'dhl-parcel'     => array(
					'name'    => 'DHL Parcel',
					'url'     => 'https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?tracking-id=%s',
					'aliases' => array( 'dhl parcel', 'dhl ecommerce', 'dhl-ecommerce', 'dhl paket' ),
				),
				'royal-mail'     => array(
					'name'    => 'Royal Mail',
					'url'     => 'https://www.royalmail.com/track-your-item#/tracking-results/%s',
					'aliases' => array( 'royal mail', 'royalmail', 'royal_mail' ),
				),
				'parcelforce'    => array(
					'name' => 'Parcelforce',
					'url'  => 'https://www.parcelforce.com/track-trace?trackNumber=%s',
				),
				'canada-post'    => array(
					'name'    => 'Canada Post',
					'url'     => 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s',
					'aliases' => array( 'canada post', 'canadapost', 'canada_post', 'postes canada' ),
				),
				'australia-post' => array(
					'name'    => 'Australia Post',
					'url'     => 'https://auspost.com.au/mypost/track/#/details/%s',
					'aliases' => array( 'australia post', 'auspost', 'australia_post' ),
				),
				'postnl'         => array(
					'name'    => 'PostNL',
					'url'     => 'https://postnl.nl/tracktrace/?B=%s',
					'aliases' => array( 'post nl', 'postnl international' ),
				),
				'dpd'            => array(
					'name'    => 'DPD',
					'url'     => 'https://tracking.dpd.de/status/en_US/parcel/%s',
					'aliases' => array( 'dpd uk', 'dpd-uk' ),
				),
				'gls'            => array(
					'name' => 'GLS',
					'url'  => 'https://gls-group.com/GROUP/en/parcel-tracking?match=%s',
				),
				'deutsche-post'  => array(
					'name'    => 'Deutsche Post',
					'url'     => 'https://www.deutschepost.de/de/s/sendungsverfolgung.html?piececode=%s',
					'aliases' => array( 'deutsche post', 'deutsche_post' ),
				),
				'la-poste'       => array(
					'name'    => 'La Poste / Colissimo',
					'url'     => 'https://www.laposte.fr/outils/suivre-vos-envois?code=%s',
					'aliases' => array( 'la poste', 'colissimo', 'laposte' ),
				),
				'bpost'          => array(
					'name' => 'bpost',
					'url'  => 'https://track.bpost.cloud/btr/web/#/search?itemCode=%s',
				),
				'new-zealand-post' => array(
					'name'    => 'NZ Post',
					'url'     => 'https://www.nzpost.co.nz/tools/tracking?trackid=%s',
					'aliases' => array( 'nz post', 'new zealand post' ),
				),
				'tnt'            => array(
					'name' => 'TNT',
					'url'  => 'https://www.tnt.com/express/en_gc/site/shipping-tools/tracking.html?searchType=con&cons=%s',
				),
				'aramex'         => array(
					'name' => 'Aramex',
					'url'  => 'https://www.aramex.com/us/en/track/results?ShipmentNumber=%s',
				),
			);
			/**
			 * Filters the carriers Aftercare can link to.
			 *
			 * @param array<string, array{name: string, url: string, aliases?: string[]}> $carriers By slug; `url` holds `%s` where the tracking number goes.
			 */
			$filtered       = apply_filters( 'aftercare_tracking_carriers', $carriers );
			$this->carriers = is_array( $filtered ) ? $filtered : $carriers;
		}
		return $this->carriers;
	}

	/**
	 * The slug of a carrier given by slug, name or alias (case, spaces, `-` and `_` ignored), or ''.
	 */
	public function slug( string $provider ): string {
		$key = $this->key( $provider );
		if ( '' === $key ) {
			return '';
		}
		foreach ( $this->all() as $slug => $carrier ) {
			$names = array_merge( array( (string) $slug, (string) ( $carrier['name'] ?? '' ) ), (array) ( $carrier['aliases'] ?? array() ) );
			foreach ( $names as $name ) {
				if ( $this->key( (string) $name ) === $key ) {
					return (string) $slug;
				}
			}
		}
		return '';
	}

	/**
	 * A tracking value object: the carrier in words and a link when the carrier is known (or the
	 * store recorded its own link).
	 */
	public function tracking( string $provider, string $number, string $custom_url = '', ?int $shipped = null ): Tracking {
		$number = trim( $number );
		$slug   = $this->slug( $provider );
		$name   = '' !== $slug ? (string) $this->all()[ $slug ]['name'] : trim( $provider );
		$url    = '';
		// The store's own link (http or https only), else the carrier's.
		$custom_url = '' !== $custom_url ? esc_url_raw( $custom_url, array( 'http', 'https' ) ) : '';
		if ( '' !== $custom_url ) {
			$url = $custom_url;
		} elseif ( '' !== $slug && str_contains( (string) $this->all()[ $slug ]['url'], '%s' ) ) {
			$url = str_replace( '%s', rawurlencode( $number ), (string) $this->all()[ $slug ]['url'] );
		}
		return new Tracking( $name, $number, $url, $shipped );
	}

	private function key( string $name ): string {
		return (string) preg_replace( '/[\s_\-]+/', '', strtolower( trim( $name ) ) );
	}
}
