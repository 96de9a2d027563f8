<?php
/**
 * Keeps the daily rollup: events add what they change to their day's rows as they happen, and
 * rebuild() recomputes a whole day from the tickets, messages, events, ratings and returns. Both
 * go through Facts. The backlog, a snapshot that grows older with the clock, is taken by the
 * hourly tick (today's) and by each rebuild; the tick also closes yesterday with a rebuild.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports;

use Aftercare\Feedback\Rating;
use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Survey;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;

final class Rollup implements Registrable {

	public const TICK = 'aftercare_reports_tick';

	/** The last day the tick closed (rebuilt once it was over). */
	public const CLOSED = 'aftercare_report_closed';

	public function __construct(
		private RollupTable $table,
		private Facts $facts,
		private TicketRepository $tickets,
		private MessageRepository $messages,
		private EventLog $events,
		private RatingRepository $ratings,
		private ReturnRepository $returns,
		private Clock $clock
	) {}

	public function register(): void {
		add_action( 'aftercare_ticket_created', fn( Ticket $ticket ) => $this->add( $ticket->created_at, $this->facts->created( $ticket ) ) );
		add_action( 'aftercare_message_created', array( $this, 'message_created' ), 10, 2 );
		add_action( 'aftercare_ticket_updated', array( $this, 'ticket_updated' ), 10, 2 );
		add_action( 'aftercare_ticket_rated', array( $this, 'ticket_rated' ), 10, 3 );
		add_action( 'aftercare_return_rated', array( $this, 'return_rated' ), 10, 3 );
		add_action( 'aftercare_return_updated', array( $this, 'return_updated' ), 10, 2 );
		add_action( self::TICK, array( $this, 'tick' ) );
		add_action(
			'init',
			static function (): void {
				if ( ! wp_next_scheduled( self::TICK ) ) {
					wp_schedule_event( time() + 60, 'hourly', self::TICK );
				}
			}
		);
	}

	/**
	 * The first public agent reply is the first response.
	 */
	public function message_created( Message $message, Ticket $ticket ): void {
		if ( 'reply' === $message->type && 'agent' === $message->author_role && $ticket->first_response_at === $message->created_at ) {
			$this->add( $message->created_at, $this->facts->first_response( $ticket ) );
		}
	}

	/**
	 * A solve or a reopen.
	 *
	 * @param array<string, array{0: mixed, 1: mixed}> $changes What changed.
	 */
	public function ticket_updated( Ticket $ticket, array $changes ): void {
		if ( ! isset( $changes['status'] ) ) {
			return;
		}
		// The service stamps the change on updated_at, on its own clock.
		$at      = $ticket->updated_at;
		$replies = $this->messages->agent_reply_times( array( $ticket->id ) )[ $ticket->id ] ?? array();
		$before  = count( array_filter( $replies, static fn( int $time ): bool => $time <= $at ) );
		$from    = Status::from( (string) $changes['status'][0] );
		$this->add( $at, $this->facts->status_changed( $ticket, $from, Status::from( (string) $changes['status'][1] ), $at, $before ) );
	}

	public function ticket_rated( Ticket $ticket, Rating $rating, ?Rating $before ): void {
		$this->add( $rating->created_at, $this->facts->rated( $ticket, $rating->score, $before?->score ) );
	}

	public function return_rated( ReturnRequest $return, Rating $rating, ?Rating $before ): void {
		$this->add( $rating->created_at, $this->facts->effort( $return, $rating->score, $before?->score ) );
	}

	/**
	 * A return's change into a settled status.
	 *
	 * @param array<string, array{0: mixed, 1: mixed}> $changes What changed.
	 */
	public function return_updated( ReturnRequest $return, array $changes ): void {
		if ( isset( $changes['status'] ) && self::settles( (string) $changes['status'][0], (string) $changes['status'][1] ) ) {
			$this->add( $return->updated_at, $this->facts->settled( $return ) );
		}
	}

	/**
	 * Today's backlog snapshot, and yesterday rebuilt once it is over.
	 */
	public function tick(): void {
		$now       = $this->clock->now();
		$today     = Facts::day( $now );
		$yesterday = self::shift( $today, -1 );
		if ( (string) get_option( self::CLOSED, '' ) < $yesterday ) {
			$this->rebuild( $yesterday );
			update_option( self::CLOSED, $yesterday, false );
		}
		$this->table->replace( $today, $this->backlog( $now ), true );
	}

	/**
	 * Recomputes every row of a day and replaces them (idempotent).
	 *
	 * @param string $day Y-m-d in the site's time zone.
	 */
	public function rebuild( string $day ): void {
		list( $from, $to ) = self::bounds( $day );
		$this->table->replace( $day, Facts::merge( $this->happened( $from, $to ), $this->backlog( min( $to - 1, $this->clock->now() ) ) ) );
	}

	/**
	 * The first and the last-plus-one second of a day.
	 *
	 * @return array{0: int, 1: int}
	 */
	public static function bounds( string $day ): array {
		$start = new \DateTimeImmutable( $day . ' 00:00:00', wp_timezone() );
		return array( $start->getTimestamp(), $start->modify( '+1 day' )->getTimestamp() );
	}

	/** The day $days after (or before) a day. */
	public static function shift( string $day, int $days ): string {
		return ( new \DateTimeImmutable( $day, wp_timezone() ) )->modify( sprintf( '%+d days', $days ) )->format( 'Y-m-d' );
	}

	/**
	 * Everything that happened in [$from, $to), as the events would have added it.
	 *
	 * @return array<string, int>
	 */
	private function happened( int $from, int $to ): array {
		$created  = $this->tickets->ids_between( 'created_at', $from, $to );
		$answered = $this->tickets->ids_between( 'first_response_at', $from, $to );
		$statuses = $this->events->of_type_between( 'ticket', 'status', $from, $to );
		$csat     = $this->ratings->first_given_between( Survey::Satisfaction, $from, $to );
		$ids      = array_merge( $created, $answered, array_column( $statuses, 'object_id' ), array_map( static fn( Rating $r ): int => $r->object_id, $csat ) );
		$tickets  = $this->tickets->find_many( $ids );
		$replies  = $this->messages->agent_reply_times( array_column( $statuses, 'object_id' ) );
		$amounts  = array();
		foreach ( $created as $id ) {
			$amounts = Facts::merge( $amounts, isset( $tickets[ $id ] ) ? $this->facts->created( $tickets[ $id ] ) : array() );
		}
		foreach ( $answered as $id ) {
			$amounts = Facts::merge( $amounts, isset( $tickets[ $id ] ) ? $this->facts->first_response( $tickets[ $id ] ) : array() );
		}
		foreach ( $statuses as $event ) {
			$ticket = $tickets[ $event['object_id'] ] ?? null;
			$was    = Status::tryFrom( (string) ( $event['data']['from'] ?? '' ) );
			$now    = Status::tryFrom( (string) ( $event['data']['to'] ?? '' ) );
			if ( $ticket && $was && $now ) {
				$at      = $event['created_at'];
				$before  = array_filter( $replies[ $ticket->id ] ?? array(), static fn( int $time ): bool => $time <= $at );
				$amounts = Facts::merge( $amounts, $this->facts->status_changed( $ticket, $was, $now, $at, count( $before ) ) );
			}
		}
		foreach ( $csat as $rating ) {
			$ticket  = $tickets[ $rating->object_id ] ?? null;
			$amounts = Facts::merge( $amounts, $ticket ? $this->facts->rated( $ticket, $rating->score, null ) : array() );
		}
		foreach ( $this->ratings->first_given_between( Survey::Effort, $from, $to ) as $rating ) {
			$return  = $this->returns->find( $rating->object_id );
			$amounts = Facts::merge( $amounts, $return ? $this->facts->effort( $return, $rating->score, null ) : array() );
		}
		foreach ( $this->events->of_type_between( 'return', 'status', $from, $to ) as $event ) {
			$settles = self::settles( (string) ( $event['data']['from'] ?? '' ), (string) ( $event['data']['to'] ?? '' ) );
			$return  = $settles ? $this->returns->find( $event['object_id'] ) : null;
			if ( $return ) {
				$return->status = ReturnStatus::from( (string) $event['data']['to'] );
				$amounts        = Facts::merge( $amounts, $this->facts->settled( $return ) );
			}
		}
		return $amounts;
	}

	/**
	 * The backlog snapshot at an instant.
	 *
	 * @return array<string, int>
	 */
	private function backlog( int $at ): array {
		$ages = array();
		foreach ( Facts::AGES as $days => $name ) {
			$ages[ $days * DAY_IN_SECONDS ] = $name;
		}
		list( $rows, $tagged ) = $this->tickets->open_at( $at, $ages, Facts::OLDEST, $this->events->done_at_and_changed_since( $at ) );
		$amounts               = array();
		$count                 = static function ( string $key, string $age, int $n ) use ( &$amounts ): void {
			$amounts[ $key . 'backlog' ]              = ( $amounts[ $key . 'backlog' ] ?? 0 ) + $n;
			$amounts[ $key . 'backlog_age:' . $age ] = ( $amounts[ $key . 'backlog_age:' . $age ] ?? 0 ) + $n;
		};
		foreach ( $rows as $row ) {
			foreach ( array( 'total|', 'agent|' . $row->assignee_id, 'channel|' . $row->channel, 'priority|' . $row->priority ) as $key ) {
				$count( $key . '|', (string) $row->age, (int) $row->n );
			}
		}
		foreach ( $tagged as $row ) {
			$count( 'tag|' . $row->tag . '|', (string) $row->age, (int) $row->n );
		}
		return $amounts;
	}

	/**
	 * @param array<string, int> $amounts What to add.
	 */
	private function add( int $at, array $amounts ): void {
		if ( ! $amounts ) {
			return;
		}
		try {
			$this->table->add( Facts::day( $at ), $amounts );
		} catch ( \RuntimeException $error ) {
			// The change itself has committed: it stands, and the tick's rebuild of the day counts it.
			error_log( 'Aftercare reports: ' . $error->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
	}

	private static function settles( string $from, string $to ): bool {
		$before = ReturnStatus::tryFrom( $from );
		$after  = ReturnStatus::tryFrom( $to );
		return $after && $after->is_settled() && ! ( $before && $before->is_settled() );
	}
}
