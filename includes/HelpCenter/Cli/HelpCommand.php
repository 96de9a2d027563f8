<?php
/**
 * `wp aftercare help`: the help center's search index.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Cli;

use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\HelpCenter\SearchIndex;

final class HelpCommand extends Command {

	public function __construct( Output $output, private SearchIndex $index ) {
		parent::__construct( $output );
	}

	/**
	 * Rebuilds the help-center search index from the articles.
	 *
	 * Every article is indexed again (published ones) or taken out (drafts, private, trashed),
	 * through the same batches as the install's migration, starting from the first article; index
	 * entries of articles that no longer exist are dropped. Searches keep working meanwhile.
	 *
	 * ## EXAMPLES
	 *
	 *     wp aftercare help reindex
	 *
	 * @param string[]             $args       Positional arguments (none).
	 * @param array<string, mixed> $assoc_args Named arguments (none).
	 */
	public function reindex( array $args, array $assoc_args ): void {
		$bar     = $this->output->progress( __( 'Indexing help articles', 'aftercare' ), $this->index->article_count() );
		$dropped = $this->index->restart_reindex();
		do {
			$done = $this->index->reindex_batch( static fn() => $bar->tick() );
		} while ( ! $done );
		$bar->finish();
		if ( $dropped ) {
			/* translators: %d: number of index entries dropped. */
			$text = _n( 'Dropped %d entry of an article that no longer exists.', 'Dropped %d entries of articles that no longer exist.', $dropped, 'aftercare' );
			$this->output->line( sprintf( $text, $dropped ) );
		}
		$indexed = $this->index->document_count();
		/* translators: %d: number of articles in the search index. */
		$text = _n( 'Help-search index rebuilt: %d article is searchable.', 'Help-search index rebuilt: %d articles are searchable.', $indexed, 'aftercare' );
		$this->output->success( sprintf( $text, $indexed ) );
	}
}
