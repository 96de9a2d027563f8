<?php
/**
 * Deflection: visitors who searched or saw suggestions and opened no ticket within 7 days, per
 * query and per article, and the report built from the log.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\HelpCenter;

use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\Reports;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\HelpCenter\Visitors;
use Aftercare\Tests\FixedClock;

/**
 * @group sqlite
 */
final class DeflectionTest extends HelpTestCase {

	private FixedClock $clock;
	private SearchLog $log;
	private Deflection $deflection;
	private Visitors $visitors;

	/** @var array<string, string> Issued visitor ids by letter. */
	private array $ids = array();

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->clock      = new FixedClock();
		$this->visitors   = new Visitors();
		$this->log        = new SearchLog( $wpdb, $this->clock );
		$this->deflection = new Deflection( $wpdb, $this->clock, $this->visitors, $this->log );
	}

	protected function tearDown(): void {
		unset( $_COOKIE[ Visitors::COOKIE ] );
		parent::tearDown();
	}

	private function searched( string $visitor, string $query, int $post_id = 0, string $kind = 'search' ): void {
		$this->log->record( $kind, 'help-center', $query, 1, $post_id, $this->visitors->hash( $visitor ) );
	}

	public function test_a_visitor_who_opens_a_ticket_within_seven_days_was_not_deflected(): void {
		$this->searched( $this->visitor( 'a' ), 'refund' );
		$this->searched( $this->visitor( 'b' ), 'refund' );
		$this->searched( $this->visitor( 'c' ), 'refund' );
		$this->searched( $this->visitor( 'c' ), 'tracking' );

		// a opens a ticket 3 days later (through the tickets domain's hook, cookie on the request).
		$this->clock->time += 3 * DAY_IN_SECONDS;
		$_COOKIE[ Visitors::COOKIE ] = $this->visitor( 'a' );
		$this->deflection->ticket_created( (object) array( 'id' => 41 ) );
		// b opens one 8 days later: outside the window, still deflected.
		$this->clock->time += 5 * DAY_IN_SECONDS;
		$this->deflection->link( $this->visitor( 'b' ), 42 );

		$by_query = $this->deflection->breakdown( 'query', 0, 10 );
		$this->assertSame( array( 'visitors' => 3, 'deflected' => 2 ), $by_query['refund'] );
		$this->assertSame( array( 'visitors' => 1, 'deflected' => 1 ), $by_query['tracking'] );
		$this->assertSame( array( 'visitors' => 3, 'deflected' => 2 ), $this->deflection->overall( 0 ) );
	}

	public function test_tickets_agents_open_are_not_linked_to_their_own_browser(): void {
		$this->searched( $this->visitor( 'a' ), 'refund' );
		$_COOKIE[ Visitors::COOKIE ] = $this->visitor( 'a' );
		wp_set_current_user( $this->user( 'aftercare_agent' )->ID );
		$this->deflection->ticket_created( (object) array( 'id' => 7 ) );
		$this->assertSame( array( 'visitors' => 1, 'deflected' => 1 ), $this->deflection->overall( 0 ) );
	}

	public function test_the_tickets_hook_is_heard(): void {
		$this->assertNotFalse( has_action( 'aftercare_ticket_created' ) );
	}

	public function test_per_article_deflection_counts_suggestions_and_clicks(): void {
		$id = $this->article( 'How do I return an item?' );
		$this->searched( $this->visitor( 'a' ), 'return', $id, 'suggest' );
		$this->searched( $this->visitor( 'b' ), 'return', $id, 'click' );
		$this->deflection->link( $this->visitor( 'b' ), 1 );
		$this->assertSame( array( 'visitors' => 2, 'deflected' => 1 ), $this->deflection->breakdown( 'post_id', 0, 10 )[ $id ] );
	}

	public function test_the_report_lists_zero_result_queries_helpfulness_and_daily_trends(): void {
		global $wpdb;
		$id    = $this->article( 'How do I return an item?' );
		$votes = new ArticleVotes( $wpdb, $this->clock );
		$this->log->record( 'search', 'help-center', 'return', 1, 0, $this->visitors->hash( $this->visitor( 'a' ) ) );
		$this->log->record( 'search', 'help-center', 'klarna', 0, 0, $this->visitors->hash( $this->visitor( 'a' ) ) );
		$this->log->record( 'search', 'help-center', 'klarna', 0, 0, $this->visitors->hash( $this->visitor( 'b' ) ) );
		$this->log->record( 'click', 'help-center', 'return', 1, $id, $this->visitors->hash( $this->visitor( 'a' ) ) );
		$votes->vote( $id, $this->visitors->hash( $this->visitor( 'a' ) ), true, null );
		$votes->vote( $id, $this->visitors->hash( $this->visitor( 'b' ) ), false, 'Missing label info' );

		$report = ( new Reports( $this->clock, $this->log, $votes, $this->deflection ) )->build( 30 );
		$this->assertSame( array( 'klarna' ), array_column( $report['zero_results'], 'query' ) );
		$this->assertSame( 2, $report['zero_results'][0]['searches'] );
		$this->assertSame( array( 'klarna', 'return' ), array_column( $report['top_queries'], 'query' ) );
		$article = $report['articles'][0];
		$this->assertSame( array( $id, 1, 1, 1 ), array( $article['id'], $article['helpful'], $article['unhelpful'], $article['clicks'] ) );
		$this->assertSame( 'Missing label info', $article['comments'][0]['comment'] );
		$this->assertCount( 30, $report['trend'] );
		$this->assertSame(
			array( 3, 2, 1, 1, 1 ),
			array_values( array_intersect_key( end( $report['trend'] ), array_flip( array( 'searches', 'zero', 'clicks', 'helpful', 'unhelpful' ) ) ) )
		);
		$this->assertSame( 2, $report['totals']['visitors'] );
	}

	/**
	 * The same issued visitor id for the same letter, within a test.
	 */
	private function visitor( string $letter ): string {
		return $this->ids[ $letter ] ??= $this->visitors->issue();
	}
}
