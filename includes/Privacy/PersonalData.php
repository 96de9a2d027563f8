<?php
/**
 * WordPress's personal-data tools (Tools → Export / Erase Personal Data) for support data:
 * the person's tickets, their own messages, the files they attached, the tickets' timelines,
 * the mails queued to them, and their returns with their items and timelines. A return's
 * conversation and photos are its ticket thread, so they go with the tickets. Also what the
 * help center knows of the browsers the person opened tickets from (searches, clicks, votes and
 * their comments, the links to the tickets), and the lookups recorded on the person's orders.
 * And the suggested text for the site's privacy policy.
 *
 * Erasure anonymizes rather than deletes: the ticket keeps its number, status, dates and message
 * count, agents' replies stay, and the person's subjects, own words and files are removed; a
 * return keeps its number, items, status and amounts and loses whom it belonged to. The store's
 * records and reports stay consistent. The help-center rows of those browsers and the orders'
 * lookup records are deleted.
 *
 * This class orchestrates: each table is read and written by the repository that owns it, and
 * ExportItems turns what they answer into export items.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Privacy;

use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Survey;
use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Notifications\Outbox;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;

final class PersonalData implements Registrable {

	/** Tickets per exporter or eraser page, so each request stays short. */
	public const PAGE = 20;

	/** Orders whose lookup records are exported or erased (the port's most). */
	private const ORDERS = 100;

	private ExportItems $items;

	public function __construct(
		private TicketRepository $tickets,
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private EventLog $events,
		private AccessTokens $tokens,
		private Outbox $outbox,
		private ReceivedMailRepository $received,
		private ReturnRepository $returns,
		private SearchLog $log,
		private ArticleVotes $votes,
		private Deflection $deflection,
		private ?OrderSource $orders,
		private RatingRepository $ratings
	) {
		$this->items = new ExportItems( $messages, $attachments, $events, $log, $votes, $deflection, $orders );
	}

	public function register(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'add_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'add_eraser' ) );
		add_action( 'admin_init', array( $this, 'add_policy_content' ) );
	}

	/**
	 * Suggested text for the privacy policy (Settings → Privacy → the policy guide).
	 */
	public function add_policy_content(): void {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}
		$paragraphs = array(
			__( 'When you contact us through our support form, we keep your name, email address, what you write, the files you attach, the order you name, and the history of your request (when it was opened, answered and closed). Support staff read them to help you. If you write as a guest, we email you a private link to your conversation, valid for 90 days.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			__( 'When you ask for a return, we keep the order, the items, your reasons, photos and the outcome you choose, and the steps of the return.', 'aftercare' ),
			__( 'When you look up an order with its number, we note on the order when it was looked up and a shortened form of your IP address (its last part removed), so the order’s owner and our staff can see who checked it.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			__( 'Our help center keeps what visitors search for, which articles they open and whether an article helped (with an optional comment). It links them with an anonymous, random visitor id kept in a cookie (aftercare_visitor, one year) and stored by us only in a scrambled (hashed) form — never with your IP address or name. If you open a support request from the same browser, we note that, to learn whether our articles help.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			__( 'To protect our forms from abuse, we count requests per IP address for up to a day, in a scrambled (hashed) form only.', 'aftercare' ),
			__( 'When you email our support address, what you write and the files you send become a support request as above, and we keep the email as we received it (with its headers) for the period set in our settings, to recognise a repeated delivery and to look into one we could not read. If we copy someone else in on your request at your wish, they receive our emails about it and can answer in it.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			__( 'How long we keep it: support requests stay as long as our records require. Attachments of finished requests may be deleted after a period we set; help-center searches and votes are deleted after the period set in our settings; emails we sent you are forgotten after 30 days, and emails you sent us after the period set in our settings.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			__( 'You can ask us for an export of this data, or to erase it: we then remove your name, email, subjects, messages, files and help-center activity, and keep only an anonymous record (number, dates, status) of each request.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
		);
		wp_add_privacy_policy_content(
			__( 'Aftercare', 'aftercare' ),
			implode( '', array_map( static fn( string $text ): string => '<p>' . esc_html( $text ) . '</p>', $paragraphs ) )
		);
	}

	/**
	 * @param array<string, array<string, mixed>> $exporters Registered exporters.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_exporter( array $exporters ): array {
		$exporters['aftercare-tickets'] = array(
			'exporter_friendly_name' => __( 'Support tickets and returns', 'aftercare' ),
			'callback'               => array( $this, 'export' ),
		);
		return $exporters;
	}

	/**
	 * @param array<string, array<string, mixed>> $erasers Registered erasers.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_eraser( array $erasers ): array {
		$erasers['aftercare-tickets'] = array(
			'eraser_friendly_name' => __( 'Support tickets and returns', 'aftercare' ),
			'callback'             => array( $this, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * One page of the person's tickets, then of their returns: the page on which the tickets run
	 * out starts the returns.
	 *
	 * @return array{data: array<int, array<string, mixed>>, done: bool}
	 */
	public function export( string $email, int $page = 1 ): array {
		$page = max( 1, $page );
		$rows = $this->ticket_rows( $email, ( $page - 1 ) * self::PAGE );
		$data = array_merge( $this->items->tickets( $rows ), $this->items->help( $rows ) );
		if ( count( $rows ) === self::PAGE ) {
			return array(
				'data' => $data,
				'done' => false,
			);
		}
		$first   = intdiv( $this->ticket_count( $email ), self::PAGE ) + 1;
		$returns = $this->return_rows( $email, max( 0, $page - $first ) * self::PAGE );
		$done    = count( $returns ) < self::PAGE;
		return array(
			'data' => array_merge(
				$data,
				$this->items->returns( $returns ),
				$done ? $this->items->lookups( $this->person_orders( $email ) ) : array(),
				$done ? $this->items->received_mail( $this->received_rows( $email ) ) : array()
			),
			'done' => $done,
		);
	}

	/**
	 * Anonymizes one page of the person's tickets, then of their returns. Anonymized records no
	 * longer match, so every call takes the first page of what is left.
	 *
	 * @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool}
	 */
	public function erase( string $email, int $page = 1 ): array {
		$rows    = $this->ticket_rows( $email, 0 );
		$removed = $this->anonymize_tickets( $email, $rows );
		$returns = count( $rows ) < self::PAGE ? $this->return_rows( $email, 0 ) : null;
		if ( $returns ) {
			$removed = $this->anonymize_returns( $email, $returns ) || $removed;
		}
		$done = null !== $returns && count( $returns ) < self::PAGE;
		if ( $done ) {
			$this->outbox->forget_recipient( $email );
			$removed = $this->received->forget_sender( $email ) || $removed;
			$removed = $this->tickets->forget_cc( $email ) || $removed;
			$removed = $this->forget_lookups( $email ) || $removed;
		}
		return array(
			'items_removed'  => $removed,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => $done,
		);
	}

	/**
	 * Every mail received from the person (the log keeps them for its retention period only).
	 *
	 * @return object[]
	 */
	private function received_rows( string $email ): array {
		$rows = array();
		do {
			$page = $this->received->of_sender( $email, count( $rows ), 500 );
			$rows = array( ...$rows, ...$page );
		} while ( 500 === count( $page ) );
		return $rows;
	}

	/**
	 * Removes the person from their tickets: name, email and account, their own words and files.
	 *
	 * @param Ticket[] $rows Tickets.
	 * @return bool Whether anything was anonymized.
	 */
	private function anonymize_tickets( string $email, array $rows ): bool {
		$user    = get_user_by( 'email', $email );
		$name    = __( 'Deleted customer', 'aftercare' );
		$address = wp_privacy_anonymize_data( 'email', $email );
		foreach ( $rows as $row ) {
			$this->tickets->anonymize_customer( $row->id, $name, $address, __( '[Removed at the customer’s request]', 'aftercare' ) );
			$own = $this->messages->from_customer( $row->id );
			foreach ( $this->attachments->for_messages( array_map( static fn( $message ): int => $message->id, $own ) ) as $files ) {
				array_walk( $files, array( $this->attachments, 'delete' ) );
			}
			$this->messages->anonymize_customer( $row->id, $name, '<p>' . esc_html__( '[Removed at the customer’s request]', 'aftercare' ) . '</p>' );
			$this->detach_events( 'ticket', $row->id, $user );
			$this->forget_comment( Survey::Satisfaction, $row->id );
			$this->tokens->revoke( 'ticket', $row->id );
			// The thread was rewritten: search must no longer find the ticket by the person's words.
			$this->tickets->reindex( $row->id );
		}
		$this->forget_browsers( array_map( static fn( Ticket $row ): int => $row->id, $rows ) );
		return (bool) $rows;
	}

	/**
	 * Deletes what the help center logged of the browsers the tickets were opened from.
	 *
	 * @param int[] $ticket_ids Tickets.
	 */
	private function forget_browsers( array $ticket_ids ): void {
		$visitors = $this->deflection->visitors_of_tickets( $ticket_ids );
		foreach ( array( $this->log, $this->votes, $this->deflection ) as $table ) {
			$table->forget_visitors( $visitors );
		}
	}

	/**
	 * Deletes the lookup records of the person's orders.
	 *
	 * @return bool Whether there were any.
	 */
	private function forget_lookups( string $email ): bool {
		$removed = false;
		foreach ( $this->person_orders( $email ) as $order ) {
			if ( $this->orders?->lookups( $order->id, 1 ) ) {
				$this->orders->forget_lookups( $order->id );
				$removed = true;
			}
		}
		return $removed;
	}

	/**
	 * The person's orders: those of their account and those with their billing email.
	 *
	 * @return Order[]
	 */
	private function person_orders( string $email ): array {
		$email = trim( $email );
		if ( null === $this->orders || ! is_email( $email ) ) {
			return array();
		}
		$user   = get_user_by( 'email', $email );
		$orders = array();
		foreach ( array_merge(
			$user ? $this->orders->orders_for_customer( $user->ID, '', self::ORDERS ) : array(),
			$this->orders->orders_for_customer( 0, $email, self::ORDERS )
		) as $order ) {
			$orders[ $order->id ] = $order;
		}
		return array_values( $orders );
	}

	/**
	 * Removes the person from their returns, which keep their number, items, status and amounts
	 * (their thread goes with the tickets).
	 *
	 * @param ReturnRequest[] $returns Returns.
	 * @return bool Whether anything was anonymized.
	 */
	private function anonymize_returns( string $email, array $returns ): bool {
		$user = get_user_by( 'email', $email );
		foreach ( $returns as $return ) {
			$this->returns->anonymize_customer( $return->id, __( 'Deleted customer', 'aftercare' ), wp_privacy_anonymize_data( 'email', $email ) );
			$this->detach_events( 'return', $return->id, $user );
			$this->forget_comment( Survey::Effort, $return->id );
		}
		return (bool) $returns;
	}

	/**
	 * Their answer to the store's question stays (it counts in reports); their words go.
	 */
	private function forget_comment( Survey $survey, int $id ): void {
		$this->ratings->erase_comment( $survey, $id );
		$this->events->redact( $survey->object_type(), $id, Survey::Satisfaction === $survey ? 'rating' : 'effort', 'comment' );
	}

	/**
	 * The person's own steps on a timeline stay, no longer linked to their account.
	 *
	 * @param \WP_User|false $user The person's account, if any.
	 */
	private function detach_events( string $object_type, int $id, $user ): void {
		if ( $user ) {
			$this->events->detach_actor( $object_type, $id, $user->ID );
		}
	}

	/**
	 * The person's account (0: none), or null for something that is no email: their tickets and
	 * returns are those with their email or of that account.
	 */
	private function account_of( string $email ): ?int {
		if ( ! is_email( $email ) ) {
			return null;
		}
		$user = get_user_by( 'email', $email );
		return $user ? $user->ID : 0;
	}

	/**
	 * A page of the person's returns.
	 *
	 * @return ReturnRequest[]
	 */
	private function return_rows( string $email, int $offset ): array {
		$account = $this->account_of( trim( $email ) );
		return null === $account ? array() : $this->returns->of_person( trim( $email ), $account, $offset, self::PAGE );
	}

	/**
	 * A page of the person's tickets.
	 *
	 * @return Ticket[]
	 */
	private function ticket_rows( string $email, int $offset ): array {
		$account = $this->account_of( trim( $email ) );
		return null === $account ? array() : $this->tickets->of_person( trim( $email ), $account, $offset, self::PAGE );
	}

	/**
	 * How many tickets ticket_rows() pages through.
	 */
	private function ticket_count( string $email ): int {
		$account = $this->account_of( trim( $email ) );
		return null === $account ? 0 : $this->tickets->count_of_person( trim( $email ), $account );
	}
}
