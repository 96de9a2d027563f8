<?php
/**
 * `wp aftercare received-mail`: the log of received mail (Support → Received mail), and running
 * mail that needs attention through the inbox again.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Cli;

use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Mail\Inbox;
use Aftercare\Mail\Outcome;
use Aftercare\Mail\Reason;
use Aftercare\Mail\ReceivedMailRepository;

final class ReceivedMailCommand extends Command {

	private const FIELDS = array( 'id', 'received', 'source', 'sender', 'subject', 'outcome', 'reason', 'ticket' );

	public function __construct( Output $output, private ReceivedMailRepository $received, private Inbox $inbox ) {
		parent::__construct( $output );
	}

	/**
	 * Lists received mail, newest first.
	 *
	 * ## OPTIONS
	 *
	 * [--outcome=<outcome>]
	 * : Only mail with this outcome: stored, duplicate, ignored or needs_attention.
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
	 *     wp aftercare received-mail list --outcome=needs_attention
	 *
	 * @subcommand list
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$format  = $this->format( $assoc_args );
		$limit   = $this->number( $assoc_args, 'limit', 50 );
		$outcome = (string) ( $assoc_args['outcome'] ?? '' );
		if ( '' !== $outcome && null === Outcome::tryFrom( $outcome ) ) {
			$this->output->error(
				/* translators: 1: the outcome asked for, 2: the outcomes there are. */
				sprintf( __( 'Unknown outcome "%1$s". Use one of: %2$s.', 'aftercare' ), $outcome, implode( ', ', array_column( Outcome::cases(), 'value' ) ) )
			);
		}
		$rows = array_map(
			fn( object $row ): array => array(
				'id'       => (int) $row->id,
				'received' => $this->time( (int) $row->received_at ),
				'source'   => (string) $row->source,
				'sender'   => (string) $row->sender,
				'subject'  => (string) $row->subject,
				'outcome'  => (string) $row->outcome,
				'reason'   => Reason::describe_all( Reason::decode( (string) $row->reason ) ),
				'ticket'   => null !== $row->ticket_number ? (int) $row->ticket_number : '',
			),
			$this->received->page( $outcome, 1, $limit )['rows']
		);
		$this->output->table( $format, $rows, self::FIELDS );
	}

	/**
	 * Runs mail that needs attention through the inbox again, oldest first.
	 *
	 * For mail refused by a setting since changed, or by a fault since fixed; each entry is
	 * rewritten with its new outcome.
	 *
	 * ## OPTIONS
	 *
	 * [<id>...]
	 * : The received mail to retry (ids from `wp aftercare received-mail list --outcome=needs_attention`).
	 *
	 * [--all]
	 * : Every mail that needs attention.
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare received-mail retry 7
	 *     wp aftercare received-mail retry --all
	 *
	 * @param string[]             $args       Ids.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function retry( array $args, array $assoc_args ): void {
		$ids    = $this->ids( $args, $assoc_args, fn(): array => $this->needing_attention() );
		$stored = 0;
		$bar    = $this->output->progress( __( 'Retrying received mail', 'aftercare' ), count( $ids ) );
		foreach ( $ids as $id ) {
			try {
				$receipt = $this->inbox->retry( $id );
				$stored += (int) ( Outcome::Stored === $receipt->outcome );
				if ( Outcome::Stored !== $receipt->outcome ) {
					/* translators: 1: received mail id, 2: its outcome, e.g. "needs_attention", 3: why. */
					$this->output->warning( sprintf( __( 'Mail %1$d: %2$s. %3$s', 'aftercare' ), $id, $receipt->outcome->value, Reason::describe_all( $receipt->reasons ) ) );
				}
			} catch ( DomainError $error ) {
				/* translators: 1: received mail id, 2: why it was not retried. */
				$this->output->warning( sprintf( __( 'Mail %1$d: %2$s', 'aftercare' ), $id, $error->getMessage() ) );
			}
			$bar->tick();
		}
		$bar->finish();
		if ( ! $ids ) {
			$this->output->success( __( 'No received mail needs attention.', 'aftercare' ) );
		} elseif ( count( $ids ) === $stored ) {
			/* translators: %d: number of mails written into tickets. */
			$this->output->success( sprintf( _n( '%d mail written into its ticket.', '%d mails written into their tickets.', $stored, 'aftercare' ), $stored ) );
		} else {
			/* translators: 1: number of mails written into tickets, 2: number of mails retried. */
			$this->output->error( sprintf( __( '%1$d of %2$d mails written into tickets.', 'aftercare' ), $stored, count( $ids ) ) );
		}
	}

	/**
	 * Ids of every mail that needs attention, oldest first (a reply after the mail it answers).
	 *
	 * @return int[]
	 */
	private function needing_attention(): array {
		$outcome = Outcome::NeedsAttention;
		$rows    = $this->received->page( $outcome->value, 1, max( 1, $this->received->count( $outcome ) ) )['rows'];
		return array_reverse( array_map( static fn( object $row ): int => (int) $row->id, $rows ) );
	}
}
