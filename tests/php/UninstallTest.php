<?php
/**
 * uninstall.php keeps the store's data unless a supervisor opted in to removal.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\HelpCenter\ArticleType;
use Aftercare\Infrastructure\Capabilities;
use Aftercare\Plugin;
use Aftercare\Settings\Settings;

final class UninstallTest extends TestCase {

	protected bool $transactional = false;

	/** @var array{article: int, category: int, comment: int}|null What help_article() made. */
	private ?array $help = null;

	protected function tearDown(): void {
		if ( $this->help ) {
			wp_delete_post( $this->help['article'], true );
			wp_delete_term( $this->help['category'], ArticleType::TAXONOMY );
		}
		delete_option( Settings::OPTION );
		Plugin::activate();
		parent::tearDown();
	}

	private function uninstall(): void {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', plugin_basename( AFTERCARE_FILE ) );
		}
		include AFTERCARE_DIR . 'uninstall.php';
		wp_cache_flush();
		wp_roles()->for_site();
	}

	/**
	 * A help article in a category, with a revision, a meta field and a comment.
	 *
	 * @return array{article: int, category: int, comment: int}
	 */
	private function help_article(): array {
		$category = wp_insert_term( 'Shipping ' . wp_generate_password( 6, false ), ArticleType::TAXONOMY );
		$this->assertIsArray( $category );
		$article = wp_insert_post(
			array(
				'post_type'    => ArticleType::POST_TYPE,
				'post_status'  => 'publish',
				'post_title'   => 'How long does delivery take?',
				'post_content' => 'Two to four days.',
				'meta_input'   => array( 'seo_title' => 'Delivery times' ),
			),
			true
		);
		$this->assertIsInt( $article );
		wp_set_object_terms( $article, array( (int) $category['term_id'] ), ArticleType::TAXONOMY );
		wp_update_post(
			array(
				'ID'           => $article,
				'post_content' => 'Two to five days.',
			)
		);
		$this->assertNotEmpty( wp_get_post_revisions( $article ) );
		$this->help = array(
			'article'  => $article,
			'category' => (int) $category['term_id'],
			'comment'  => (int) wp_insert_comment(
				array(
					'comment_post_ID' => $article,
					'comment_content' => 'Helpful.',
				)
			),
		);
		return $this->help;
	}

	/**
	 * Rows of the help article and its category left anywhere in WordPress's tables.
	 *
	 * @param array{article: int, category: int, comment: int} $help What help_article() made.
	 * @return array<string, int>
	 */
	private function help_rows( array $help ): array {
		global $wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- prepared here.
		$count = static fn( string $sql, int ...$args ): int => (int) $wpdb->get_var( $wpdb->prepare( $sql, ...$args ) );
		return array(
			'articles'      => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type = %s", ArticleType::POST_TYPE ) ),
			'revisions'     => $count( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_parent = %d", $help['article'] ),
			'meta'          => $count( "SELECT COUNT(*) FROM {$wpdb->postmeta} WHERE post_id = %d", $help['article'] ),
			'comments'      => $count( "SELECT COUNT(*) FROM {$wpdb->comments} WHERE comment_ID = %d", $help['comment'] ),
			'categories'    => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->term_taxonomy} WHERE taxonomy = %s", ArticleType::TAXONOMY ) ),
			'terms'         => $count( "SELECT COUNT(*) FROM {$wpdb->terms} WHERE term_id = %d", $help['category'] ),
			'relationships' => $count( "SELECT COUNT(*) FROM {$wpdb->term_relationships} WHERE object_id = %d", $help['article'] ),
		);
	}

	private function tables_left(): int {
		global $wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				'SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE %s',
				$wpdb->esc_like( $wpdb->prefix . 'aftercare_' ) . '%'
			)
		);
	}

	public function test_data_is_kept_by_default(): void {
		$help   = $this->help_rows( $this->help_article() );
		$before = $this->tables_left();
		$this->uninstall();

		$this->assertSame( $help, $this->help_rows( $this->help ), 'help articles and categories stay' );
		$this->assertGreaterThan( 0, min( $help ) );

		$this->assertGreaterThan( 0, $before );
		$this->assertSame( $before, $this->tables_left() );
		$this->assertNotNull( get_role( Capabilities::AGENT_ROLE ) );
		$this->assertNotFalse( get_option( 'aftercare_install_state' ) );
	}

	public function test_opting_in_removes_tables_options_roles_and_help_articles(): void {
		$help = $this->help_article();
		$this->assertGreaterThan( 0, min( $this->help_rows( $help ) ) );
		update_option( Settings::OPTION, array( 'delete_data_on_uninstall' => true ) );
		$this->uninstall();

		$this->assertSame( array_fill_keys( array_keys( $this->help_rows( $help ) ), 0 ), $this->help_rows( $help ) );
		$this->assertFalse( get_option( 'rewrite_rules' ), 'the articles\' rewrite rules go too' );

		$this->assertSame( 0, $this->tables_left() );
		$this->assertFalse( get_option( 'aftercare_install_state' ) );
		$this->assertFalse( get_option( Settings::OPTION ) );
		$this->assertNull( get_role( Capabilities::AGENT_ROLE ) );
		$this->assertFalse( get_role( 'administrator' )->has_cap( 'manage_aftercare' ) );
	}

	public function test_opting_in_removes_the_attachment_files_and_nothing_else_in_a_chosen_folder(): void {
		global $wpdb;
		$folder = sys_get_temp_dir() . '/aftercare-uninstall-' . wp_generate_password( 6, false );
		add_filter( 'aftercare_attachments_dir', static fn(): string => $folder );
		$store  = new \Aftercare\Tickets\AttachmentStore(
			$wpdb,
			new Settings(),
			new \Aftercare\Infrastructure\SystemClock(),
			new \Aftercare\Infrastructure\RateLimiter( $wpdb, new \Aftercare\Infrastructure\SystemClock() ),
			new \Aftercare\Http\ClientAddress( new Settings() )
		);
		$upload = (string) tempnam( sys_get_temp_dir(), 'aftercare' );
		file_put_contents( $upload, "a receipt\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		$stored = $store->accept(
			array( array( 'name' => 'receipt.txt', 'tmp_name' => $upload, 'size' => 10, 'error' => UPLOAD_ERR_OK ) ),
			$this->user( 'aftercare_agent' )->ID
		);
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		file_put_contents( $folder . '/backup.tar', 'the store\'s own file' );
		$this->assertFileExists( $folder . '/' . $stored[0]['file'] );
		$this->assertFileExists( $folder . '/.htaccess' );

		update_option( Settings::OPTION, array( 'delete_data_on_uninstall' => true ) );
		$this->uninstall();
		remove_all_filters( 'aftercare_attachments_dir' );

		$this->assertSame( array( 'backup.tar' ), array_values( array_diff( (array) scandir( $folder ), array( '.', '..' ) ) ) );
		unlink( $folder . '/backup.tar' );
		rmdir( $folder );
	}
}
