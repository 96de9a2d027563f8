<?php
/**
 * `wp aftercare tickets`: the queue's counts.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Cli;

use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\Tickets\TicketCounts;
use Aftercare\Tickets\TicketFilter;

final class TicketsCommand extends Command {

	/** The views whose counts do not depend on who asks ("mine" does). */
	private const VIEWS = array( 'all', 'open', 'unassigned', 'awaiting', 'solved' );

	public function __construct( Output $output, private TicketCounts $counts ) {
		parent::__construct( $output );
	}

	/**
	 * Recounts the queue's view counts from the tickets, and shows each view's count before and after.
	 *
	 * The counts are kept by every ticket write; a recount repairs them should they ever disagree
	 * with the queue (after tickets were changed with SQL, say). Ticket writes wait while it runs.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : table, csv, json, yaml or count.
	 * ---
	 * default: table
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare tickets recount
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	public function recount( array $args, array $assoc_args ): void {
		$format = $this->format( $assoc_args );
		$before = $this->view_counts();
		$this->counts->rebuild();
		$after = $this->view_counts();
		$rows  = array();
		foreach ( self::VIEWS as $view ) {
			$rows[] = array(
				'view'   => $view,
				'before' => $before[ $view ],
				'after'  => $after[ $view ],
			);
		}
		$this->output->table( $format, $rows, array( 'view', 'before', 'after' ) );
		$changed = count( array_diff_assoc( $after, $before ) );
		/* translators: %d: number of views whose count was wrong. */
		$text = _n( 'Ticket counts recounted: %d view was off.', 'Ticket counts recounted: %d views were off.', $changed, 'aftercare' );
		$this->output->success( sprintf( $text, $changed ) );
	}

	/**
	 * @return array<string, int>
	 */
	private function view_counts(): array {
		$counts = array();
		foreach ( self::VIEWS as $view ) {
			$counts[ $view ] = (int) $this->counts->count( new TicketFilter( $view ) );
		}
		return $counts;
	}
}
