<?php
/**
 * Daily housekeeping: deletes the attachments of tickets that have been done (solved or closed)
 * for longer than the store's retention setting, in batches, and forgets delivered mails. A
 * return's photos are its thread's attachments; there the return decides: once it has been
 * rejected, settled or closed for that long, like a done ticket. Help-center analytics (search
 * log, votes and their comments, visitor-ticket links) older than their own setting go too, and
 * so does the log of received mail (with each raw message) after its own.
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
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Settings\Settings;
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
		private Settings $settings,
		private TicketRepository $tickets,
		private ReturnRepository $returns,
		private AttachmentStore $attachments,
		private Outbox $outbox,
		private Notifier $notifier,
		private Clock $clock,
		private SearchLog $log,
		private ArticleVotes $votes,
		private Deflection $deflection,
		private ReceivedMailRepository $received
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
		$mail  = $this->delete_expired_received_mail();
		if ( $files >= self::BATCH || $help >= self::HELP_BATCH || $mail >= self::HELP_BATCH ) {
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
	 * Deletes a batch of received mails (raw message and all) older than the
	 * `received_mail_retention_days` setting.
	 *
	 * @return int Rows deleted (HELP_BATCH: there may be more).
	 */
	public function delete_expired_received_mail(): int {
		$days = (int) $this->settings->get( 'received_mail_retention_days' );
		return $days > 0 ? $this->received->delete_before( $this->clock->now() - $days * DAY_IN_SECONDS, self::HELP_BATCH ) : 0;
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
		$deleted = array_map( static fn( $table ): int => $table->delete_before( $cutoff, self::HELP_BATCH ), array( $this->log, $this->votes, $this->deflection ) );
		return max( $deleted );
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
		$deleted = 0;
		$after   = 0;
		// Through the tickets that still hold files: retention keeps them few.
		while ( $deleted < self::BATCH ) {
			$ids = $this->attachments->ticket_ids( $after, self::BATCH );
			if ( ! $ids ) {
				break;
			}
			$after = (int) end( $ids );
			foreach ( $this->attachments->of_tickets( $this->expired( $ids, $cutoff ), self::BATCH - $deleted ) as $attachment ) {
				$this->attachments->delete( $attachment );
				++$deleted;
			}
		}
		return $deleted;
	}

	/**
	 * Of these tickets, those whose files have expired: untouched since $cutoff, and done; or, for
	 * a return's thread, its return finished before $cutoff.
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @return int[]
	 */
	private function expired( array $ticket_ids, int $cutoff ): array {
		$untouched = $this->tickets->untouched_since( $ticket_ids, $cutoff );
		$returns   = $this->returns->finished_before( array_keys( $untouched ), $cutoff );
		return array_keys( array_filter( $returns + $untouched ) );
	}
}
