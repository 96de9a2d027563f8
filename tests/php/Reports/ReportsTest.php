<?php
/**
 * The support reports on a seeded history with known answers: first response in business hours
 * across a weekend, a reopen, first-contact resolution, median and p90, SLA attainment, CSAT; the
 * rollup the events kept equals a rebuild; the routes' permissions and refusals.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Reports;

use Aftercare\Feedback\Survey;
use Aftercare\Feedback\SurveyLinks;
use Aftercare\Plugin;
use Aftercare\Reports\Histogram;
use Aftercare\Reports\Reports;
use Aftercare\Reports\Rollup;
use Aftercare\Reports\RollupRebuild;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Ticket;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class ReportsTest extends TestCase {

	/** The week reported: Friday 6 to Thursday 12 November 2026 (UTC). */
	private const FROM = '2026-11-06';
	private const TO   = '2026-11-12';

	private FixedClock $clock;

	private Plugin $desk;

	private \WP_User $agent;

	private \WP_User $admin;

	protected function setUp(): void {
		parent::setUp();
		update_option( 'timezone_string', 'UTC' );
		update_option( 'gmt_offset', 0 );
		$week = array_merge(
			array_fill( 0, 5, array( 'open' => true, 'start' => '09:00', 'end' => '17:00' ) ),
			array_fill( 0, 2, array( 'open' => false, 'start' => '09:00', 'end' => '17:00' ) )
		);
		( new Settings() )->update(
			array(
				'sla_business_hours'        => true,
				'business_hours'            => $week,
				'sla_first_response_normal' => 60,
				'sla_resolution_normal'     => 480,
				'sla_first_response_high'   => 60,
				'sla_resolution_high'       => 600,
				'csat_bad_reopen'           => false,
			)
		);
		$this->clock = new FixedClock();
		$this->desk  = Plugin::at( $this->clock );
		$this->desk->transaction->inside_open_transaction( true );
		$this->agent = $this->user( 'aftercare_agent' );
		$this->admin = $this->user( 'administrator' );
	}

	private function clock_at( string $time ): void {
		$this->clock->time = ( new \DateTimeImmutable( $time, new \DateTimeZone( 'UTC' ) ) )->getTimestamp();
	}

	/**
	 * @param array<string, mixed> $input Creation fields beside the defaults.
	 */
	private function open( string $when, array $input = array() ): Ticket {
		$this->clock_at( $when );
		return $this->desk->tickets->create(
			$input + array(
				'subject'        => 'Where is my parcel?',
				'message'        => 'It has not arrived.',
				'customer_email' => 'cora@example.test',
				'customer_name'  => 'Cora',
				'channel'        => 'email',
				'assignee_id'    => $this->agent->ID,
			),
			$this->agent->ID
		)['ticket'];
	}

	private function reply( string $when, Ticket $ticket, string $status = '', bool $agent = true ): void {
		$this->clock_at( $when );
		$this->desk->tickets->reply( $ticket->id, 'reply', $agent ? 'Here is an answer.' : 'It is still not here.', $agent ? $this->agent->ID : 0, array(), $status );
	}

	private function rate( string $when, Ticket $ticket, int $score ): void {
		$this->clock_at( $when );
		$link = ( new SurveyLinks() )->sign( Survey::Satisfaction, $ticket->id, $score, $this->clock->time + DAY_IN_SECONDS, 'cora@example.test' );
		$this->desk->feedback->answer( $link->token(), null );
	}

	/**
	 * The history. A: opened Friday 16:00, answered Monday 09:45 and solved with that one reply
	 * (first response and resolution 105 business minutes across the weekend: missed and met); the
	 * customer writes again Tuesday 10:00 (a reopen) and it is solved again Tuesday 11:00 (660
	 * minutes, missed; two agent replies). B: high priority, opened Monday 09:00, answered and
	 * solved at 09:20 (20 minutes: both met, first contact). C: opened Monday 09:00, never
	 * answered. D: opened the week before, still open. CSAT: A good, B okay then bad.
	 *
	 * @return array<string, Ticket>
	 */
	private function seed(): array {
		$d = $this->open( '2026-11-02 12:00', array( 'subject' => 'Older question' ) );
		$a = $this->open( '2026-11-06 16:00', array( 'tags' => array( 'shipping' ) ) );
		$b = $this->open( '2026-11-09 09:00', array( 'priority' => 'high', 'channel' => 'phone', 'tags' => array( 'shipping', 'refund' ) ) );
		$c = $this->open( '2026-11-09 09:00', array( 'channel' => 'web', 'assignee_id' => 0 ) );
		$this->reply( '2026-11-09 09:20', $b, 'solved' );
		$this->reply( '2026-11-09 09:45', $a, 'solved' );
		$this->rate( '2026-11-09 12:00', $a, 3 );
		$this->rate( '2026-11-09 12:05', $b, 2 );
		$this->reply( '2026-11-10 10:00', $a, '', false );
		$this->reply( '2026-11-10 11:00', $a, 'solved' );
		$this->rate( '2026-11-10 12:00', $b, 1 );
		return compact( 'a', 'b', 'c', 'd' );
	}

	/**
	 * The rows of each day from $from to $to, the snapshot left out.
	 *
	 * @return array<string, array<string, int>>
	 */
	private function rows( string $from, string $to ): array {
		$table = Plugin::instance()->reports->table;
		$days  = array();
		for ( $day = $from; $day <= $to; $day = Rollup::shift( $day, 1 ) ) {
			$days[ $day ] = array_filter( $table->day( $day ), static fn( string $key ): bool => ! str_contains( $key, '|backlog' ), ARRAY_FILTER_USE_KEY );
		}
		return $days;
	}

	/**
	 * The week's period with other parameters.
	 *
	 * @param array<string, mixed> $params Other parameters.
	 * @return array<string, mixed>
	 */
	private function week( array $params ): array {
		return $params + array(
			'from' => self::FROM,
			'to'   => self::TO,
		);
	}

	private function rebuild(): void {
		Plugin::instance()->reports->rebuild->rebuild( '2026-10-30', self::TO );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function summary( array $params = array() ): array {
		$response = $this->rest( 'GET', '/aftercare/v1/reports/summary', $params + array( 'from' => self::FROM, 'to' => self::TO ), $this->admin->ID );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response->get_data();
	}

	public function test_the_rollup_the_events_kept_equals_a_rebuild(): void {
		$this->seed();
		// E: answered late (missed), then waiting on the customer for two days (a pause that came
		// after the answer, so it must not make the late answer look in time), then solved.
		$e = $this->open( '2026-11-09 10:00' );
		$this->reply( '2026-11-09 12:00', $e );
		$this->reply( '2026-11-11 10:00', $e, '', false );
		$this->reply( '2026-11-11 11:00', $e, 'solved' );
		$this->assertNotEmpty( Plugin::instance()->tickets->get( $e->id )->sla_pauses );
		$kept = $this->rows( '2026-10-30', self::TO );
		$this->assertNotEmpty( $kept['2026-11-09'] );
		$this->assertSame( 1, $kept['2026-11-10']['total||reopened'] );
		$this->assertSame( 2, $kept['2026-11-09']['total||sla_missed'], "A's and E's first responses" );
		$this->rebuild();
		$this->assertSame( $kept, $this->rows( '2026-10-30', self::TO ) );

		// Rebuilding again replaces rather than adds.
		$this->rebuild();
		$this->assertSame( $kept, $this->rows( '2026-10-30', self::TO ) );
	}

	/**
	 * The counts of a month (its first day) summed from its days' rows, zeros left out.
	 *
	 * @return array<string, int>
	 */
	private function days_of_month( string $month ): array {
		$sum = array();
		foreach ( $this->rows( $month, Rollup::shift( ( new \DateTimeImmutable( $month ) )->modify( '+1 month' )->format( 'Y-m-d' ), -1 ) ) as $rows ) {
			foreach ( $rows as $key => $amount ) {
				$sum[ $key ] = ( $sum[ $key ] ?? 0 ) + $amount;
			}
		}
		ksort( $sum );
		return array_filter( $sum );
	}

	/**
	 * A dimension's counts over a period summed day by day, zeros left out.
	 *
	 * @return array<string, array<string, int>> Value => measure => amount.
	 */
	private function by_days( string $dimension, string $from, string $to ): array {
		$sums = array();
		foreach ( $this->rows( $from, $to ) as $rows ) {
			foreach ( $rows as $key => $amount ) {
				list( $dim, $value, $measure ) = explode( '|', $key );
				if ( $dim === $dimension ) {
					$sums[ $value ][ $measure ] = ( $sums[ $value ][ $measure ] ?? 0 ) + $amount;
				}
			}
		}
		return $this->tidy( $sums );
	}

	/**
	 * The current period's counts of sums() (the month table for whole months), zeros and snapshot left out.
	 *
	 * @return array<string, array<string, int>> Value => measure => amount.
	 */
	private function by_sums( string $dimension, string $from, string $to ): array {
		$sums = Plugin::instance()->reports->table->sums( $dimension, $from, $to, null, null );
		return $this->tidy( array_map( static fn( array $both ): array => $both['current'], $sums ) );
	}

	/**
	 * @param array<string, array<string, int>> $sums Value => measure => amount.
	 * @return array<string, array<string, int>>
	 */
	private function tidy( array $sums ): array {
		foreach ( $sums as $value => $measures ) {
			$measures = array_filter(
				$measures,
				static fn( int $amount, string $measure ): bool => 0 !== $amount && ! str_starts_with( $measure, 'backlog' ),
				ARRAY_FILTER_USE_BOTH
			);
			ksort( $measures );
			$sums[ $value ] = $measures;
		}
		ksort( $sums );
		return array_filter( $sums );
	}

	/**
	 * The week's history, a ticket from October solved in November (F) and one in December (G).
	 */
	private function seed_across_months(): void {
		$this->seed();
		$f = $this->open( '2026-10-30 10:00', array( 'tags' => array( 'refund' ) ) );
		$this->reply( '2026-11-02 10:00', $f, 'solved' );
		$g = $this->open( '2026-12-01 09:00', array( 'priority' => 'high' ) );
		$this->reply( '2026-12-01 09:30', $g, 'solved' );
	}

	public function test_months_kept_by_events_equal_their_days_a_rebuild_and_the_upgrades_fill(): void {
		global $wpdb;
		$this->seed_across_months();
		$table = Plugin::instance()->reports->table;
		$kept  = array();
		foreach ( array( '2026-10-01', '2026-11-01', '2026-12-01' ) as $month ) {
			$kept[ $month ] = $table->month( $month );
			$this->assertSame( $this->days_of_month( $month ), $kept[ $month ], $month );
		}
		$this->assertSame( 1, $kept['2026-10-01']['total||created'], 'F' );
		$this->assertSame( 4, $kept['2026-11-01']['total||created'], 'A, B, C and D' );
		$this->assertSame( 2, $kept['2026-11-01']['tag|refund|solved'], 'B, and F from October' );
		$this->assertSame( 1, $kept['2026-12-01']['priority|high|solved'], 'G' );
		$this->assertArrayNotHasKey( 'total||backlog', $kept['2026-11-01'], 'Snapshots stay daily' );

		// The background job, twice: each day's replace moves its month by the difference only.
		$rebuild = Plugin::instance()->reports->rebuild;
		for ( $run = 0; $run < 2; $run++ ) {
			delete_option( RollupRebuild::OPTION );
			$rebuild->start( '2026-10-01', '2026-12-31' );
			$this->assertSame( 92, $rebuild->run() );
			foreach ( $kept as $month => $rows ) {
				$this->assertSame( $rows, $table->month( $month ), $month );
			}
		}

		// A site upgraded from days only: the migration sums its days into months.
		$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_report_months" );
		$this->assertTrue( $table->fill_months() );
		foreach ( $kept as $month => $rows ) {
			$this->assertSame( $rows, $table->month( $month ), $month );
		}
	}

	public function test_a_period_across_month_edges_sums_the_same_from_months_as_from_days(): void {
		global $wpdb;
		$this->seed_across_months();
		$check = function (): void {
			foreach ( array( 'total', 'agent', 'channel', 'priority', 'tag' ) as $dimension ) {
				// Days at both edges and a whole month; a whole month alone; days only.
				foreach ( array( array( '2026-10-30', '2026-12-01' ), array( '2026-11-01', '2026-11-30' ), array( '2026-11-02', '2026-11-29' ) ) as list( $from, $to ) ) {
					$this->assertSame( $this->by_days( $dimension, $from, $to ), $this->by_sums( $dimension, $from, $to ), "{$dimension} {$from} {$to}" );
				}
			}
		};
		$check();
		$this->assertSame( 6, $this->by_sums( 'total', '2026-10-30', '2026-12-01' )['']['created'], 'A, B, C, D, F and G' );

		// C's creation leaves the history; rebuilding its day moves its month too.
		$c = (int) $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$wpdb->prefix}aftercare_tickets WHERE channel = %s", 'web' ) );
		$wpdb->delete( $wpdb->prefix . 'aftercare_tickets', array( 'id' => $c ) );
		Plugin::instance()->reports->rollup->rebuild( '2026-11-09' );
		$check();
		$this->assertSame( 5, $this->by_sums( 'total', '2026-10-30', '2026-12-01' )['']['created'] );
		$this->assertSame( $this->days_of_month( '2026-11-01' ), Plugin::instance()->reports->table->month( '2026-11-01' ) );
	}

	public function test_each_figure_of_the_week_and_the_week_before(): void {
		$this->seed();
		$this->rebuild();
		$data = $this->summary();

		$this->assertSame( array( 'from' => self::FROM, 'to' => self::TO, 'days' => 7 ), $data['period'] );
		$this->assertSame( array( 'from' => '2026-10-30', 'to' => '2026-11-05', 'days' => 7 ), $data['previous'] );
		$now = $data['current'];
		$this->assertSame( 3, $now['tickets_created'] );
		$this->assertSame( 3, $now['tickets_solved'], 'A twice, B once' );
		// Open at the end of Thursday 12th: C (3 days and 15 hours old) and D (10 days).
		$this->assertSame( 2, $now['backlog'] );
		$this->assertSame( array( 'lt1d' => 0, '1to3d' => 0, '3to7d' => 1, '7to30d' => 1, 'gt30d' => 0 ), $now['backlog_age'] );
		// First responses 20 and 105 business minutes (Friday 16:00–17:00, Monday 09:00–09:45).
		$this->assertSame( array( 'count' => 2, 'median_minutes' => 30.0, 'p90_minutes' => 114.0 ), $now['first_response'] );
		// Resolutions 20, 105 (solved with the first response) and 660 minutes.
		$this->assertSame( array( 'count' => 3, 'median_minutes' => 105.0, 'p90_minutes' => 648.0 ), $now['resolution'] );
		$this->assertSame( array( 'count' => 2, 'rate' => 66.7 ), $now['first_contact_resolution'] );
		$this->assertSame( array( 'count' => 1, 'rate' => 33.3 ), $now['reopened'] );
		// Met: B's response, A's and B's first solves; missed: A's response and second solve.
		$this->assertSame( array( 'met' => 3, 'missed' => 2, 'attained' => 60.0 ), $now['sla'] );
		$this->assertSame( array( 'good' => 1, 'okay' => 0, 'bad' => 1, 'score' => 50.0 ), $now['csat'] );
		$this->assertSame( array( 'count' => 0, 'sum' => 0, 'mean' => null ), $now['ces'] );

		$before = $data['compare'];
		$this->assertSame( 1, $before['tickets_created'] );
		$this->assertSame( 1, $before['backlog'], 'D, open at the end of the 5th' );
		$this->assertNull( $before['first_response']['median_minutes'] );

		$buckets = array_column( $data['distributions']['first_response'], 'current', 'from_minutes' );
		$this->assertSame( 1, $buckets[15] );
		$this->assertSame( 1, $buckets[90] );
		$this->assertSame( 2, array_sum( $buckets ) );
		$this->assertCount( Histogram::size(), $data['distributions']['resolution'] );

		$trend = $this->rest( 'GET', '/aftercare/v1/reports/trend', array( 'from' => self::FROM, 'to' => self::TO ), $this->admin->ID )->get_data();
		$this->assertCount( 7, $trend['days'] );
		$monday = $trend['days'][3];
		$this->assertSame( '2026-11-09', $monday['date'] );
		$this->assertSame( array( 2, 2, 100.0, 50.0 ), array( $monday['tickets_created'], $monday['tickets_solved'], $monday['fcr_rate'], $monday['csat_score'] ) );
		$this->assertSame( 1, $trend['days'][4]['reopened'] );

		// Each day's columns are that day's figures (the trend reads only the measures they need).
		$columns = array( 'fcr_rate' => 'first_contact_resolution_rate', 'reopened' => 'reopened_count', 'refund_value' => 'returns_refund_value' );
		foreach ( $trend['days'] as $row ) {
			$figures = Reports::flatten( $this->summary( array( 'from' => $row['date'], 'to' => $row['date'], 'compare' => false ) )['current'] );
			foreach ( array_diff_key( $row, array( 'date' => 0 ) ) as $column => $value ) {
				$this->assertSame( $figures[ $columns[ $column ] ?? $column ], $value, "{$row['date']} {$column}" );
			}
		}
	}

	public function test_breakdowns_by_agent_channel_priority_and_tag(): void {
		$this->seed();
		$this->rebuild();
		$get = fn( string $group ): array => array_column(
			$this->rest( 'GET', '/aftercare/v1/reports/breakdown', $this->week( array( 'group' => $group ) ), $this->admin->ID )->get_data()['rows'],
			null,
			'key'
		);

		$agents = $get( 'agent' );
		$this->assertSame( 2, $agents[ (string) $this->agent->ID ]['current']['tickets_created'] );
		$this->assertSame( $this->agent->display_name, $agents[ (string) $this->agent->ID ]['label'] );
		$this->assertSame( 'Unassigned', $agents['0']['label'] );
		$this->assertSame( 1, $agents['0']['current']['backlog'] );

		$channels = $get( 'channel' );
		$created = array_filter( $channels, static fn( array $row ): bool => $row['current']['tickets_created'] > 0 );
		$this->assertSame( array( 'email', 'phone', 'web' ), array_keys( $created ) );
		$this->assertSame( 'Phone', $channels['phone']['label'] );

		$priorities = $get( 'priority' );
		$this->assertSame( 100.0, $priorities['high']['current']['sla']['attained'] );
		$this->assertSame( 'High', $priorities['high']['label'] );

		$tags = $get( 'tag' );
		$this->assertSame( 2, $tags['shipping']['current']['tickets_created'] );
		$this->assertSame( 1, $tags['refund']['current']['tickets_created'] );
		$this->assertSame( 1, $tags['shipping']['current']['reopened']['count'] );
	}

	/**
	 * A past day's backlog follows each ticket's status then, not its solved time now: A, solved on
	 * Monday and reopened and solved again on Tuesday, was not open at the end of Monday; H, solved
	 * on Tuesday and reopened on Thursday (open now), was not open at the end of Tuesday or Wednesday.
	 */
	public function test_the_backlog_of_a_past_day_leaves_out_tickets_solved_then_and_reopened_later(): void {
		$this->seed();
		$h = $this->open( '2026-11-10 09:00', array( 'tags' => array( 'shipping' ) ) );
		$this->reply( '2026-11-10 09:30', $h, 'solved' );
		$this->reply( '2026-11-12 10:00', $h, '', false );
		$this->assertSame( 'open', Plugin::instance()->tickets->get( $h->id )->status->value );
		$this->clock_at( '2026-11-13 08:00' );
		$this->rebuild();

		$trend = $this->rest( 'GET', '/aftercare/v1/reports/trend', $this->week( array() ), $this->admin->ID )->get_data();
		// Friday to Sunday: A and D; Monday to Wednesday: C and D; Thursday: C, D and H.
		$this->assertSame( array( 2, 2, 2, 2, 2, 2, 3 ), array_column( $trend['days'], 'backlog' ) );
		$monday = $this->rest( 'GET', '/aftercare/v1/reports/breakdown', array( 'from' => '2026-11-09', 'to' => '2026-11-09', 'group' => 'tag' ), $this->admin->ID );
		$this->assertSame( 0, array_column( $monday->get_data()['rows'], null, 'key' )['shipping']['current']['backlog'], 'A and B, both solved' );
		$this->assertSame( 3, $this->summary()['current']['backlog'] );
	}

	public function test_every_table_downloads_as_csv(): void {
		$this->seed();
		$this->rebuild();
		$csv = function ( string $report, array $params ): array {
			$response = $this->rest( 'GET', '/aftercare/v1/reports/' . $report, $this->week( $params + array( 'format' => 'csv' ) ), $this->admin->ID );
			$this->assertSame( 200, $response->get_status() );
			$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
			$this->assertStringContainsString( 'attachment; filename="aftercare-', $response->get_headers()['Content-Disposition'] );
			return array_map( 'str_getcsv', explode( "\n", trim( (string) $response->get_data() ) ) );
		};

		$figures = array_column( $csv( 'summary', array() ), null, 0 );
		$this->assertSame( array( 'figure', 'current', 'previous' ), $figures['figure'] );
		$this->assertSame( array( 'resolution_p90_minutes', '648', '' ), $figures['resolution_p90_minutes'] );
		$this->assertSame( array( 'tickets_created', '3', '1' ), $figures['tickets_created'] );
		$this->assertSame( array( 'from_minutes', 'to_minutes', 'current', 'previous' ), $csv( 'summary', array( 'table' => 'first_response' ) )[0] );
		$this->assertSame( array( 'code', 'label', 'current', 'previous' ), $csv( 'summary', array( 'table' => 'reasons' ) )[0] );
		$this->assertSame( array( 'code', 'label', 'current', 'previous' ), $csv( 'summary', array( 'table' => 'outcomes' ) )[0] );

		$tags = $csv( 'breakdown', array( 'group' => 'tag' ) );
		$this->assertSame( array( 'key', 'label', 'tickets_created' ), array_slice( $tags[0], 0, 3 ) );
		$this->assertContains( 'previous_tickets_created', $tags[0] );
		$this->assertSame( array( 'shipping', 'shipping', '2' ), array_slice( $tags[1], 0, 3 ) );
		$this->assertSame( count( $tags[0] ), count( $tags[1] ) );

		$trend = $csv( 'trend', array() );
		$this->assertSame( array( 'date', 'tickets_created' ), array_slice( $trend[0], 0, 2 ) );
		$this->assertCount( 8, $trend );

		// The CLI's export is the same text.
		$this->assertSame(
			(string) $this->rest( 'GET', '/aftercare/v1/reports/trend', $this->week( array( 'format' => 'csv' ) ), $this->admin->ID )->get_data(),
			Plugin::instance()->reports->csv->export( 'trend', array( 'from' => self::FROM, 'to' => self::TO ) )
		);
	}

	public function test_a_tag_that_looks_like_a_formula_is_quoted_in_csv(): void {
		$this->open( '2026-11-09 09:00', array( 'tags' => array( '=cmd()' ) ) );
		$rows = Plugin::instance()->reports->csv->export( 'breakdown', array( 'from' => self::FROM, 'to' => self::TO, 'group' => 'tag' ) );
		$this->assertStringContainsString( "'=cmd()", $rows );
	}

	public function test_reports_need_the_reports_capability(): void {
		foreach ( array( 'summary', 'trend', 'breakdown?group=agent' ) as $route ) {
			$path = '/aftercare/v1/reports/' . strtok( $route, '?' );
			$args = str_contains( $route, '?' ) ? array( 'group' => 'agent' ) : array();
			$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', $path, $args ), 401 );
			$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', $path, $args, $this->agent->ID ), 403 );
			$this->assertSame( 200, $this->rest( 'GET', $path, $args, $this->admin->ID )->get_status() );
		}
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'GET', '/aftercare/v1/reports/rebuild', array(), $this->agent->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', '/aftercare/v1/reports/rebuild', array(), $this->agent->ID ), 403 );
		$this->assertErrorCode( 'aftercare_forbidden', $this->rest( 'POST', '/aftercare/v1/reports/rebuild' ), 401 );
		$this->assertFalse( get_option( RollupRebuild::OPTION ), 'a refused start stores nothing' );
	}

	public function test_bad_periods_and_groups_are_refused_with_a_message(): void {
		$get = fn( string $report, array $params ): \WP_REST_Response => $this->rest( 'GET', '/aftercare/v1/reports/' . $report, $params, $this->admin->ID );

		$late = $get( 'summary', array( 'from' => '2026-11-12', 'to' => '2026-11-06' ) );
		$this->assertErrorCode( 'aftercare_invalid_period', $late, 400 );
		$this->assertSame( 'The start of the period must not be after its end.', $late->get_data()['message'] );
		$long = $get( 'trend', array( 'from' => '2025-01-01', 'to' => '2026-01-02' ) );
		$this->assertErrorCode( 'aftercare_period_too_long', $long, 400 );
		$this->assertStringContainsString( '366 days', $long->get_data()['message'] );
		$this->assertSame( 200, $get( 'trend', array( 'from' => '2025-01-01', 'to' => '2026-01-01' ) )->get_status(), '366 days are allowed' );
		$this->assertErrorCode( 'aftercare_invalid_period', $get( 'summary', array( 'from' => '2026-02-30' ) ), 400 );
		$this->assertErrorCode( 'aftercare_invalid_period', $get( 'summary', array( 'to' => 'yesterday' ) ), 400 );
		$this->assertErrorCode( 'rest_invalid_param', $get( 'breakdown', array( 'group' => 'customer' ) ), 400 );
		$this->assertErrorCode( 'rest_missing_callback_param', $get( 'breakdown', array() ), 400 );
		$this->assertErrorCode( 'aftercare_invalid_period', $get( 'summary', array( 'from' => '2026-11-12', 'to' => '2026-11-06', 'format' => 'csv' ) ), 400 );
		$this->assertErrorCode(
			'aftercare_invalid_period',
			$this->rest( 'POST', '/aftercare/v1/reports/rebuild', array( 'from' => '2026-11-12', 'to' => '2026-11-06' ), $this->admin->ID ),
			400
		);
		$this->assertFalse( get_option( RollupRebuild::OPTION ), 'a refused start stores nothing' );
	}

	public function test_the_rebuild_job_reports_progress_resumes_and_refuses_a_second_start(): void {
		$this->seed();
		$kept = $this->rows( '2026-10-30', self::TO );
		Plugin::instance()->reports->table->replace( '2026-11-09', array() ); // A day lost.

		$this->assertSame( 'idle', $this->rest( 'GET', '/aftercare/v1/reports/rebuild', array(), $this->admin->ID )->get_data()['state'] );
		$start = $this->rest( 'POST', '/aftercare/v1/reports/rebuild', array( 'from' => '2026-10-30', 'to' => self::TO ), $this->admin->ID );
		$this->assertSame( 202, $start->get_status() );
		$started = $start->get_data();
		$this->assertSame( array( 'running', 0, 14, '2026-10-30' ), array( $started['state'], $started['days_done'], $started['days_total'], $started['next'] ) );
		$this->assertErrorCode( 'aftercare_rebuild_running', $this->rest( 'POST', '/aftercare/v1/reports/rebuild', array(), $this->admin->ID ), 409 );

		// A run that stopped after three days: the next run goes on from the fourth.
		$state              = get_option( RollupRebuild::OPTION );
		$state['next']      = '2026-11-02';
		$state['days_done'] = 3;
		update_option( RollupRebuild::OPTION, $state, false );
		$this->assertSame( 11, Plugin::instance()->reports->rebuild->run() );

		$done = $this->rest( 'GET', '/aftercare/v1/reports/rebuild', array(), $this->admin->ID )->get_data();
		$this->assertSame( array( 'done', 14, 100.0, null ), array( $done['state'], $done['days_done'], $done['percent'], $done['next'] ) );
		$this->assertNotNull( $done['finished_at'] );
		$this->assertSame( $kept, $this->rows( '2026-10-30', self::TO ) );
	}

	public function test_the_cli_rebuild_reports_each_day(): void {
		$seen = array();
		$days = Plugin::instance()->reports->rebuild->rebuild(
			self::FROM,
			self::TO,
			static function ( string $day, int $done, int $total ) use ( &$seen ): void {
				$seen[] = array( $day, $done, $total );
			}
		);
		$this->assertSame( 7, $days );
		$this->assertSame( array( self::FROM, 1, 7 ), $seen[0] );
		$this->assertSame( array( self::TO, 7, 7 ), $seen[6] );
	}

	public function test_median_and_p90_from_the_histogram(): void {
		$this->assertNull( Histogram::quantile( array(), 0.5 ) );
		// 10 values: 4 under 5 minutes, 5 in 30–45, 1 in 90–120.
		$counts = array( 0 => 4, 4 => 5, 7 => 1 );
		$this->assertSame( 33.0, Histogram::quantile( $counts, 0.5 ) );
		$this->assertSame( 45.0, Histogram::quantile( $counts, 0.9 ) );
		$this->assertSame( 0, Histogram::bucket( 0 ) );
		$this->assertSame( 1, Histogram::bucket( 5 * 60 ) );
		$this->assertSame( Histogram::size() - 1, Histogram::bucket( 30 * DAY_IN_SECONDS ) );
		$this->assertSame( 20160.0, Histogram::quantile( array( Histogram::size() - 1 => 3 ), 0.5 ) );
	}
}
