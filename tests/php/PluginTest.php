<?php
/**
 * The composition root: the modules' tables are installed and their routes, blocks and cron
 * hooks registered; Plugin::at() builds the same services on another clock (how `npm start`
 * seeds a store's past), without registering a second set of hooks.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests;

use Aftercare\Plugin;
use Aftercare\Privacy\Retention;
use Aftercare\Tickets\SlaMonitor;
use Aftercare\Tickets\SlaRecompute;

/**
 * Also on SQLite, the database `npm start` uses.
 *
 * @group sqlite
 */
final class PluginTest extends TestCase {

	/** Every module's tables, without the site's prefix and `aftercare_`. */
	private const TABLES = array(
		'rate_limits',
		'access_tokens',
		'search_terms',
		'search_postings',
		'search_grams',
		'search_documents',
		'search_log',
		'article_votes',
		'visitor_tickets',
		'tickets',
		'ticket_counts',
		'ticket_terms',
		'ticket_tags',
		'messages',
		'events',
		'attachments',
		'saved_replies',
		'presence',
		'sla_alerts',
		'returns',
		'return_items',
		'ratings',
		'report_days',
		'report_months',
		'outbox',
		'received_mail',
	);

	public function test_every_modules_tables_exist_after_install(): void {
		global $wpdb;
		$expected = array_map( static fn( string $table ): string => $wpdb->prefix . 'aftercare_' . $table, self::TABLES );
		$names    = Plugin::instance()->installer->table_names();

		$this->assertEqualsCanonicalizing( $expected, $names );
		$this->assertTrue( Plugin::instance()->installer->is_current() );
		foreach ( $names as $table ) {
			$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) );
		}
	}

	public function test_every_rest_resource_registers_its_routes(): void {
		$controllers = Plugin::instance()->controllers;
		$this->assertNotEmpty( $controllers );
		foreach ( $controllers as $controller ) {
			$this->assertNotFalse( has_action( 'rest_api_init', array( $controller, 'register_routes' ) ), get_class( $controller ) );
		}
		$this->assertNotEmpty( rest_get_server()->get_routes( 'aftercare/v1' ) );
	}

	public function test_every_built_block_renders_through_its_service(): void {
		foreach ( require AFTERCARE_DIR . 'build/blocks-manifest.php' as $metadata ) {
			$block = \WP_Block_Type_Registry::get_instance()->get_registered( $metadata['name'] );
			$this->assertNotNull( $block, $metadata['name'] );
			$this->assertIsArray( $block->render_callback, $metadata['name'] );
			$this->assertStringStartsWith( 'Aftercare\\', get_class( $block->render_callback[0] ), $metadata['name'] );
		}
	}

	public function test_scheduled_work_is_hooked(): void {
		$this->assertNotFalse( has_action( SlaMonitor::HOOK ) );
		$this->assertNotFalse( has_action( Retention::HOOK ) );
		$this->assertNotFalse( has_action( SlaRecompute::HOOK ) );
	}

	public function test_at_composes_services_apart_from_the_sites_and_registers_nothing(): void {
		$callbacks = self::callbacks();
		$desk      = Plugin::at( new FixedClock( time() ) );

		$this->assertNotSame( Plugin::instance(), $desk );
		$this->assertNotSame( Plugin::instance()->tickets, $desk->tickets );
		$this->assertNotSame( Plugin::instance()->articles, $desk->articles );
		$this->assertSame( $callbacks, self::callbacks(), 'Plugin::at() added or removed hooks' );
	}

	public function test_tickets_made_through_it_carry_its_times_and_the_site_judges_them_by_now(): void {
		$clock = new FixedClock( time() - 3 * HOUR_IN_SECONDS );
		$desk  = Plugin::at( $clock );
		// Its units of work nest in the test's transaction like the site's own.
		$desk->transaction->inside_open_transaction( true );
		$agent = $this->user( 'administrator' );

		$ticket = $desk->tickets->create(
			array(
				'subject'        => 'Parcel returned to sender',
				'message'        => 'Can you send it again?',
				'customer_email' => 'sam@example.test',
				'customer_name'  => 'Sam',
				'channel'        => 'email',
				'priority'       => 'urgent',
			),
			$agent->ID
		)['ticket'];
		$this->assertSame( $clock->time, $ticket->created_at );

		// Urgent tickets are due a first reply in 30 minutes: by the site's clock that was long ago.
		$data = $this->rest( 'GET', "/aftercare/v1/tickets/{$ticket->id}", array( 'context' => 'edit' ), $agent->ID )->get_data();
		$this->assertSame( 'breached', $data['sla']['state'] );

		$clock->time += HOUR_IN_SECONDS;
		$desk->tickets->reply( $ticket->id, 'reply', 'It is on its way again.', $agent->ID );
		$events = $this->rest( 'GET', "/aftercare/v1/tickets/{$ticket->id}/events", array(), $agent->ID )->get_data();
		$this->assertContains( gmdate( 'Y-m-d\TH:i:s\Z', $clock->time ), array_column( $events, 'created' ) );
		$this->assertSame( 'pending', $this->rest( 'GET', "/aftercare/v1/tickets/{$ticket->id}", array(), $agent->ID )->get_data()['status'] );
	}

	public function test_help_searches_and_votes_are_logged_at_its_time(): void {
		global $wpdb;
		$clock = new FixedClock( time() - 10 * DAY_IN_SECONDS );
		$desk  = Plugin::at( $clock );

		$desk->articles->log_search( 'delivery time', 'help-center', 'demo-visitor-000001' );
		$this->assertSame( (string) $clock->time, $wpdb->get_var( "SELECT created_at FROM {$wpdb->prefix}aftercare_search_log ORDER BY id DESC LIMIT 1" ) );

		$post = wp_insert_post(
			array(
				'post_type'   => 'aftercare_article',
				'post_status' => 'publish',
				'post_title'  => 'Delivery times',
			)
		);
		$desk->votes->vote( $post, 'visitor-hash', true, null );
		$this->assertSame(
			(string) $clock->time,
			$wpdb->get_var( $wpdb->prepare( "SELECT created_at FROM {$wpdb->prefix}aftercare_article_votes WHERE post_id = %d", $post ) )
		);
	}

	/**
	 * How many callbacks each hook has.
	 *
	 * @return array<string, int>
	 */
	private static function callbacks(): array {
		return array_map( static fn( \WP_Hook $hook ): int => array_sum( array_map( 'count', $hook->callbacks ) ), $GLOBALS['wp_filter'] );
	}
}
