<?php
/**
 * `wp aftercare help reindex`: rebuilds the search index from the articles with a progress bar,
 * from the first article whatever the install's migration left behind, and drops entries of
 * articles that vanished without a delete hook.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\HelpCenter\Cli;

use Aftercare\HelpCenter\ArticleType;
use Aftercare\HelpCenter\SearchIndex;
use Aftercare\Tests\Cli\RunsCommands;
use Aftercare\Tests\HelpCenter\HelpTestCase;

/**
 * @group sqlite
 */
final class HelpCommandTest extends HelpTestCase {

	use RunsCommands;

	public function test_a_lost_index_is_rebuilt_from_every_article_with_a_progress_bar(): void {
		global $wpdb;
		$parcel = $this->article( 'Parcel tracking', '<h2>Courier updates</h2><p>Carriers scan every parcel.</p>' );
		$gift   = $this->article( 'Gift wrapping', '<p>Paper in three colours.</p>' );
		$draft  = $this->article( 'Courier strikes', '', array( 'post_status' => 'draft' ) );
		foreach ( array( 'terms', 'postings', 'grams', 'documents' ) as $table ) {
			$wpdb->query( "DELETE FROM {$wpdb->prefix}aftercare_search_{$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$this->assertSame( array(), $this->search( 'courier' ), 'the index is gone' );
		// The install's migration stopped half-way: a rebuild still starts from the first article.
		update_option( 'aftercare_help_reindex_cursor', max( $parcel, $gift, $draft ) );

		$output = $this->wp( 'aftercare help', 'reindex' );

		$this->assertSame( array( 'Parcel tracking' ), $this->search( 'courier' ) );
		$this->assertSame( array( 'Gift wrapping' ), $this->search( 'paper' ) );
		$this->assertTrue( $this->is_indexed( $parcel ) && $this->is_indexed( $gift ) );
		$this->assertFalse( $this->is_indexed( $draft ), 'a draft stays out' );
		$this->assertGreaterThan( $this->weight( $parcel, 'courier' ), $this->weight( $parcel, 'parcel' ), 'weighed as on save' );
		$this->assertFalse( get_option( 'aftercare_help_reindex_cursor' ), 'the batches ran to the end' );

		$articles = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s", ArticleType::POST_TYPE ) );
		$this->assertCount( 1, $output->bars );
		$this->assertSame( array( $articles, $articles, true ), array( $output->bars[0]->total, $output->bars[0]->ticks, $output->bars[0]->finished ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$published = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_search_documents" );
		$this->assertSame( $published, (int) get_option( SearchIndex::DOCUMENT_COUNT ), 'the idf count is current' );
		$this->assertSame( array( "Help-search index rebuilt: {$published} articles are searchable." ), $output->said( 'success' ) );
		$this->assertSame( array(), $output->said( 'line' ), 'nothing was dropped' );
	}

	public function test_entries_of_articles_deleted_behind_wordpress_s_back_are_dropped(): void {
		global $wpdb;
		$kept = $this->article( 'Zanzibar shipping', '<p>Zanzibar orders ship weekly.</p>' );
		$gone = $this->article( 'Zanzibar customs', '<p>Duties on Zanzibar parcels.</p>' );
		$wpdb->delete( $wpdb->posts, array( 'ID' => $gone ) ); // No hook runs: the index still has it.
		clean_post_cache( $gone );
		$this->assertTrue( $this->is_indexed( $gone ) );

		$output = $this->wp( 'aftercare help', 'reindex' );

		$this->assertFalse( $this->is_indexed( $gone ) );
		$this->assertTrue( $this->is_indexed( $kept ) );
		$this->assertSame( array( 'Dropped 1 entry of an article that no longer exists.' ), $output->said( 'line' ) );
		$this->assertSame( '1', $wpdb->get_var( "SELECT doc_count FROM {$wpdb->prefix}aftercare_search_terms WHERE term = 'zanzibar'" ), 'term counts follow' );
		$this->assertSame( array( 'Zanzibar shipping' ), $this->search( 'zanzibar' ) );
	}
}
