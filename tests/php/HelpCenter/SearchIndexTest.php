<?php
/**
 * The search index follows every save, update, status change and delete of an article, and
 * weighs title over headings over body.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\HelpCenter;

use Aftercare\HelpCenter\Tokenizer;

/**
 * @group sqlite
 */
final class SearchIndexTest extends HelpTestCase {

	public function test_a_published_article_is_indexed_on_save(): void {
		$id = $this->article( 'Parcel tracking', '<h2>Courier updates</h2><p>Carriers scan every parcel.</p>' );
		$this->assertTrue( $this->is_indexed( $id ) );
		$this->assertSame( array( 'Parcel tracking' ), $this->search( 'courier' ) );
	}

	public function test_title_weighs_more_than_headings_and_headings_more_than_body(): void {
		$id = $this->article( 'Gift wrapping', '<h2>Ribbons</h2><p>Paper in three colours.</p>' );
		$this->assertGreaterThan( $this->weight( $id, 'ribbon' ), $this->weight( $id, 'gift' ) );
		$this->assertGreaterThan( $this->weight( $id, 'paper' ), $this->weight( $id, 'ribbon' ) );
	}

	public function test_an_update_replaces_the_old_terms(): void {
		$id = $this->article( 'Parcel tracking', '<p>Carriers scan every parcel.</p>' );
		wp_update_post(
			array(
				'ID'           => $id,
				'post_title'   => 'Gift cards',
				'post_content' => '<p>Cards never expire.</p>',
			)
		);
		$this->assertSame( array(), $this->search( 'carrier' ) );
		$this->assertSame( array( 'Gift cards' ), $this->search( 'gift cards' ) );
		$this->assertSame( 0, $this->weight( $id, 'parcel' ) );
	}

	public function test_drafts_private_password_protected_and_trashed_articles_leave_the_index(): void {
		$draft     = $this->article( 'Draft about refunds', '', array( 'post_status' => 'draft' ) );
		$protected = $this->article( 'Secret refunds', '', array( 'post_password' => 'x' ) );
		$trashed   = $this->article( 'Trashed refunds' );
		$private   = $this->article( 'Private refunds' );
		wp_trash_post( $trashed );
		wp_update_post(
			array(
				'ID'          => $private,
				'post_status' => 'private',
			)
		);
		foreach ( array( $draft, $protected, $trashed, $private ) as $id ) {
			$this->assertFalse( $this->is_indexed( $id ), (string) $id );
		}
		$this->assertSame( array(), $this->search( 'refunds' ) );

		wp_untrash_post( $trashed );
		wp_publish_post( $trashed );
		$this->assertSame( array( 'Trashed refunds' ), $this->search( 'refunds' ) );
	}

	public function test_deleting_an_article_removes_its_postings_and_term_counts(): void {
		global $wpdb;
		$id = $this->article( 'Zanzibar shipping', '<p>Zanzibar orders ship weekly.</p>' );
		wp_delete_post( $id, true );
		$this->assertFalse( $this->is_indexed( $id ) );
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_search_postings WHERE post_id = %d", $id ) ) );
		$this->assertSame( '0', $wpdb->get_var( "SELECT doc_count FROM {$wpdb->prefix}aftercare_search_terms WHERE term = 'zanzibar'" ) );
		$this->assertSame( array(), $this->search( 'zanzibar' ) );
	}

	public function test_other_post_types_are_not_indexed(): void {
		$id = wp_insert_post(
			array(
				'post_type'   => 'post',
				'post_status' => 'publish',
				'post_title'  => 'Blog post about refunds',
			)
		);
		$this->assertFalse( $this->is_indexed( $id ) );
	}

	public function test_numeric_and_accented_words_are_indexed(): void {
		$this->article( 'Delivery in 30 days', '<p>Envíos a España.</p>' );
		$this->assertSame( array( 'Delivery in 30 days' ), $this->search( '30' ) );
		$this->assertSame( array( 'Delivery in 30 days' ), $this->search( 'espana' ) );
	}

	public function test_the_stemmer_joins_plurals_and_verb_forms(): void {
		$tokenizer = new Tokenizer();
		foreach ( array( 'returns', 'returned', 'returning' ) as $word ) {
			$this->assertSame( 'return', $tokenizer->stem( $word ), $word );
		}
		$this->assertSame( $tokenizer->stem( 'shipping' ), $tokenizer->stem( 'ships' ) );
		$this->assertSame( $tokenizer->stem( 'deliveries' ), $tokenizer->stem( 'delivery' ) );
		$this->assertSame( 1, $tokenizer->distance( 'retrun', 'return', 2 ) );
	}
}
