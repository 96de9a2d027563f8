<?php
/**
 * Recomputes the stored due times of open tickets when what they are measured in changes: the
 * SLA targets, business hours on or off, the hours, the holidays, or (with business hours on)
 * the site's time zone. A background job in batches by ticket id; the cursor is an option, so a
 * run that stops midway is resumed: at once when more is left, else by the next SLA sweep.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Jobs;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Settings\Settings;

final class SlaRecompute implements Registrable {

	public const HOOK = 'aftercare_tickets_sla_recompute';

	/** The last ticket id done; absent when there is nothing to do. */
	public const CURSOR = 'aftercare_sla_recompute_after';

	/** Tickets read per query. */
	public const BATCH = 200;

	/** Seconds a run works before it hands the rest to the next run. */
	private const BUDGET = 10;

	/** The settings the due times depend on, beside the `sla_` targets. */
	private const HOURS = array( 'business_hours', 'holidays' );

	public function __construct( private TicketRepository $tickets, private Sla $sla, private Settings $settings, private Clock $clock ) {}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( SlaMonitor::HOOK, array( $this, 'run' ) );
		add_action( 'add_option_' . Settings::OPTION, fn( $option, $value ) => $this->settings_changed( array(), $value ), 10, 2 );
		add_action( 'update_option_' . Settings::OPTION, array( $this, 'settings_changed' ), 10, 2 );
		add_action( 'update_option_timezone_string', array( $this, 'zone_changed' ) );
		add_action( 'update_option_gmt_offset', array( $this, 'zone_changed' ) );
	}

	/**
	 * Starts over when a setting the due times depend on changed.
	 *
	 * @param mixed $old The stored settings before.
	 * @param mixed $new The stored settings after.
	 */
	public function settings_changed( $old, $new ): void {
		$defaults = array_map( static fn( array $field ): mixed => $field['default'], $this->settings->fields() );
		$before   = array_merge( $defaults, is_array( $old ) ? $old : array() );
		$after    = array_merge( $defaults, is_array( $new ) ? $new : array() );
		$relevant = static function ( array $values ): array {
			$keys = array_filter( array_keys( $values ), static fn( string $key ): bool => str_starts_with( $key, 'sla_' ) );
			// The hours only count when they are on.
			return array_intersect_key( $values, array_flip( $values['sla_business_hours'] ? array_merge( $keys, self::HOURS ) : $keys ) );
		};
		if ( $relevant( $before ) != $relevant( $after ) ) { // phpcs:ignore Universal.Operators.StrictComparisons.LooseNotEqual -- same values, any key order.
			$this->start();
		}
	}

	/** A new time zone moves business hours; around the clock it changes nothing. */
	public function zone_changed(): void {
		if ( $this->settings->get( 'sla_business_hours' ) ) {
			$this->start();
		}
	}

	/** Schedules a pass over every open ticket, from the first (a pass under way starts over). */
	public function start(): void {
		update_option(
			self::CURSOR,
			array(
				'pass'  => wp_generate_uuid4(),
				'after' => 0,
			),
			false
		);
		Jobs::wake( self::HOOK, $this->clock->now() );
	}

	/**
	 * Works through open tickets from the cursor for a while.
	 *
	 * @return int Tickets whose due time was looked at.
	 */
	public function run(): int {
		$cursor  = $this->cursor();
		$done    = 0;
		$started = microtime( true );
		while ( null !== $cursor ) {
			$batch = $this->tickets->open_after( (int) $cursor['after'], self::BATCH );
			foreach ( $batch as $ticket ) {
				$due = $this->sla->due_at( $ticket );
				if ( $due !== $ticket->due_at ) {
					$this->tickets->replace_due( $ticket->id, $ticket->due_at, $due );
				}
				$cursor['after'] = $ticket->id;
			}
			$done += count( $batch );
			if ( ( $this->cursor()['pass'] ?? null ) !== $cursor['pass'] ) {
				// Started over meanwhile: a fresh run reads the new settings.
				Jobs::wake( self::HOOK, $this->clock->now() );
				break;
			}
			if ( count( $batch ) < self::BATCH ) {
				delete_option( self::CURSOR );
				break;
			}
			update_option( self::CURSOR, $cursor, false );
			if ( microtime( true ) - $started >= self::BUDGET ) {
				Jobs::wake( self::HOOK, $this->clock->now() );
				break;
			}
		}
		return $done;
	}

	/**
	 * The pass under way, read from the database (another request may have started over).
	 *
	 * @return array{pass: string, after: int}|null
	 */
	private function cursor(): ?array {
		wp_cache_delete( self::CURSOR, 'options' );
		$cursor = get_option( self::CURSOR );
		return is_array( $cursor ) && isset( $cursor['pass'], $cursor['after'] ) ? $cursor : null;
	}
}
