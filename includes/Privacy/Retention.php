<?php
/**
 * Daily housekeeping: deletes the attachments of tickets that have been done (solved or closed)
 * for longer than the store's retention setting, in batches, and forgets delivered mails. A
 * return's photos are its thread's attachments; there the return decides: once it has been
 * rejected, settled or closed for that long, like a done ticket. Help-center analytics (search
 * log, votes and their comments, visitor-ticket links) older than their own setting go too.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Privacy;

use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\Attachment;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\TicketRepository;

final class Retention implements Registrable {

	public const HOOK = 'aftercare_daily_maintenance';

	/** Attachments deleted per run; a run that leaves more behind schedules the next one. */
	public const BATCH = 200;

	/** Help-center rows deleted per table and run. */
	public const HELP_BATCH = 1000;

	/** Delivered mails are kept this long, for "did the customer get it?" questions. */
	private const SENT_MAIL_AGE = 30 * DAY_IN_SECONDS;

	public function __construct(
		private \wpdb $wpdb,
		private Settings $settings,
		private TicketRepository $tickets,
		private ReturnRepository $returns,
		private AttachmentStore $attachments,
		private Outbox $outbox,
		private Notifier $notifier,
		private Clock $clock,
		private SearchLog $log,
		private ArticleVotes $votes,
		private Deflection $deflection
	) {}

	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_action( 'init', array( $this, 'schedule' ) );
	}

	public function schedule(): void {
		if ( ! wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( $this->clock->now() + HOUR_IN_SECONDS, 'daily', self::HOOK );
		}
	}

	public function run(): void {
		$files = $this->delete_expired_attachments();
		$help  = $this->delete_expired_help_analytics();
		if ( $files >= self::BATCH || $help >= self::HELP_BATCH ) {
			wp_schedule_single_event( $this->clock->now() + MINUTE_IN_SECONDS, self::HOOK );
		}
		$this->outbox->purge( self::SENT_MAIL_AGE );
		// A safety net: should a scheduled send ever be lost, waiting mails go out within a day.
		$next = $this->outbox->next_due();
		if ( null !== $next ) {
			$this->notifier->wake( max( $next, $this->clock->now() ) );
		}
	}

	/**
	 * Deletes a batch of help-center rows older than the `help_analytics_retention_months` setting.
	 *
	 * @return int The most rows deleted from one table (HELP_BATCH: there may be more).
	 */
	public function delete_expired_help_analytics(): int {
		$months = (int) $this->settings->get( 'help_analytics_retention_months' );
		if ( $months <= 0 ) {
			return 0;
		}
		$cutoff = $this->clock->now() - $months * MONTH_IN_SECONDS;
		$most   = 0;
		foreach ( array( $this->log->table() => 'created_at', $this->votes->table() => 'created_at', $this->deflection->table() => 'opened_at' ) as $table => $column ) {
			// Ids first, then by id: DELETE … LIMIT is not portable to SQLite.
			$ids = array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$table} WHERE {$column} < %d ORDER BY id LIMIT %d", $cutoff, self::HELP_BATCH ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column names.
			if ( $ids ) {
				$this->wpdb->query( "DELETE FROM {$table} WHERE id IN (" . implode( ',', $ids ) . ')' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,WordPress.DB.PreparedSQL.NotPrepared -- integers.
			}
			$most = max( $most, count( $ids ) );
		}
		return $most;
	}

	/**
	 * @return int How many attachments were deleted.
	 */
	public function delete_expired_attachments(): int {
		$months = (int) $this->settings->get( 'attachment_retention_months' );
		if ( $months <= 0 ) {
			return 0;
		}
		$cutoff  = $this->clock->now() - $months * MONTH_IN_SECONDS;
		$files   = $this->attachments->table();
		$tickets = $this->tickets->table();
		$returns = $this->returns->table();
		$done    = array_map( static fn( ReturnStatus $status ): string => $status->value, array( ReturnStatus::Rejected, ReturnStatus::Refunded, ReturnStatus::Credited, ReturnStatus::Exchanged, ReturnStatus::Closed ) );
		$rows    = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT a.* FROM {$files} a INNER JOIN {$tickets} t ON t.id = a.ticket_id LEFT JOIN {$returns} r ON r.ticket_id = t.id WHERE t.updated_at < %d AND ( ( r.id IS NULL AND t.is_open = 0 ) OR ( r.status IN (%s, %s, %s, %s, %s) AND r.updated_at < %d ) ) ORDER BY a.id LIMIT %d", $cutoff, ...array_merge( $done, array( $cutoff, self::BATCH ) ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table names.
		foreach ( $rows as $row ) {
			$attachment = Attachment::from_row( $row );
			wp_delete_file( $this->attachments->path( $attachment ) );
			$this->wpdb->delete( $files, array( 'id' => $attachment->id ) );
		}
		return count( $rows );
	}
}
