<?php
/**
 * The queue with business hours on: due times and SLA states over REST count opening hours and
 * skip holidays, and follow a change of time zone once the recompute has run.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

use Aftercare\Settings\Settings;
use Aftercare\Tickets\BusinessHours;
use Aftercare\Tickets\SlaRecompute;

final class BusinessHoursQueueTest extends TicketRestTestCase {

	/**
	 * @return array<string, mixed> The ticket as the agents' queue (sorted by due time) shows it.
	 */
	private function in_queue( int $id ): array {
		$response = $this->rest( 'GET', '/aftercare/v1/tickets', array( 'orderby' => 'due', 'per_page' => 100 ), $this->agent->ID );
		$this->assertSame( 200, $response->get_status() );
		$rows = array_column( $response->get_data(), null, 'id' );
		$this->assertArrayHasKey( $id, $rows );
		return $rows[ $id ];
	}

	public function test_due_times_skip_closed_days_and_follow_the_time_zone(): void {
		update_option( 'timezone_string', 'Europe/Berlin' );
		$today    = new \DateTimeImmutable( 'today', wp_timezone() );
		$holidays = array_map( static fn( int $day ): string => $today->modify( "+{$day} days" )->format( 'Y-m-d' ), array( 0, 1, 2 ) );
		( new Settings() )->update(
			array(
				'sla_business_hours' => true,
				'holidays'           => $holidays,
			)
		);

		$created = $this->customer_ticket( $this->customer_a );
		$start   = strtotime( $created['created'] );
		$target  = 480 * MINUTE_IN_SECONDS; // A normal ticket's first response.
		$due     = BusinessHours::from_settings( ( new Settings() )->all() )->add( $start, $target );
		$row     = $this->in_queue( $created['id'] );
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $due ), $row['sla']['due'] );
		$this->assertSame( 'ok', $row['sla']['state'] );
		$this->assertGreaterThanOrEqual( $today->modify( '+3 days' )->getTimestamp() + $target, $due, 'today and the next two days are holidays' );

		update_option( 'timezone_string', 'Pacific/Auckland' );
		do_action( SlaRecompute::HOOK );

		$moved = BusinessHours::from_settings( ( new Settings() )->all() )->add( $start, $target );
		$this->assertNotSame( $due, $moved, 'Auckland opens at other instants' );
		$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $moved ), $this->in_queue( $created['id'] )['sla']['due'] );
		global $wpdb;
		$stored = (int) $wpdb->get_var( $wpdb->prepare( "SELECT due_at FROM {$wpdb->prefix}aftercare_tickets WHERE id = %d", $created['id'] ) );
		$this->assertSame( $moved, $stored, 'the stored due time the queue sorts by moved too' );
	}
}
