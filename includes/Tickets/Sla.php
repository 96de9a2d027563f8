<?php
/**
 * Service-level targets: how soon the store answers first and how soon it solves a ticket, per
 * priority (store settings, in minutes). Both are measured from the ticket's creation, minus the
 * time it spent waiting on the customer (status `pending`), during which the clock is paused;
 * around the clock, or, with `sla_business_hours` on, in business time (BusinessHours): only
 * opening hours count, of the target and of each pause alike. A ticket's own targets may be
 * tighter than its priority's: the priority rules that fired on it (PriorityRules).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Settings\Settings;

final class Sla {

	/** A ticket is "about to breach" once less than this share of its target time is left. */
	private const WARNING_SHARE = 0.2;

	/** Default targets in minutes: first response, resolution. */
	public const DEFAULTS = array(
		'low'    => array( 1440, 10080 ),
		'normal' => array( 480, 2880 ),
		'high'   => array( 120, 1440 ),
		'urgent' => array( 30, 240 ),
	);

	/**
	 * The settings as read at the start of the current call (once: reading them is most of a
	 * queue row's SLA cost), and the hours built from them (again only when they changed).
	 *
	 * @var array<string, mixed>
	 */
	private array $values = array();
	private ?BusinessHours $hours = null;
	private string $hours_key = '';

	public function __construct( private Settings $settings, private Clock $clock ) {}

	/**
	 * Settings fields for the targets, merged into Settings::fields().
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function setting_fields(): array {
		$fields = array();
		foreach ( Priority::cases() as $priority ) {
			list( $first, $resolution ) = self::DEFAULTS[ $priority->value ];

			$fields[ 'sla_first_response_' . $priority->value ] = array(
				/* translators: %s: priority, e.g. "Urgent". */
				'x-aftercare' => Settings::ui( 'tickets', sprintf( __( 'First response, %s', 'aftercare' ), $priority->label() ), array( 'control' => 'duration' ) ),
				/* translators: %s: priority, e.g. "Urgent". */
				'description' => sprintf( __( 'First-response target for %s tickets, in minutes.', 'aftercare' ), $priority->label() ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 525600,
				'default'     => $first,
			);
			$fields[ 'sla_resolution_' . $priority->value ]     = array(
				/* translators: %s: priority, e.g. "Urgent". */
				'x-aftercare' => Settings::ui( 'tickets', sprintf( __( 'Resolution, %s', 'aftercare' ), $priority->label() ), array( 'control' => 'duration' ) ),
				/* translators: %s: priority, e.g. "Urgent". */
				'description' => sprintf( __( 'Resolution target for %s tickets, in minutes.', 'aftercare' ), $priority->label() ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 525600,
				'default'     => $resolution,
			);
		}
		return $fields;
	}

	/**
	 * The target the ticket is on now: the first response until the store has answered, then resolution.
	 */
	public function target( Ticket $ticket ): string {
		return $ticket->first_response_at ? 'resolution' : 'first_response';
	}

	/** Target length in seconds. */
	public function seconds( Priority $priority, string $target ): int {
		$this->read();
		return $this->target_seconds( $priority, $target );
	}

	/**
	 * The due time of the current target with the pauses so far (a running pause not included).
	 */
	public function due( Ticket $ticket ): int {
		return $this->due_of( $ticket, $this->target( $ticket ), $this->read() );
	}

	/**
	 * The due time the queue sorts by: none while paused or done.
	 */
	public function due_at( Ticket $ticket ): int {
		return ( $ticket->sla_paused_at || $ticket->status->is_done() ) ? 0 : $this->due( $ticket );
	}

	/**
	 * Brings the stored clock fields in line with the ticket's status: starts or ends a pause and
	 * sets the due time the queue sorts by.
	 */
	public function apply( Ticket $ticket ): void {
		$now = $this->clock->now();
		if ( Status::Pending === $ticket->status && ! $ticket->sla_paused_at ) {
			$ticket->sla_paused_at = $now;
		} elseif ( Status::Pending !== $ticket->status && $ticket->sla_paused_at ) {
			$end                         = max( $now, $ticket->sla_paused_at );
			$ticket->sla_paused_seconds += $end - $ticket->sla_paused_at;
			$ticket->sla_pauses[]        = array( $ticket->sla_paused_at, $end );
			$ticket->sla_paused_at       = 0;
		}
		$ticket->due_at = $this->due_at( $ticket );
	}

	/**
	 * What the queue and the ticket screen show.
	 *
	 * @return array{target: string|null, due: string|null, state: string}
	 */
	public function describe( Ticket $ticket ): array {
		$hours = $this->read();
		$now   = $this->clock->now();
		if ( $ticket->status->is_done() ) {
			$due = $this->due_of( $ticket, 'resolution', $hours );
			return array(
				'target' => 'resolution',
				'due'    => self::iso( $due ),
				'state'  => ( $ticket->solved_at ?: $now ) <= $due ? 'met' : 'breached',
			);
		}
		$target = $this->target( $ticket );
		// Paused: the due time moves on with the pause; shown as if it ended now.
		$running = $ticket->sla_paused_at ? $hours->between( $ticket->sla_paused_at, $now ) : 0;
		$due     = $this->due_of( $ticket, $target, $hours, $running );
		if ( $ticket->sla_paused_at ) {
			$state = 'paused';
		} elseif ( $now > $due ) {
			$state = 'breached';
		} elseif ( $hours->between( $now, $due ) < self::WARNING_SHARE * $this->ticket_seconds( $ticket, $target ) ) {
			$state = 'warning';
		} else {
			$state = 'ok';
		}
		return array(
			'target' => $target,
			'due'    => self::iso( $due ),
			'state'  => $state,
		);
	}

	/**
	 * The due time of a target (first_response or resolution) as it stood at $at: with the pauses
	 * that had ended by then (a report judges a reply by the clock as it ran until the reply).
	 */
	public function due_for( Ticket $ticket, string $target, int $at ): int {
		$length  = static fn( array $pauses ): int => (int) array_sum( array_map( static fn( array $pause ): int => $pause[1] - $pause[0], $pauses ) );
		$then    = clone $ticket;
		$earlier = array_values( array_filter( $ticket->sla_pauses, static fn( array $pause ): bool => $pause[1] <= $at ) );
		// Pauses kept only as a total came before any kept one by one.
		$then->sla_paused_seconds = max( 0, $ticket->sla_paused_seconds - $length( $ticket->sla_pauses ) ) + $length( $earlier );
		$then->sla_pauses         = $earlier;
		return $this->due_of( $then, $target, $this->read() );
	}

	/** Seconds between two instants that count in the hours the SLA is measured in. */
	public function business_seconds( int $from, int $to ): int {
		return $this->read()->between( $from, $to );
	}

	/** Whether the first response came in time. */
	public function first_response_met( Ticket $ticket ): bool {
		return $ticket->first_response_at > 0 && $ticket->first_response_at <= $this->due_of( $ticket, 'first_response', $this->read() );
	}

	/**
	 * Creation plus the target plus the pauses ($running: business seconds of a running one), in
	 * the hours that count.
	 */
	private function due_of( Ticket $ticket, string $target, BusinessHours $hours, int $running = 0 ): int {
		return $hours->add( $ticket->created_at, $this->ticket_seconds( $ticket, $target ) + $this->paused( $ticket, $hours ) + $running );
	}

	/**
	 * The ticket's own target length in seconds: its priority's, tightened by the priority rules
	 * that fired on it (a share of both targets; a first-reply time caps the first response).
	 */
	private function ticket_seconds( Ticket $ticket, string $target ): int {
		$seconds = $this->target_seconds( $ticket->priority, $target );
		$percent = $ticket->sla_percent();
		if ( $percent < 100 ) {
			$seconds = max( 60, (int) ceil( $seconds * $percent / 100 ) );
		}
		$cap = $ticket->first_response_cap();
		return $cap && 'first_response' === $target ? min( $seconds, 60 * $cap ) : $seconds;
	}

	/**
	 * The counting seconds of the finished pauses. A ticket paused before pauses were kept one by
	 * one has only their total: that remainder counts as it was measured (around the clock).
	 */
	private function paused( Ticket $ticket, BusinessHours $hours ): int {
		$counted = 0;
		$elapsed = 0;
		foreach ( $ticket->sla_pauses as list( $start, $end ) ) {
			$counted += $hours->between( $start, $end );
			$elapsed += $end - $start;
		}
		return $counted + max( 0, $ticket->sla_paused_seconds - $elapsed );
	}

	/** Target length in seconds, from the settings as read. */
	private function target_seconds( Priority $priority, string $target ): int {
		return 60 * max( 1, (int) ( $this->values[ 'sla_' . $target . '_' . $priority->value ] ?? 0 ) );
	}

	/**
	 * Reads the settings and the site's time zone (either may have changed since the last call);
	 * returns the hours that count now.
	 */
	private function read(): BusinessHours {
		$this->values = $this->settings->all();
		$values       = $this->values;
		$key          = (string) wp_json_encode( array( $values['sla_business_hours'], $values['business_hours'], $values['holidays'], wp_timezone_string() ) );
		if ( null === $this->hours || $key !== $this->hours_key ) {
			$this->hours     = BusinessHours::from_settings( $values );
			$this->hours_key = $key;
		}
		return $this->hours;
	}

	private static function iso( int $time ): string {
		return gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}
}
