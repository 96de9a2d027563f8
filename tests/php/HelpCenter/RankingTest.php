<?php
/**
 * Ranking over the demo store's 32 articles: what a shopper types → the article that must come
 * first. Covers title over body, plurals and verb forms, typos, synonyms and search as you type.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\HelpCenter;

/**
 * @group sqlite
 */
final class RankingTest extends HelpTestCase {

	/** Query → expected first article (prefix: the last word is still being typed). */
	private const TABLE = array(
		array( 'refund', 'When will I get my refund?' ),
		array( 'money back', 'When will I get my refund?' ),
		array( 'how do i send back an item', 'How do I return an item?' ),
		array( 'returns', 'How do I return an item?' ),
		array( 'retrun item', 'How do I return an item?' ),
		array( 'how long does delivery take', 'How long does delivery take?' ),
		array( 'postage cost', 'How much does shipping cost?' ),
		array( 'track my parcel', 'How do I track my parcel?' ),
		array( 'tracking number', 'How do I track my parcel?' ),
		array( 'parcel lost', 'My parcel is late or lost' ),
		array( 'forgot password', 'I forgot my password' ),
		array( 'cant sign in', 'I forgot my password' ),
		array( 'cancel my order', 'How do I cancel my order?' ),
		array( 'size chart', 'Shoe size conversion chart' ),
		array( 'which size fits me', 'How do I find my size?' ),
		array( 'jeans', 'Do your jeans run small?' ),
		array( 'promo code', 'How do I use a discount code?' ),
		array( 'voucher', 'How do I use a discount code?' ),
		array( 'gift cards', 'How do gift cards work?' ),
		array( 'payment declined', 'My payment was declined' ),
		array( 'paypal', 'Which payment methods do you accept?' ),
		array( 'invoice', 'Can I get an invoice for my order?' ),
		array( 'wrong item received', 'I received a damaged or wrong item' ),
		array( 'exchange for another size', 'Can I exchange an item for another size?' ),
		array( 'delete account', 'How do I delete my account?' ),
		array( 'unsubscribe newsletter', 'How do I unsubscribe from the newsletter?' ),
		array( 'ship internationally', 'Do you ship internationally?' ),
		array( 'washing wool', 'How should I wash and care for my clothes?' ),
		array( 'duplicate order', 'I placed a duplicate order by mistake' ),
		array( 'gift wrap', 'Can I add a gift message or gift wrap?' ),
		array( 'inv', 'Can I get an invoice for my order?', true ),
		array( 'newsl', 'How do I unsubscribe from the newsletter?', true ),
		array( 'cancel ord', 'How do I cancel my order?', true ),
	);

	public function test_each_query_ranks_the_expected_article_first(): void {
		$this->demo_articles();
		$wrong = array();
		foreach ( self::TABLE as $case ) {
			$first = $this->search( $case[0], array( 'prefix' => ! empty( $case[2] ) ) )[0] ?? '(nothing)';
			if ( $first !== $case[1] ) {
				$wrong[] = sprintf( '%-28s → %s (expected %s)', $case[0], $first, $case[1] );
			}
		}
		$this->assertSame( array(), $wrong, "Queries ranked wrong:\n" . implode( "\n", $wrong ) );
	}

	public function test_a_query_matching_nothing_returns_nothing(): void {
		$this->demo_articles();
		$this->assertSame( array(), $this->search( 'xylophone quartet' ) );
		$this->assertSame( array(), $this->search( 'the and of' ) );
	}

	public function test_store_synonyms_apply_without_reindexing(): void {
		$this->demo_articles();
		$this->assertSame( array(), $this->search( 'zorblax' ) );
		$settings = get_option( 'aftercare_settings', array() );
		update_option( 'aftercare_settings', array( 'help_synonyms' => array( 'zorblax, refund' ) ) + (array) $settings );
		$this->assertSame( 'When will I get my refund?', $this->search( 'zorblax' )[0] ?? null );
	}

	/**
	 * Whole result lists, pinned: the phpunit:sqlite layer runs this class on SQLite, so both
	 * databases must give exactly these answers in this order (integer scores, ties by id).
	 */
	public function test_whole_result_lists_are_the_same_on_every_database(): void {
		$this->demo_articles();
		$expected = array(
			'return' => array(
				'How do I return an item?',
				'Is return shipping free?',
				'Which items cannot be returned?',
				'Will a sold-out item come back in stock?',
				'I received a damaged or wrong item',
				'When will I get my refund?',
			),
			'shipping' => array(
				'How long does delivery take?',
				'Can I change my delivery address?',
				'Do you ship internationally?',
				'How much does shipping cost?',
				'Is return shipping free?',
				'I received a damaged or wrong item',
			),
			'size' => array(
				'How do I find my size?',
				'Can I exchange an item for another size?',
				'Shoe size conversion chart',
				'Do your jeans run small?',
				'How much does shipping cost?',
				'Will a sold-out item come back in stock?',
			),
			'order' => array(
				'How do I cancel my order?',
				'Can I change the items in my order?',
				'Where is my order confirmation email?',
				'Can I get an invoice for my order?',
				'I placed a duplicate order by mistake',
				'How long does delivery take?',
			),
			'pass' => array(
				'I forgot my password',
				'How do I change my email address or details?',
			),
			'refund money' => array(
				'When will I get my refund?',
				'Will a sold-out item come back in stock?',
				'My parcel is late or lost',
				'I received a damaged or wrong item',
				'I placed a duplicate order by mistake',
			),
		);
		foreach ( $expected as $query => $titles ) {
			$this->assertSame( $titles, $this->search( $query, array( 'limit' => 6, 'prefix' => 'pass' === $query ) ), $query );
		}
	}
}
