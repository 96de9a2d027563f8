<?php
/**
 * Notices tickets about to breach and breaches as they happen: every five minutes (WP-Cron) it
 * reads the open tickets inside the warning window (Sla::at_risk_before(), business time aware)
 * whose alert has not gone out, claims each alert in SlaAlerts (once per ticket, target and
 * kind), records an `sla` event with `alert` (`warning` or `breach`), applies the store's
 * escalation to a breach, and after the commit fires `aftercare_ticket_sla_warning` or
 * `aftercare_ticket_sla_breached` (Ticket, target), which the notifier mails. A failure rolls the
 * claim back with the rest, so the next sweep tries again; a repeated or overlapping sweep finds
 * the claim taken and does nothing.
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
		private SlaAlerts $alerts,
		private TicketService $service,
		private EventLog $events,
		private Sla $sla,
		private AtRiskCount $count,
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
	 * @return int Alerts recorded (warnings and breaches).
	 */
	public function sweep(): int {
		$now    = $this->clock->now();
		$rearm  = $this->sla->warning_seconds();
		$alerts = 0;
		foreach ( $this->alerts->pending( $now, $this->sla->at_risk_before( $now ), $rearm, self::BATCH ) as $id ) {
			$alerts += (int) $this->transaction->run( fn(): bool => $this->alert( $id, $now, $rearm ) );
		}
		$this->count->refresh();
		return $alerts;
	}

	/**
	 * Claims and records one ticket's alert; false when another sweep had it or it no longer applies.
	 */
	private function alert( int $id, int $now, int $rearm ): bool {
		$ticket = $this->tickets->find( $id );
		if ( null === $ticket || $ticket->status->is_done() || $ticket->due_at >= $this->sla->at_risk_before( $now ) ) {
			return false; // Changed since it was listed.
		}
		$target = $this->sla->target( $ticket );
		$kind   = $ticket->due_at < $now ? SlaAlerts::BREACH : SlaAlerts::WARNING;
		if ( ! $this->alerts->claim( $ticket->id, $target, $kind, $ticket->due_at, $rearm ) ) {
			return false;
		}
		$this->events->record(
			'ticket',
			$ticket->id,
			'sla',
			0,
			array(
				'from'  => null,
				'to'    => $this->sla->describe( $ticket ),
				'alert' => $kind,
			)
		);
		if ( SlaAlerts::BREACH === $kind ) {
			list( $priority, $assignee ) = $this->sla->escalation( $ticket );
			if ( $this->service->escalate( $ticket->id, $priority, $assignee, 'sla_breach_' . $target ) ) {
				$ticket = $this->service->get( $ticket->id );
			}
		}
		$hook = SlaAlerts::BREACH === $kind ? 'aftercare_ticket_sla_breached' : 'aftercare_ticket_sla_warning';
		$this->transaction->after_commit( static fn() => do_action( $hook, $ticket, $target ) );
		return true;
	}
}
