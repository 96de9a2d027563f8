<?php
/**
 * Service-level targets: how soon the store answers first and how soon it solves a ticket, per
 * priority (store settings, in minutes). Both are measured from the ticket's creation, minus the
 * time it spent waiting on the customer (status `pending`), during which the clock is paused.
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
		return 60 * max( 1, (int) $this->settings->get( 'sla_' . $target . '_' . $priority->value ) );
	}

	/**
	 * The due time of the current target with the pauses so far (a running pause not included).
	 */
	public function due( Ticket $ticket ): int {
		return $this->due_of( $ticket, $this->target( $ticket ) );
	}

	/**
	 * Brings the stored clock fields in line with the ticket's status: starts or ends a pause and
	 * sets the due time the queue sorts by (none while paused or done).
	 */
	public function apply( Ticket $ticket ): void {
		$now = $this->clock->now();
		if ( Status::Pending === $ticket->status && ! $ticket->sla_paused_at ) {
			$ticket->sla_paused_at = $now;
		} elseif ( Status::Pending !== $ticket->status && $ticket->sla_paused_at ) {
			$ticket->sla_paused_seconds += max( 0, $now - $ticket->sla_paused_at );
			$ticket->sla_paused_at       = 0;
		}
		$ticket->due_at = ( $ticket->sla_paused_at || $ticket->status->is_done() ) ? 0 : $this->due( $ticket );
	}

	/**
	 * What the queue and the ticket screen show.
	 *
	 * @return array{target: string|null, due: string|null, state: string}
	 */
	public function describe( Ticket $ticket ): array {
		$target = $this->target( $ticket );
		$due    = $this->due( $ticket );
		$now    = $this->clock->now();
		if ( $ticket->status->is_done() ) {
			$state = ( $ticket->solved_at ?: $now ) <= $this->due_of( $ticket, 'resolution' ) ? 'met' : 'breached';
			return array(
				'target' => 'resolution',
				'due'    => self::iso( $this->due_of( $ticket, 'resolution' ) ),
				'state'  => $state,
			);
		}
		if ( $ticket->sla_paused_at ) {
			// Paused: the due time moves on with the pause; shown as if it ended now.
			$due  += $now - $ticket->sla_paused_at;
			$state = 'paused';
		} elseif ( $now > $due ) {
			$state = 'breached';
		} elseif ( $due - $now < self::WARNING_SHARE * $this->seconds( $ticket->priority, $target ) ) {
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

	/** Whether the first response came in time. */
	public function first_response_met( Ticket $ticket ): bool {
		return $ticket->first_response_at > 0 && $ticket->first_response_at <= $this->due_of( $ticket, 'first_response' );
	}

	private function due_of( Ticket $ticket, string $target ): int {
		return $ticket->created_at + $ticket->sla_paused_seconds + $this->seconds( $ticket->priority, $target );
	}

	private static function iso( int $time ): string {
		return gmdate( 'Y-m-d\TH:i:s\Z', $time );
	}
}
