<?php
/**
 * The Site Health test fetches a probe file from the attachments folder over real HTTP (the test
 * site served by `php -S` and the project's router, which, like nginx, ignores .htaccess) and
 * warns only when the file is served.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets;

use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Settings\Settings;
use Aftercare\Tests\SiteServer;
use Aftercare\Tests\TestCase;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\AttachmentsHealth;

final class AttachmentsHealthTest extends TestCase {

	private string $folder = '';

	protected function setUp(): void {
		parent::setUp();
		SiteServer::url();
	}

	protected function tearDown(): void {
		remove_all_filters( 'aftercare_attachments_dir' );
		if ( '' !== $this->folder ) {
			array_map( 'unlink', glob( $this->folder . '/{,.}[!.]*', GLOB_BRACE ) ?: array() );
			rmdir( $this->folder );
		}
		parent::tearDown();
	}

	public function test_the_default_folder_is_not_served(): void {
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'], $result['label'] );
		$this->assertSame( array(), glob( self::store()->directory() . 'probe-*' ), 'the probe is deleted' );
	}

	public function test_a_folder_the_web_server_serves_is_critical(): void {
		$this->use_folder( wp_upload_dir( null, false )['basedir'] . '/aftercare-exposed-' . wp_generate_password( 6, false ) );
		$result = $this->run_test();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'AFTERCARE_ATTACHMENTS_DIR', $result['description'] );
		$this->assertSame( array(), glob( $this->folder . '/probe-*' ), 'the probe is deleted' );
	}

	public function test_a_folder_outside_the_web_root_is_good_without_asking_the_server(): void {
		$this->use_folder( sys_get_temp_dir() . '/aftercare-outside-' . wp_generate_password( 6, false ) );
		$requests = 0;
		$count    = static function ( $answer ) use ( &$requests ) {
			++$requests;
			return $answer;
		};
		add_filter( 'pre_http_request', $count );
		$result = $this->run_test();
		remove_filter( 'pre_http_request', $count );
		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 0, $requests );
	}

	public function test_it_is_an_async_test_behind_a_site_health_capability(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$tests = \WP_Site_Health::get_tests();
		$this->assertArrayHasKey( AttachmentsHealth::TEST, $tests['async'] );
		$this->assertTrue( $tests['async'][ AttachmentsHealth::TEST ]['has_rest'] );

		$this->assertSame( 401, $this->rest( 'GET', '/aftercare/v1/site-health/attachments' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/aftercare/v1/site-health/attachments', array(), $this->user( 'aftercare_agent' )->ID )->get_status() );
		$response = $this->rest( 'GET', '/aftercare/v1/site-health/attachments', array(), $this->user( 'administrator' )->ID );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( AttachmentsHealth::TEST, $response->get_data()['test'] );
		$this->assertSame( 'good', $response->get_data()['status'] );
	}

	private function use_folder( string $folder ): void {
		$this->folder = $folder;
		add_filter( 'aftercare_attachments_dir', static fn(): string => $folder );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new AttachmentsHealth( self::store() ) )->run();
	}

	private static function store(): AttachmentStore {
		global $wpdb;
		return new AttachmentStore(
			$wpdb,
			new Settings(),
			new SystemClock(),
			new RateLimiter( $wpdb, new SystemClock() ),
			new \Aftercare\Http\ClientAddress( new Settings() )
		);
	}
}
