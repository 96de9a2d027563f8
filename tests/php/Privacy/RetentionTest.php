<?php
/**
 * Attachment retention: files of tickets done for longer than the setting are deleted by the
 * daily job; open and recent tickets keep theirs; 0 keeps everything. Help-center analytics and
 * the log of received mail go after their own settings.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Privacy;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Notifications\EmailTemplate;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Notifications\WpMailer;
use Aftercare\Privacy\Retention;
use Aftercare\Settings\Settings;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\MessageRepository;

final class RetentionTest extends TicketRestTestCase {

	private FixedClock $clock;

	private Retention $retention;

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$this->clock     = new FixedClock( time() );
		$settings        = new Settings();
		$tickets         = self::ticket_repository();
		$outbox          = new Outbox( $wpdb, $this->clock );
		$notifier        = new Notifier(
			$outbox,
			new WpMailer( new EmailTemplate() ),
			$tickets,
			new MessageRepository( $wpdb ),
			new AccessTokens( $wpdb, $this->clock ),
			new Links( $settings ),
			$settings,
			$this->clock,
			self::return_mails( $settings ),
			\Aftercare\Tests\Notifications\MailHeadersTest::headers_for( $outbox ),
			\Aftercare\Plugin::instance()->feedback,
			new \Aftercare\Feedback\RatingRepository( $wpdb, new \Aftercare\Infrastructure\SystemClock() ),
			new \Aftercare\Tickets\Sla( $settings, $this->clock )
		);
		$this->retention = new Retention(
			$settings,
			$tickets,
			new \Aftercare\Returns\ReturnRepository( $wpdb, new \Aftercare\Returns\ReturnItemRepository( $wpdb ) ),
			new AttachmentStore(
				$wpdb,
				$settings,
				$this->clock,
				new \Aftercare\Infrastructure\RateLimiter( $wpdb, $this->clock ),
				new \Aftercare\Http\ClientAddress( $settings )
			),
			$outbox,
			$notifier,
			$this->clock,
			new \Aftercare\HelpCenter\SearchLog( $wpdb, $this->clock ),
			new \Aftercare\HelpCenter\ArticleVotes( $wpdb, $this->clock ),
			new \Aftercare\HelpCenter\Deflection(
				$wpdb,
				$this->clock,
				new \Aftercare\HelpCenter\Visitors(),
				new \Aftercare\HelpCenter\SearchLog( $wpdb, $this->clock )
			),
			new \Aftercare\Mail\ReceivedMailRepository( $wpdb, $this->clock )
		);
	}

	/**
	 * A customer's ticket with one file, in the given status, last touched $age seconds ago.
	 *
	 * @return string The stored file's path.
	 */
	private function ticket_with_file( string $status, int $age ): string {
		$file = (string) tempnam( sys_get_temp_dir(), 'aftercare' );
		file_put_contents( $file, 'a photo, in words' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		$request = new \WP_REST_Request( 'POST', '/aftercare/v1/tickets' );
		$request->set_body_params(
			array(
				'subject' => 'Scratched table',
				'message' => 'See the photo.',
			)
		);
		$request->set_file_params(
			array(
				'attachments' => array(
					'name'     => array( 'photo.txt' ),
					'type'     => array( 'text/plain' ),
					'tmp_name' => array( $file ),
					'error'    => array( UPLOAD_ERR_OK ),
					'size'     => array( filesize( $file ) ),
				),
			)
		);
		wp_set_current_user( $this->customer_a->ID );
		$ticket = rest_get_server()->dispatch( $request )->get_data();
		$this->assertSame( 200, $this->rest( 'PATCH', '/aftercare/v1/tickets/' . $ticket['id'], array( 'status' => $status ), $this->agent->ID )->get_status() );
		global $wpdb;
		$wpdb->update( $wpdb->prefix . 'aftercare_tickets', array( 'updated_at' => $this->clock->now() - $age ), array( 'id' => $ticket['id'] ) );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$stored = (string) $wpdb->get_var( $wpdb->prepare( "SELECT file FROM {$wpdb->prefix}aftercare_attachments WHERE ticket_id = %d", $ticket['id'] ) );
		$path   = trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'aftercare-private/' . $stored;
		$this->assertFileExists( $path );
		return $path;
	}

	public function test_only_files_of_tickets_done_longer_than_the_setting_are_deleted(): void {
		$old_closed = $this->ticket_with_file( 'closed', 7 * MONTH_IN_SECONDS );
		$old_solved = $this->ticket_with_file( 'solved', 7 * MONTH_IN_SECONDS );
		$old_open   = $this->ticket_with_file( 'open', 7 * MONTH_IN_SECONDS );
		$new_closed = $this->ticket_with_file( 'closed', 5 * MONTH_IN_SECONDS );

		( new Settings() )->update( array( 'attachment_retention_months' => 6 ) );
		$this->assertSame( 2, $this->retention->delete_expired_attachments() );

		$this->assertFileDoesNotExist( $old_closed );
		$this->assertFileDoesNotExist( $old_solved );
		$this->assertFileExists( $old_open, 'open tickets keep their files' );
		$this->assertFileExists( $new_closed, 'recent tickets keep theirs' );
		$this->assertSame( 0, $this->retention->delete_expired_attachments(), 'a second run finds nothing' );
	}

	public function test_zero_months_keeps_every_file(): void {
		$path = $this->ticket_with_file( 'closed', 10 * YEAR_IN_SECONDS );
		$this->assertSame( 0, $this->retention->delete_expired_attachments() );
		$this->assertFileExists( $path );
	}

	public function test_help_analytics_older_than_the_setting_are_deleted_and_newer_ones_kept(): void {
		global $wpdb;
		$article = wp_insert_post(
			array(
				'post_type'   => \Aftercare\HelpCenter\ArticleType::POST_TYPE,
				'post_status' => 'publish',
				'post_title'  => 'Returns',
			)
		);
		$ages    = array(
			'old' => 13 * MONTH_IN_SECONDS,
			'new' => 11 * MONTH_IN_SECONDS,
		);
		$_COOKIE[ \Aftercare\HelpCenter\Visitors::COOKIE ] = '';
		foreach ( $ages as $label => $age ) {
			$visitor = $this->rest( 'POST', '/aftercare/v1/help/visitor' )->get_data()['visitor'];
			$this->assertSame(
				202,
				$this->rest( 'POST', '/aftercare/v1/help/events', array( 'kind' => 'search', 'query' => $label, 'visitor' => $visitor ) )->get_status()
			);
			$this->assertSame(
				201,
				$this->rest(
					'POST',
					"/aftercare/v1/help/articles/{$article}/feedback",
					array( 'helpful' => true, 'visitor' => $visitor, 'comment' => $label )
				)->get_status()
			);
			$_COOKIE[ \Aftercare\HelpCenter\Visitors::COOKIE ] = $visitor;
			$this->guest_ticket();
			foreach ( array( 'search_log' => 'created_at', 'article_votes' => 'created_at', 'visitor_tickets' => 'opened_at' ) as $table => $column ) {
				$wpdb->query(
					$wpdb->prepare(
						"UPDATE {$wpdb->prefix}aftercare_{$table} SET {$column} = %d WHERE {$column} > %d", // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
						$this->clock->now() - $age,
						$this->clock->now() - DAY_IN_SECONDS
					)
				);
			}
		}
		unset( $_COOKIE[ \Aftercare\HelpCenter\Visitors::COOKIE ] );
		$left = static fn(): array => array(
			$wpdb->get_col( "SELECT query FROM {$wpdb->prefix}aftercare_search_log ORDER BY id" ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->get_col( "SELECT comment FROM {$wpdb->prefix}aftercare_article_votes ORDER BY id" ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			(int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_visitor_tickets" ), // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		);
		$this->assertSame( array( array( 'old', 'new' ), array( 'old', 'new' ), 2 ), $left() );

		$this->assertSame( 12, ( new Settings() )->get( 'help_analytics_retention_months' ), 'a year by default' );
		$this->assertSame( 1, $this->retention->delete_expired_help_analytics() );
		$this->assertSame( array( array( 'new' ), array( 'new' ), 1 ), $left() );
		$this->assertSame( 0, $this->retention->delete_expired_help_analytics(), 'a second run finds nothing' );

		// The setting comes through the settings route; 0 keeps everything.
		$admin = $this->user( 'administrator' )->ID;
		foreach ( array( -1, 121, 'soon' ) as $bad ) {
			$this->assertSame( 400, $this->rest( 'POST', '/aftercare/v1/settings', array( 'help_analytics_retention_months' => $bad ), $admin )->get_status() );
		}
		$this->assertSame( 403, $this->rest( 'POST', '/aftercare/v1/settings', array( 'help_analytics_retention_months' => 1 ), $this->agent->ID )->get_status() );
		$this->assertSame( 200, $this->rest( 'POST', '/aftercare/v1/settings', array( 'help_analytics_retention_months' => 0 ), $admin )->get_status() );
		$this->assertSame( 0, $this->retention->delete_expired_help_analytics() );
		$this->assertSame( array( array( 'new' ), array( 'new' ), 1 ), $left() );
		$this->assertSame( 200, $this->rest( 'POST', '/aftercare/v1/settings', array( 'help_analytics_retention_months' => 10 ), $admin )->get_status() );
		$this->retention->run();
		$this->assertSame( array( array(), array(), 0 ), $left(), 'the daily job applies it' );
	}

	public function test_received_mail_older_than_the_setting_is_deleted_with_its_raw_message(): void {
		global $wpdb;
		$log    = new \Aftercare\Mail\ReceivedMailRepository( $wpdb, $this->clock );
		$now    = $this->clock->now();
		$record = function ( string $name, int $age ) use ( $log, $wpdb, $now ): int {
			$id = $log->insert( $name, hash( 'sha256', $name ), 'webhook', 'gwen@example.test', $name, \Aftercare\Mail\Outcome::Stored, '', 'raw ' . $name );
			$wpdb->update( $log->table(), array( 'received_at' => $now - $age ), array( 'id' => $id ) );
			return $id;
		};
		$old    = $record( 'old', 91 * DAY_IN_SECONDS );
		$recent = $record( 'recent', 89 * DAY_IN_SECONDS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$left   = static fn(): array => array_map( 'intval', $wpdb->get_col( "SELECT id FROM {$log->table()} ORDER BY id" ) );

		$this->assertSame( 90, ( new Settings() )->get( 'received_mail_retention_days' ), 'kept 90 days unless the store says otherwise' );
		$this->retention->run();
		$this->assertSame( array( $recent ), $left(), 'the daily job deletes the old one, raw message and all' );
		$this->assertNotContains( $old, $left() );

		( new Settings() )->update( array( 'received_mail_retention_days' => 0 ) );
		$record( 'ancient', 10 * YEAR_IN_SECONDS );
		$this->assertSame( 0, $this->retention->delete_expired_received_mail(), '0 keeps the log' );

		( new Settings() )->update( array( 'received_mail_retention_days' => 30 ) );
		$this->assertSame( 2, $this->retention->delete_expired_received_mail() );
		$this->assertSame( array(), $left() );
	}

	public function test_the_job_runs_daily(): void {
		wp_clear_scheduled_hook( Retention::HOOK );
		$this->retention->schedule();
		$this->assertSame( 'daily', wp_get_schedule( Retention::HOOK ) );
		$this->assertTrue( has_action( Retention::HOOK ) !== false );
		wp_clear_scheduled_hook( Retention::HOOK );
	}

	/**
	 * The return side of the notifier, as the plugin wires it.
	 */
	private static function return_mails( \Aftercare\Settings\Settings $settings ): \Aftercare\Notifications\ReturnMails {
		global $wpdb;
		$returns = new \Aftercare\Returns\ReturnRepository( $wpdb, new \Aftercare\Returns\ReturnItemRepository( $wpdb ) );
		$tokens  = new \Aftercare\Infrastructure\AccessTokens( $wpdb, new \Aftercare\Infrastructure\SystemClock() );
		return new \Aftercare\Notifications\ReturnMails(
			$returns,
			new \Aftercare\Returns\ReturnAccess( $returns, $tokens, $settings ),
			new \Aftercare\Returns\Policy( $settings ),
			$tokens,
			\Aftercare\Plugin::instance()->orders,
			\Aftercare\Plugin::instance()->feedback
		);
	}
}
