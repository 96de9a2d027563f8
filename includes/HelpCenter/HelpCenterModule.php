<?php
/**
 * Help center: articles, their search index, the search log, votes and deflection; its public
 * REST routes, reports and storefront blocks.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Cli\Output;
use Aftercare\HelpCenter\Cli\HelpCommand;
use Aftercare\HelpCenter\Rest\HelpEventsController;
use Aftercare\HelpCenter\Rest\HelpFeedbackController;
use Aftercare\HelpCenter\Rest\HelpReportsController;
use Aftercare\HelpCenter\Rest\HelpReportsSchema;
use Aftercare\HelpCenter\Rest\HelpSearchController;
use Aftercare\HelpCenter\Rest\HelpSearchSchema;
use Aftercare\HelpCenter\Rest\HelpVisitorController;
use Aftercare\HelpCenter\Storefront\HelpBlocks;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;

final class HelpCenterModule extends Module {

	/** Also splits ticket text into search terms. */
	public readonly Tokenizer $tokenizer;
	public readonly SearchLog $search_log;
	public readonly ArticleVotes $votes;
	public readonly Deflection $deflection;
	public readonly Articles $articles;

	private readonly SearchIndex $index;
	private readonly Visitors $visitors;

	public function __construct( private InfrastructureModule $shared ) {
		$wpdb             = $shared->wpdb;
		$clock            = $shared->clock;
		$this->tokenizer  = new Tokenizer();
		$this->index      = new SearchIndex( $wpdb, $this->tokenizer, $clock );
		$this->search_log = new SearchLog( $wpdb, $clock );
		$this->votes      = new ArticleVotes( $wpdb, $clock );
		$this->visitors   = new Visitors();
		$this->deflection = new Deflection( $wpdb, $clock, $this->visitors, $this->search_log );
		$searcher         = new Searcher( $wpdb, $this->index, $this->tokenizer, new Synonyms( $shared->settings, $this->tokenizer ) );
		$this->articles   = new Articles( $searcher, $this->tokenizer, $this->search_log, $this->visitors, $clock );
	}

	public function services(): array {
		$limiter = $this->shared->limiter;
		$client  = $this->shared->client;
		$reports = new Reports( $this->shared->clock, $this->search_log, $this->votes, $this->deflection );
		return array(
			new HelpSearchController( $this->articles, $limiter, $client, new HelpSearchSchema() ),
			new HelpEventsController( $this->articles, $limiter, $this->visitors, $client ),
			new HelpFeedbackController( $this->articles, $this->votes, $limiter, $this->visitors, $client ),
			new HelpVisitorController( $limiter, $this->visitors, $client ),
			new HelpReportsController( $reports, new HelpReportsSchema() ),
			new ArticleType( $this->shared->settings, $this->index ),
			$this->deflection,
			new HelpBlocks( $this->articles, $this->shared->settings, $this->visitors ),
		);
	}

	public function tables(): array {
		return array( ...$this->index->tables(), $this->search_log, $this->votes, $this->deflection );
	}

	public function commands( Output $output ): array {
		return array( 'aftercare help' => new HelpCommand( $output, $this->index ) );
	}

	public function migrations(): array {
		return array(
			'help_index_articles' => array( $this->index, 'reindex_batch' ),
			'help_flush_rewrites' => array( ArticleType::class, 'request_flush' ),
		);
	}
}
