<?php
/**
 * Base test: each test runs in a database transaction that is rolled back, with fresh caches,
 * no current user and a fresh REST server.
 *
 * Tests that change the schema (DDL commits implicitly) set $transactional = false and restore
 * what they change themselves.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

abstract class TestCase extends \PHPUnit\Framework\TestCase {

	protected bool $transactional = true;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		if ( $this->transactional ) {
			$wpdb->query( 'START TRANSACTION' );
		}
		// Units of work inside the test use savepoints, so the test's rollback undoes them too.
		\Aftercare\Plugin::instance()->transaction->inside_open_transaction( $this->transactional );
		$this->reset_state();
	}

	protected function tearDown(): void {
		global $wpdb;
		if ( $this->transactional ) {
			$wpdb->query( 'ROLLBACK' );
		}
		$this->reset_state();
		parent::tearDown();
	}

	private function reset_state(): void {
		wp_cache_flush();
		wp_set_current_user( 0 );
		wp_roles()->for_site();
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * The tickets' storage wired as the plugin wires it, for services a test builds with its own
	 * clock or mailer.
	 */
	protected static function ticket_repository(): \Aftercare\Tickets\TicketRepository {
		global $wpdb;
		return new \Aftercare\Tickets\TicketRepository(
			$wpdb,
			new \Aftercare\Tickets\TagRepository( $wpdb ),
			new \Aftercare\Tickets\TicketTerms( $wpdb, new \Aftercare\HelpCenter\Tokenizer() ),
			new \Aftercare\Tickets\MessageRepository( $wpdb ),
			new \Aftercare\Tickets\TicketCounts( $wpdb, \Aftercare\Plugin::instance()->transaction )
		);
	}

	/**
	 * When the next background run of $hook waits (true: one is in progress), or false: through
	 * Action Scheduler beside WooCommerce, else WP-Cron, as Infrastructure\Jobs schedules it.
	 */
	protected static function next_run( string $hook ): int|bool {
		return self::action_scheduler() ? as_next_scheduled_action( $hook, array(), 'aftercare' ) : wp_next_scheduled( $hook );
	}

	/** Forgets every scheduled run of $hook. */
	protected static function clear_runs( string $hook ): void {
		if ( self::action_scheduler() ) {
			as_unschedule_all_actions( $hook, array(), 'aftercare' );
		}
		wp_clear_scheduled_hook( $hook );
	}

	private static function action_scheduler(): bool {
		return function_exists( 'as_next_scheduled_action' ) && did_action( 'action_scheduler_init' );
	}

	/**
	 * Creates a user with the given role (inside the test's transaction).
	 */
	protected function user( string $role ): \WP_User {
		$login = $role . '_' . wp_generate_password( 8, false );
		$id    = wp_insert_user(
			array(
				'user_login' => $login,
				'user_email' => $login . '@example.test',
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id, 'test user could not be created' );
		return new \WP_User( $id );
	}

	/**
	 * Dispatches a REST request through the real server, as the given user (0 = anonymous).
	 *
	 * @param array<string, mixed>  $params  Body (JSON) for writes, query for reads.
	 * @param array<string, string> $headers Request headers.
	 */
	protected function rest( string $method, string $path, array $params = array(), int $user_id = 0, array $headers = array() ): \WP_REST_Response {
		wp_set_current_user( $user_id );
		$request = new \WP_REST_Request( $method, $path );
		$request->set_headers( $headers );
		if ( 'GET' === $method ) {
			$request->set_query_params( $params );
		} else {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $params ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Renders a dynamic block as a page that holds it would.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	protected function render_block( string $name, array $attributes = array() ): string {
		return render_block(
			array(
				'blockName'    => $name,
				'attrs'        => $attributes,
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}

	/**
	 * Sends the outbox's due mail (the notifier's cron run) and returns what wp_mail() was given,
	 * without sending it.
	 *
	 * @return array<int, array<string, mixed>> wp_mail()'s arguments, one array a mail.
	 */
	protected function deliver_outbox(): array {
		return $this->mails_sent( static fn() => do_action( \Aftercare\Notifications\Notifier::HOOK ) );
	}

	/**
	 * What wp_mail() was given while $during ran, without sending it.
	 *
	 * @return array<int, array<string, mixed>> wp_mail()'s arguments, one array a mail.
	 */
	protected function mails_sent( callable $during ): array {
		$mails   = array();
		$capture = static function ( $value, array $atts ) use ( &$mails ) {
			$mails[] = $atts;
			return true;
		};
		add_filter( 'pre_wp_mail', $capture, 10, 2 );
		try {
			$during();
		} finally {
			remove_filter( 'pre_wp_mail', $capture );
		}
		return $mails;
	}

	/**
	 * @param mixed $response_data Response data of an error response.
	 */
	protected function assertErrorCode( string $code, \WP_REST_Response $response, int $status ): void {
		$this->assertSame( $status, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertSame( $code, $response->get_data()['code'] ?? null );
	}
}
