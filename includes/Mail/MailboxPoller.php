<?php
/**
 * Reads the support mailbox every five minutes (Action Scheduler when present, else WP-Cron),
 * only while one is configured. Only new messages are read: a per-mailbox watermark holds the
 * highest UID handed over, valid for one UIDVALIDITY. Each message goes to the Receiver; only
 * once it says the message is durably handled is the watermark advanced and the message marked
 * \Seen. A refusal stops the run, so that message and the ones after it come again next run.
 *
 * After a UIDVALIDITY change the old UIDs mean nothing, so the folder is read again from its
 * first message: the Receiver stores a message it already has only once.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\SlaMonitor;

final class MailboxPoller implements Registrable {

	public const HOOK = 'aftercare_mailbox_poll';

	/** Watermarks: mailbox key => array{uidvalidity: int, uid: int}. */
	public const STATE_OPTION = 'aftercare_mailbox_state';

	/** The last run: array{checked_at: int, handled: int, error: string, error_kind: string}. */
	public const STATUS_OPTION = 'aftercare_mailbox_status';

	/** What the Receiver is told about where a message came from. */
	public const SOURCE = 'imap';

	/** Messages handed over per run; the next run takes the rest. */
	public const BATCH = 50;

	private const LOCK     = 'aftercare_lock_mailbox_poll';
	private const INTERVAL = 5 * MINUTE_IN_SECONDS;

	public function __construct(
		private Settings $settings,
		private Receiver $receiver,
		private Lock $lock,
		private int $batch = self::BATCH
	) {}

	public function register(): void {
		// The same five-minute schedule as the SLA sweep (one definition, registered once).
		// phpcs:ignore WordPress.WP.CronInterval.CronSchedulesInterval -- five minutes is the point.
		add_filter( 'cron_schedules', array( SlaMonitor::class, 'schedules' ) );
		add_action( self::HOOK, array( $this, 'poll' ) );
		add_action( 'init', array( $this, 'schedule' ) );
	}

	/**
	 * Keeps a recurring run scheduled while a mailbox is configured, and none otherwise.
	 */
	public function schedule(): void {
		$configured = Mailbox::from_settings( $this->settings )->configured();
		if ( function_exists( 'as_schedule_recurring_action' ) && did_action( 'action_scheduler_init' ) ) {
			$scheduled = false !== as_next_scheduled_action( self::HOOK, array(), 'aftercare' );
			if ( $configured && ! $scheduled ) {
				as_schedule_recurring_action( time() + MINUTE_IN_SECONDS, self::INTERVAL, self::HOOK, array(), 'aftercare', true );
			} elseif ( ! $configured && $scheduled ) {
				as_unschedule_all_actions( self::HOOK, array(), 'aftercare' );
			}
			return;
		}
		$scheduled = false !== wp_next_scheduled( self::HOOK );
		if ( $configured && ! $scheduled ) {
			wp_schedule_event( time() + MINUTE_IN_SECONDS, 'aftercare_five_minutes', self::HOOK );
		} elseif ( ! $configured && $scheduled ) {
			wp_unschedule_hook( self::HOOK );
		}
	}

	/**
	 * One run: up to a batch of new messages handed to the Receiver.
	 *
	 * @return int Messages the Receiver took.
	 * @throws ImapError When the mailbox cannot be read; nothing is lost, the next run tries again.
	 */
	public function poll(): int {
		$mailbox = Mailbox::from_settings( $this->settings );
		if ( ! $mailbox->configured() ) {
			return 0;
		}
		// Overlapping runs (a slow server, cron and a manual run) would hand messages over twice.
		$held = $this->lock->acquire( self::LOCK, 10 * MINUTE_IN_SECONDS );
		if ( null === $held ) {
			return 0;
		}
		$client  = new ImapClient( $mailbox );
		$handled = 0;
		try {
			$client->connect();
			$client->login();
			$validity = $client->select( $mailbox->folder )['uidvalidity'];
			foreach ( array_slice( $client->uids_from( $this->watermark( $mailbox, $validity ) + 1 ), 0, $this->batch ) as $uid ) {
				// Null: expunged since the search, nothing to hand over.
				$raw = $client->fetch( $uid );
				if ( null !== $raw && ! $this->receiver->take( $raw, self::SOURCE ) ) {
					break;
				}
				// First the watermark: once handled, a message is never handed over again, even
				// when flagging it fails.
				$this->advance( $mailbox, $validity, $uid );
				if ( null !== $raw ) {
					$client->mark_seen( $uid );
					++$handled;
				}
			}
			$this->report( $handled, null );
			return $handled;
		} catch ( ImapError $error ) {
			$this->report( $handled, $error );
			throw $error;
		} finally {
			$client->logout();
			$this->lock->release( self::LOCK, $held );
		}
	}

	/**
	 * The last run as Settings → Email shows it (see STATUS_OPTION); null before the first.
	 *
	 * @return array{checked_at: int, handled: int, error: string, error_kind: string}|null
	 */
	public static function last_run(): ?array {
		$status = get_option( self::STATUS_OPTION, null );
		return is_array( $status ) ? $status + array(
			'checked_at' => 0,
			'handled'    => 0,
			'error'      => '',
			'error_kind' => '',
		) : null;
	}

	private function report( int $handled, ?ImapError $error ): void {
		update_option(
			self::STATUS_OPTION,
			array(
				'checked_at' => time(),
				'handled'    => $handled,
				'error'      => $error ? $error->getMessage() : '',
				'error_kind' => $error ? $error->kind : '',
			),
			false
		);
	}

	/**
	 * The highest UID handed over from this mailbox, or 0 when there is none for this UIDVALIDITY.
	 */
	private function watermark( Mailbox $mailbox, int $validity ): int {
		$state = $this->state()[ $mailbox->key() ] ?? null;
		return is_array( $state ) && ( $state['uidvalidity'] ?? null ) === $validity ? (int) $state['uid'] : 0;
	}

	private function advance( Mailbox $mailbox, int $validity, int $uid ): void {
		$state                    = $this->state();
		$state[ $mailbox->key() ] = array(
			'uidvalidity' => $validity,
			'uid'         => $uid,
		);
		update_option( self::STATE_OPTION, $state, false );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function state(): array {
		$state = get_option( self::STATE_OPTION, array() );
		return is_array( $state ) ? $state : array();
	}
}
