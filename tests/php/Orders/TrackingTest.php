<?php
/**
 * Carrier links and the tracking formats of other plugins.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\Carriers;
use Aftercare\Orders\Tracking;
use Aftercare\Orders\TrackingReader;
use Aftercare\Tests\TestCase;

final class TrackingTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function carriers(): array {
		return array(
			'UPS'            => array( 'ups', 'https://www.ups.com/track?tracknum=N1' ),
			'USPS by name'   => array( 'United States Postal Service', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=N1' ),
			'FedEx'          => array( 'fedex', 'https://www.fedex.com/fedextrack/?trknbr=N1' ),
			'DHL'            => array( 'DHL Express', 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=N1' ),
			'Royal Mail'     => array( 'royal_mail', 'https://www.royalmail.com/track-your-item#/tracking-results/N1' ),
			'Canada Post'    => array( 'Canada-Post', 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=N1' ),
			'Australia Post' => array( 'auspost', 'https://auspost.com.au/mypost/track/#/details/N1' ),
			'PostNL'         => array( 'PostNL', 'https://postnl.nl/tracktrace/?B=N1' ),
		);
	}

	/**
	 * @dataProvider carriers
	 */
	public function test_major_carriers_link_to_their_tracking_page( string $provider, string $url ): void {
		$this->assertSame( $url, ( new Carriers() )->tracking( $provider, ' N1 ' )->url );
	}

	public function test_numbers_are_url_encoded_and_unknown_carriers_get_no_link(): void {
		$carriers = new Carriers();

		$this->assertSame( 'https://www.ups.com/track?tracknum=A%26B%3Dc', $carriers->tracking( 'ups', 'A&B=c' )->url );
		$this->assertEquals( new Tracking( 'Acme Freight', 'X1', '' ), $carriers->tracking( 'Acme Freight', 'X1' ) );
		$this->assertSame( '', $carriers->tracking( 'Acme', 'X1', 'javascript:alert(1)' )->url, 'only http(s) links' );
	}

	public function test_the_filter_adds_carriers(): void {
		$add = static fn( array $carriers ) => $carriers + array(
			'acme' => array(
				'name'    => 'Acme Freight',
				'url'     => 'https://acme.example/track/%s',
				'aliases' => array( 'acme-freight' ),
			),
		);
		add_filter( 'aftercare_tracking_carriers', $add );
		try {
			$tracking = ( new Carriers() )->tracking( 'ACME_FREIGHT', 'Z9' );
		} finally {
			remove_filter( 'aftercare_tracking_carriers', $add );
		}

		$this->assertEquals( new Tracking( 'Acme Freight', 'Z9', 'https://acme.example/track/Z9' ), $tracking );
	}

	public function test_reads_aftership_and_merges_a_number_recorded_twice(): void {
		$meta = array(
			'_aftership_tracking_number'        => 'JD014600003SE',
			'_aftership_tracking_provider_name' => 'DHL',
			'_wc_shipment_tracking_items'       => array(
				array(
					'formatted_tracking_provider' => 'DHL',
					'tracking_number'             => 'jd014600003se',
					'date_shipped'                => '2026-11-02',
				),
				'not an item',
			),
		);

		$found = ( new TrackingReader( new Carriers() ) )->read( static fn( string $key ) => $meta[ $key ] ?? null );

		$this->assertCount( 1, $found );
		$this->assertSame( 'DHL', $found[0]->carrier );
		$this->assertSame( strtotime( '2026-11-02' ), $found[0]->shipped );
	}
}
