<?php
/**
 * A guest's signed link always leads where the thread shows: the contact page, else a page with
 * the contact block, else the home page; on the page they are on when one is given.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\Links;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class LinksTest extends TestCase {

	private Links $links;

	protected function setUp(): void {
		parent::setUp();
		$this->links = new Links( new Settings() );
	}

	private static function page( string $content, string $status = 'publish' ): int {
		return (int) wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => $status,
				'post_title'   => 'Page',
				'post_content' => $content,
			)
		);
	}

	/**
	 * @return array<string, string> The link's query.
	 */
	private static function query( string $url ): array {
		wp_parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		return $query;
	}

	private static function base( string $url ): string {
		return strtok( $url, '?' );
	}

	public function test_the_link_carries_the_ticket_and_its_token(): void {
		$url = $this->links->guest_thread( 42, 'Abc_-123' );
		$this->assertSame(
			array(
				Links::TICKET_ARG => '42',
				Links::TOKEN_ARG  => 'Abc_-123',
			),
			self::query( $url )
		);
	}

	public function test_it_leads_to_the_contact_page_when_the_store_chose_one(): void {
		self::page( '<!-- wp:aftercare/contact /-->' );
		$contact = self::page( '<!-- wp:aftercare/contact {"showOrderField":false} /-->' );
		( new Settings() )->update( array( 'contact_page' => $contact ) );

		$this->assertSame( get_permalink( $contact ), self::base( $this->links->guest_thread( 1, 'token' ) ) );
	}

	public function test_without_a_contact_page_it_leads_to_a_published_page_with_the_contact_block(): void {
		self::page( 'Just text about aftercare/contact.' );
		self::page( '<!-- wp:aftercare/contact /-->', 'draft' );
		$with_block = self::page( '<!-- wp:paragraph --><p>Write to us</p><!-- /wp:paragraph --><!-- wp:aftercare/contact {"showAttachments":false} /-->' );
		self::page( '<!-- wp:aftercare/contact /-->' );
		$unpublished = self::page( '' );
		( new Settings() )->update( array( 'contact_page' => $unpublished ) );
		wp_update_post(
			array(
				'ID'          => $unpublished,
				'post_status' => 'draft',
			)
		);

		$this->assertSame( get_permalink( $with_block ), self::base( $this->links->guest_thread( 1, 'token' ) ), 'the first published page with the block' );
	}

	public function test_without_any_page_for_threads_it_still_gives_a_link_home(): void {
		self::page( '<!-- wp:paragraph --><p>No form here</p><!-- /wp:paragraph -->' );
		$this->assertSame( home_url( '/' ), self::base( $this->links->guest_thread( 1, 'token' ) ) );
	}

	public function test_the_page_the_guest_is_on_comes_first_and_a_filter_can_send_guests_elsewhere(): void {
		( new Settings() )->update( array( 'contact_page' => self::page( '<!-- wp:aftercare/contact /-->' ) ) );
		$this->assertSame( 'https://shop.example/help/', self::base( $this->links->guest_thread( 1, 'token', 'https://shop.example/help/' ) ) );

		$elsewhere = static fn( string $url, int $ticket_id, string $token ): string => "https://desk.example/{$ticket_id}/{$token}";
		add_filter( 'aftercare_ticket_access_url', $elsewhere, 10, 3 );
		$url = $this->links->guest_thread( 7, 'token' );
		remove_filter( 'aftercare_ticket_access_url', $elsewhere, 10 );
		$this->assertSame( 'https://desk.example/7/token', $url );
	}
}
