<?php
/**
 * A return's links lead where the return shows: the portal page, else a published page with the
 * returns block, else the home page (guests' signed links in mails must always work).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnItemRepository;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class ReturnLinksTest extends TestCase {

	private ReturnAccess $access;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->access = new ReturnAccess(
			new ReturnRepository( $wpdb, new ReturnItemRepository( $wpdb ) ),
			new AccessTokens( $wpdb, new SystemClock() ),
			new Settings()
		);
	}

	private static function page( string $content, string $status = 'publish' ): int {
		return (int) wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => $status,
				'post_title'   => 'Returns',
				'post_content' => $content,
			)
		);
	}

	private static function guest_return(): ReturnRequest {
		return new ReturnRequest(
			7,
			1007,
			ReturnStatus::Requested,
			5,
			'5',
			0,
			'gwen@example.test',
			'Gwen',
			3,
			'refund',
			'',
			0.0,
			0.0,
			'',
			'',
			0,
			time(),
			time(),
			0,
			0,
			array()
		);
	}

	private function base( string $url ): string {
		return strtok( $url, '?' );
	}

	public function test_the_guest_link_leads_to_the_portal_page_with_the_return_and_token(): void {
		self::page( '<!-- wp:aftercare/returns /-->' );
		$portal = self::page( '<!-- wp:aftercare/returns {"heading":"Send it back"} /-->' );
		( new Settings() )->update( array( 'return_portal_page' => $portal ) );

		$url = $this->access->url( self::guest_return(), 'Abc_-123' );
		$this->assertSame( get_permalink( $portal ), $this->base( $url ) );
		wp_parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		$this->assertSame(
			array(
				'aftercare_return' => '7',
				'aftercare_token'  => 'Abc_-123',
			),
			$query
		);
	}

	public function test_without_a_portal_page_it_leads_to_a_published_page_with_the_returns_block(): void {
		self::page( 'A page that only mentions aftercare/returns.' );
		self::page( '<!-- wp:aftercare/returns /-->', 'draft' );
		self::page( '<!-- wp:aftercare/contact /-->' );
		$with_block = self::page( '<!-- wp:paragraph --><p>Returns</p><!-- /wp:paragraph --><!-- wp:aftercare/returns /-->' );

		$this->assertSame( get_permalink( $with_block ), $this->base( $this->access->url( self::guest_return(), 'token' ) ) );
	}

	public function test_without_any_page_with_the_block_the_link_still_leads_home(): void {
		self::page( '<!-- wp:paragraph --><p>No portal here</p><!-- /wp:paragraph -->' );
		$this->assertSame( home_url( '/' ), $this->base( $this->access->url( self::guest_return(), 'token' ) ) );
	}
}
