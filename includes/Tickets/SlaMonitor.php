<?php
/**
 * Notices breaches as they happen: every few minutes (WP-Cron) it records an `sla` event on each
 * open ticket whose due time has passed since the last sweep, and fires
 * `aftercare_ticket_sla_breached` (Ticket, target) after the event is committed. Each due time is
 * reported once; a new due time (priority change, pause) can breach again.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\Registrable;

final class SlaMonitor implements Registrable {

	public const HOOK = 'aftercare_tickets_sla_sweep';

	/** Tickets handled per sweep; the next sweep takes the rest. */
	public const BATCH = 200;

	public function __construct(
		private TicketRepository $tickets,
		private EventLog $events,
		private Sla $sla,
		private Transaction $transaction,
		private Clock $clock
	) {}

	public function register(): void {
		// phpcs:ignore WordPress.WP.CronInterval.CronSchedulesInterval -- five minutes is the point.
		add_filter( 'cron_schedules', array( self::class, 'schedules' ) );
		add_action( self::HOOK, array( $this, 'sweep' ) );
		add_action(
			'init',
			static function (): void {
				if ( ! wp_next_scheduled( self::HOOK ) ) {
					wp_schedule_event( time() + 60, 'aftercare_five_minutes', self::HOOK );
				}
			}
		);
	}

	/**
	 * Adds `aftercare_five_minutes`; static so every user of it adds the same callback, once.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules Cron schedules.
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function schedules( $schedules ): array {
		$schedules['aftercare_five_minutes'] = array(
			'interval' => 5 * MINUTE_IN_SECONDS,
			'display'  => __( 'Every five minutes (Aftercare)', 'aftercare' ),
		);
		return (array) $schedules;
	}

	/**
	 * @return int Breaches recorded.
	 */
	public function sweep(): int {
		$breached = $this->tickets->newly_breached( $this->clock->now(), self::BATCH );
		foreach ( $breached as $ticket ) {
			$this->transaction->run(
				function () use ( $ticket ): void {
					$this->tickets->mark_breach_reported( $ticket->id, $ticket->due_at );
					$this->events->record( 'ticket', $ticket->id, 'sla', 0, array( 'from' => null, 'to' => $this->sla->describe( $ticket ) ) );
					$target = $this->sla->target( $ticket );
					$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_sla_breached', $ticket, $target ) );
				}
			);
		}
		return count( $breached );
	}
}
