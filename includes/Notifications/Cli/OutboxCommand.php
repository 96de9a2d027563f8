<?php
/**
 * `wp aftercare outbox`: the queue of outgoing mail, and sending failed mail again.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications\Cli;

use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;

final class OutboxCommand extends Command {

	private const STATUSES = array( Outbox::PENDING, Outbox::SENDING, Outbox::SENT, Outbox::FAILED, Outbox::SKIPPED );

	private const FIELDS = array( 'id', 'type', 'recipient', 'status', 'attempts', 'created', 'next_attempt', 'sent', 'ticket', 'return', 'error' );

	public function __construct( Output $output, private Outbox $outbox, private Notifier $notifier ) {
		parent::__construct( $output );
	}

	/**
	 * Lists queued, sent and failed mail, newest first.
	 *
	 * ## OPTIONS
	 *
	 * [--status=<status>]
	 * : Only mail in this state: pending, sending, sent, failed or skipped.
	 *
	 * [--limit=<limit>]
	 * : How many to list.
	 * ---
	 * default: 50
	 * ---
	 *
	 * [--format=<format>]
	 * : table, csv, json, yaml or count.
	 * ---
	 * default: table
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare outbox list --status=failed
	 *     wp aftercare outbox list --limit=500 --format=csv > outbox.csv
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$format = $this->format( $assoc_args );
		$limit  = $this->number( $assoc_args, 'limit', 50 );
		$status = (string) ( $assoc_args['status'] ?? '' );
		if ( '' !== $status && ! in_array( $status, self::STATUSES, true ) ) {
			$this->output->error(
				/* translators: 1: the status asked for, 2: the statuses there are. */
				sprintf( __( 'Unknown status "%1$s". Use one of: %2$s.', 'aftercare' ), $status, implode( ', ', self::STATUSES ) )
			);
		}
		$rows = array_map(
			fn( object $row ): array => array(
				'id'           => (int) $row->id,
				'type'         => (string) $row->type,
				'recipient'    => (string) $row->recipient,
				'status'       => (string) $row->status,
				'attempts'     => (int) $row->attempts,
				'created'      => $this->time( (int) $row->created_at ),
				'next_attempt' => Outbox::PENDING === $row->status ? $this->time( (int) $row->available_at ) : '',
				'sent'         => $this->time( (int) $row->sent_at ),
				'ticket'       => (int) $row->ticket_id,
				'return'       => (int) $row->return_id,
				'error'        => Outbox::describe_error( (string) $row->last_error ),
			),
			$this->outbox->recent( $status, $limit )
		);
		$this->output->table( $format, $rows, self::FIELDS );
	}

	/**
	 * Sends failed mail again now, each with a fresh set of attempts.
	 *
	 * A mail that fails again is retried by the queue with the usual back-off. A mail that failed
	 * because its worker was interrupted while sending may already have arrived: check before
	 * sending it again.
	 *
	 * ## OPTIONS
	 *
	 * [<id>...]
	 * : The failed mail to send (ids from `wp aftercare outbox list --status=failed`).
	 *
	 * [--all]
	 * : Every failed mail.
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare outbox retry 42 43
	 *     wp aftercare outbox retry --all
	 *
	 * @param string[]             $args       Ids.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function retry( array $args, array $assoc_args ): void {
		$ids  = $this->ids( $args, $assoc_args, fn(): array => $this->outbox->ids( Outbox::FAILED ) );
		$sent = 0;
		$bar  = $this->output->progress( __( 'Sending failed mail again', 'aftercare' ), count( $ids ) );
		foreach ( $ids as $id ) {
			try {
				$status = $this->notifier->retry( $id );
				$sent  += (int) ( Outbox::SENT === $status );
				$this->report( $id, $status );
			} catch ( DomainError $error ) {
				/* translators: 1: outbox id, 2: why it was not sent, e.g. "That mail is not in the outbox." */
				$this->output->warning( sprintf( __( 'Mail %1$d: %2$s', 'aftercare' ), $id, $error->getMessage() ) );
			}
			$bar->tick();
		}
		$bar->finish();
		if ( ! $ids ) {
			$this->output->success( __( 'No failed mail to send.', 'aftercare' ) );
		} elseif ( count( $ids ) === $sent ) {
			/* translators: %d: number of mails sent. */
			$this->output->success( sprintf( _n( 'Sent %d mail.', 'Sent %d mails.', $sent, 'aftercare' ), $sent ) );
		} else {
			/* translators: 1: number of mails sent, 2: number of mails asked for. */
			$this->output->error( sprintf( __( 'Sent %1$d of %2$d mails.', 'aftercare' ), $sent, count( $ids ) ) );
		}
	}

	/**
	 * Says what became of a retried mail that did not go out.
	 */
	private function report( int $id, ?string $status ): void {
		$row = $this->outbox->find( $id );
		if ( Outbox::SENT === $status || null === $row ) {
			return;
		}
		$message = match ( $status ) {
			Outbox::PENDING => sprintf(
				/* translators: 1: outbox id, 2: the mailer's error, 3: date and time of the next attempt. */
				__( 'Mail %1$d failed again (%2$s); the queue tries again at %3$s.', 'aftercare' ),
				$id,
				Outbox::describe_error( (string) $row->last_error ),
				$this->time( (int) $row->available_at )
			),
			/* translators: 1: outbox id, 2: why it was skipped. */
			Outbox::SKIPPED => sprintf( __( 'Mail %1$d was not sent: %2$s', 'aftercare' ), $id, Outbox::describe_error( (string) $row->last_error ) ),
			/* translators: %d: outbox id. */
			default         => sprintf( __( 'Mail %d was taken by the queue while being retried.', 'aftercare' ), $id ),
		};
		$this->output->warning( $message );
	}
}
