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
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Privacy;

use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Notifications\Outbox;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\ReturnItem;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Tickets\Attachment;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\TicketRepository;

final class PersonalData implements Registrable {

	/** Tickets per exporter or eraser page, so each request stays short. */
	public const PAGE = 20;

	/** Orders whose lookup records are exported or erased (the port's most). */
	private const ORDERS = 100;

	public function __construct(
		private \wpdb $wpdb,
		private TicketRepository $tickets,
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private EventLog $events,
		private AccessTokens $tokens,
		private Outbox $outbox,
		private ReturnRepository $returns,
		private SearchLog $log,
		private ArticleVotes $votes,
		private Deflection $deflection,
		private ?OrderSource $orders
	) {}

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
			__( 'When you contact us through our support form, we keep your name, email address, what you write, the files you attach, the order you name, and the history of your request (when it was opened, answered and closed). Support staff read them to help you. If you write as a guest, we email you a private link to your conversation, valid for 90 days.', 'aftercare' ),
			__( 'When you ask for a return, we keep the order, the items, your reasons, photos and the outcome you choose, and the steps of the return.', 'aftercare' ),
			__( 'When you look up an order with its number, we note on the order when it was looked up and a shortened form of your IP address (its last part removed), so the order’s owner and our staff can see who checked it.', 'aftercare' ),
			__( 'Our help center keeps what visitors search for, which articles they open and whether an article helped (with an optional comment). It links them with an anonymous, random visitor id kept in a cookie (aftercare_visitor, one year) and stored by us only in a scrambled (hashed) form — never with your IP address or name. If you open a support request from the same browser, we note that, to learn whether our articles help.', 'aftercare' ),
			__( 'To protect our forms from abuse, we count requests per IP address for up to a day, in a scrambled (hashed) form only.', 'aftercare' ),
			__( 'How long we keep it: support requests stay as long as our records require. Attachments of finished requests may be deleted after a period we set; help-center searches and votes are deleted after the period set in our settings; emails we sent you are forgotten after 30 days.', 'aftercare' ),
			__( 'You can ask us for an export of this data, or to erase it: we then remove your name, email, subjects, messages, files and help-center activity, and keep only an anonymous record (number, dates, status) of each request.', 'aftercare' ),
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
		$data = array_merge( $this->ticket_items( $rows ), $this->help_items( $rows ) );
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
			'data' => array_merge( $data, $this->return_items( $returns ), $done ? $this->lookup_items( $email ) : array() ),
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
			$this->wpdb->delete( $this->outbox->table(), array( 'recipient' => $email ) );
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
	 * The tickets, the person's own messages and files, and the tickets' timelines.
	 *
	 * @param object[] $rows Ticket rows.
	 * @return array<int, array<string, mixed>>
	 */
	private function ticket_items( array $rows ): array {
		$data = array();
		foreach ( $rows as $row ) {
			$id     = (int) $row->id;
			$data[] = array(
				'group_id'    => 'aftercare-tickets',
				'group_label' => __( 'Support tickets', 'aftercare' ),
				'item_id'     => 'aftercare-ticket-' . $id,
				'data'        => array(
					array(
						'name'  => __( 'Ticket number', 'aftercare' ),
						'value' => '#' . $row->number,
					),
					array(
						'name'  => __( 'Subject', 'aftercare' ),
						'value' => (string) $row->subject,
					),
					array(
						'name'  => __( 'Status', 'aftercare' ),
						'value' => (string) $row->status,
					),
					array(
						'name'  => __( 'Name', 'aftercare' ),
						'value' => (string) $row->customer_name,
					),
					array(
						'name'  => __( 'Email', 'aftercare' ),
						'value' => (string) $row->customer_email,
					),
					array(
						'name'  => __( 'Opened', 'aftercare' ),
						'value' => gmdate( 'Y-m-d H:i:s', (int) $row->created_at ) . ' UTC',
					),
				),
			);
			$own   = array_filter( $this->messages->for_ticket( $id, false ), static fn( $message ): bool => 'customer' === $message->author_role );
			$files = $this->attachments->for_messages( array_map( static fn( $message ): int => $message->id, $own ) );
			foreach ( $own as $message ) {
				$data[] = array(
					'group_id'    => 'aftercare-messages',
					'group_label' => __( 'Support messages', 'aftercare' ),
					'item_id'     => 'aftercare-message-' . $message->id,
					'data'        => array(
						array(
							'name'  => __( 'Ticket number', 'aftercare' ),
							'value' => '#' . $row->number,
						),
						array(
							'name'  => __( 'Written', 'aftercare' ),
							'value' => gmdate( 'Y-m-d H:i:s', $message->created_at ) . ' UTC',
						),
						array(
							'name'  => __( 'Message', 'aftercare' ),
							'value' => $message->body,
						),
					),
				);
				foreach ( $files[ $message->id ] ?? array() as $file ) {
					$data[] = array(
						'group_id'    => 'aftercare-attachments',
						'group_label' => __( 'Support attachments', 'aftercare' ),
						'item_id'     => 'aftercare-attachment-' . $file->id,
						'data'        => array(
							array(
								'name'  => __( 'Ticket number', 'aftercare' ),
								'value' => '#' . $row->number,
							),
							array(
								'name'  => __( 'File name', 'aftercare' ),
								'value' => $file->name,
							),
							array(
								'name'  => __( 'Type', 'aftercare' ),
								'value' => $file->mime,
							),
							array(
								'name'  => __( 'Size', 'aftercare' ),
								'value' => size_format( $file->size ),
							),
						),
					);
				}
			}
			array_push( $data, ...$this->history( 'ticket', $id, __( 'Support ticket history', 'aftercare' ), __( 'Ticket number', 'aftercare' ), '#' . $row->number ) );
		}
		return $data;
	}

	/**
	 * Removes the person from their tickets: name, email and account, their own words and files.
	 *
	 * @param object[] $rows Ticket rows.
	 * @return bool Whether anything was anonymized.
	 */
	private function anonymize_tickets( string $email, array $rows ): bool {
		$user    = get_user_by( 'email', $email );
		$name    = __( 'Deleted customer', 'aftercare' );
		$address = wp_privacy_anonymize_data( 'email', $email );
		$removed = false;
		foreach ( $rows as $row ) {
			$id = (int) $row->id;
			$this->wpdb->update(
				$this->tickets->table(),
				array(
					'subject'        => __( '[Removed at the customer’s request]', 'aftercare' ),
					'customer_id'    => 0,
					'customer_name'  => $name,
					'customer_email' => $address,
				),
				array( 'id' => $id )
			);
			$own = array_values( array_filter( $this->messages->for_ticket( $id, false ), static fn( $message ): bool => 'customer' === $message->author_role ) );
			foreach ( $this->attachments->for_messages( array_map( static fn( $message ): int => $message->id, $own ) ) as $files ) {
				array_walk( $files, array( $this, 'delete_attachment' ) );
			}
			$this->wpdb->update(
				$this->messages->table(),
				array(
					'author_id'   => 0,
					'author_name' => $name,
					'body'        => '<p>' . esc_html__( '[Removed at the customer’s request]', 'aftercare' ) . '</p>',
				),
				array(
					'ticket_id'   => $id,
					'author_role' => 'customer',
				)
			);
			$this->detach_events( 'ticket', $id, $user );
			$this->tokens->revoke( 'ticket', $id );
			// The thread was rewritten: search must no longer find the ticket by the person's words.
			$this->tickets->reindex( $id );
			$removed = true;
		}
		$this->forget_browsers( array_map( static fn( $row ): int => (int) $row->id, $rows ) );
		return $removed;
	}

	/**
	 * What the help center logged of the browsers the tickets were opened from: the links to the
	 * tickets, searches, clicks and suggestions shown, votes and their comments.
	 *
	 * @param object[] $rows Ticket rows.
	 * @return array<int, array<string, mixed>>
	 */
	private function help_items( array $rows ): array {
		$numbers  = array_column( array_map( static fn( $row ): array => array( (int) $row->id, '#' . $row->number ), $rows ), 1, 0 );
		$visitors = $this->browsers( array_keys( $numbers ) );
		if ( ! $visitors ) {
			return array();
		}
		$in    = implode( ',', array_fill( 0, count( $visitors ), '%s' ) );
		$group = __( 'Help center activity', 'aftercare' );
		$data  = array();
		$when  = static fn( $time ): array => array(
			'name'  => __( 'When', 'aftercare' ),
			'value' => gmdate( 'Y-m-d H:i:s', (int) $time ) . ' UTC',
		);
		$links = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->deflection->table()} WHERE visitor IN ({$in}) ORDER BY id", $visitors ) ); // phpcs:ignore WordPress.DB.PreparedSQL
		foreach ( $links as $link ) {
			$data[] = array(
				'group_id'    => 'aftercare-help',
				'group_label' => $group,
				'item_id'     => 'aftercare-help-ticket-' . $link->id,
				'data'        => array(
					array(
						'name'  => __( 'Opened a ticket from this browser', 'aftercare' ),
						'value' => $numbers[ (int) $link->ticket_id ] ?? '',
					),
					$when( $link->opened_at ),
				),
			);
		}
		$kinds = array(
			'search'  => __( 'Searched', 'aftercare' ),
			'click'   => __( 'Opened an article', 'aftercare' ),
			'suggest' => __( 'Was shown articles', 'aftercare' ),
		);
		foreach ( $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->log->table()} WHERE visitor IN ({$in}) ORDER BY id", $visitors ) ) as $event ) { // phpcs:ignore WordPress.DB.PreparedSQL
			$data[] = array(
				'group_id'    => 'aftercare-help',
				'group_label' => $group,
				'item_id'     => 'aftercare-help-event-' . $event->id,
				'data'        => array_values(
					array_filter(
						array(
							array(
								'name'  => $kinds[ $event->kind ] ?? $event->kind,
								'value' => (string) $event->query,
							),
							$event->post_id ? array(
								'name'  => __( 'Article', 'aftercare' ),
								'value' => get_the_title( (int) $event->post_id ),
							) : null,
							$when( $event->created_at ),
						)
					)
				),
			);
		}
		foreach ( $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->votes->table()} WHERE visitor IN ({$in}) ORDER BY id", $visitors ) ) as $vote ) { // phpcs:ignore WordPress.DB.PreparedSQL
			$data[] = array(
				'group_id'    => 'aftercare-help',
				'group_label' => $group,
				'item_id'     => 'aftercare-help-vote-' . $vote->id,
				'data'        => array(
					array(
						'name'  => __( 'Article', 'aftercare' ),
						'value' => get_the_title( (int) $vote->post_id ),
					),
					array(
						'name'  => __( 'Was it helpful?', 'aftercare' ),
						'value' => $vote->helpful ? __( 'Yes', 'aftercare' ) : __( 'No', 'aftercare' ),
					),
					array(
						'name'  => __( 'Comment', 'aftercare' ),
						'value' => (string) $vote->comment,
					),
					$when( $vote->created_at ),
				),
			);
		}
		return $data;
	}

	/**
	 * Deletes what the help center logged of the browsers the tickets were opened from.
	 *
	 * @param int[] $ticket_ids Tickets.
	 */
	private function forget_browsers( array $ticket_ids ): void {
		$visitors = $this->browsers( $ticket_ids );
		if ( ! $visitors ) {
			return;
		}
		$in = implode( ',', array_fill( 0, count( $visitors ), '%s' ) );
		foreach ( array( $this->log->table(), $this->votes->table(), $this->deflection->table() ) as $table ) {
			$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$table} WHERE visitor IN ({$in})", $visitors ) ); // phpcs:ignore WordPress.DB.PreparedSQL
		}
	}

	/**
	 * The visitor hashes of the browsers the tickets were opened from.
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @return string[]
	 */
	private function browsers( array $ticket_ids ): array {
		if ( ! $ticket_ids ) {
			return array();
		}
		$in = implode( ',', array_fill( 0, count( $ticket_ids ), '%d' ) );
		return $this->wpdb->get_col( $this->wpdb->prepare( "SELECT DISTINCT visitor FROM {$this->deflection->table()} WHERE ticket_id IN ({$in})", $ticket_ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL
	}

	/**
	 * Who looked up the person's orders, as recorded on them (time, shortened address, how).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function lookup_items( string $email ): array {
		$data = array();
		foreach ( $this->person_orders( $email ) as $order ) {
			foreach ( $this->orders?->lookups( $order->id, PHP_INT_MAX ) ?? array() as $index => $lookup ) {
				$data[] = array(
					'group_id'    => 'aftercare-order-lookups',
					'group_label' => __( 'Order look-ups', 'aftercare' ),
					'item_id'     => 'aftercare-lookup-' . $order->id . '-' . $index,
					'data'        => array(
						array(
							'name'  => __( 'Order number', 'aftercare' ),
							'value' => '#' . $order->number,
						),
						array(
							'name'  => __( 'When', 'aftercare' ),
							'value' => gmdate( 'Y-m-d H:i:s', $lookup['time'] ) . ' UTC',
						),
						array(
							'name'  => __( 'IP address (shortened)', 'aftercare' ),
							'value' => $lookup['ip'],
						),
						array(
							'name'  => __( 'How', 'aftercare' ),
							'value' => 'customer' === $lookup['via'] ? __( 'Signed in', 'aftercare' ) : __( 'Order number and email or postcode', 'aftercare' ),
						),
					),
				);
			}
		}
		return $data;
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
		foreach ( array_merge( $user ? $this->orders->orders_for_customer( $user->ID, '', self::ORDERS ) : array(), $this->orders->orders_for_customer( 0, $email, self::ORDERS ) ) as $order ) {
			$orders[ $order->id ] = $order;
		}
		return array_values( $orders );
	}

	/**
	 * The returns, their items and their timelines (their conversation and photos are their
	 * ticket threads, exported with the tickets).
	 *
	 * @param ReturnRequest[] $returns Returns.
	 * @return array<int, array<string, mixed>>
	 */
	private function return_items( array $returns ): array {
		$data = array();
		foreach ( $returns as $return ) {
			$fields = array(
				__( 'Return number', 'aftercare' ) => $return->public_number(),
				__( 'Order number', 'aftercare' )  => '#' . $return->order_number,
				__( 'Status', 'aftercare' )        => $return->status->label(),
				__( 'Name', 'aftercare' )          => $return->customer_name,
				__( 'Email', 'aftercare' )         => $return->customer_email,
				__( 'Items', 'aftercare' )         => implode( '; ', array_map( static fn( ReturnItem $item ): string => sprintf( '%d × %s (%s)', $item->quantity, $item->name, $item->reason_label ), $return->items ) ),
				__( 'Preferred outcome', 'aftercare' ) => $return->outcome,
				__( 'Resolution', 'aftercare' )    => $return->resolution,
				__( 'Amount', 'aftercare' )        => $return->refund_amount > 0 ? number_format_i18n( $return->refund_amount, 2 ) : '',
				__( 'Coupon code', 'aftercare' )   => $return->coupon_code,
				__( 'Requested', 'aftercare' )     => gmdate( 'Y-m-d H:i:s', $return->created_at ) . ' UTC',
			);
			$fields = array_filter( $fields, static fn( string $value ): bool => '' !== $value );
			$data[] = array(
				'group_id'    => 'aftercare-returns',
				'group_label' => __( 'Returns', 'aftercare' ),
				'item_id'     => 'aftercare-return-' . $return->id,
				'data'        => array_map(
					static fn( string $name, string $value ): array => array(
						'name'  => $name,
						'value' => $value,
					),
					array_keys( $fields ),
					array_values( $fields )
				),
			);
			array_push( $data, ...$this->history( 'return', $return->id, __( 'Return history', 'aftercare' ), __( 'Return number', 'aftercare' ), $return->public_number() ) );
		}
		return $data;
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
			$this->wpdb->update(
				$this->returns->table(),
				array(
					'customer_id'    => 0,
					'customer_name'  => __( 'Deleted customer', 'aftercare' ),
					'customer_email' => wp_privacy_anonymize_data( 'email', $email ),
				),
				array( 'id' => $return->id )
			);
			$this->detach_events( 'return', $return->id, $user );
		}
		return (bool) $returns;
	}

	/**
	 * A ticket's or return's timeline, as export items.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function history( string $object_type, int $id, string $group_label, string $number_label, string $number ): array {
		return array_map(
			static fn( array $event ): array => array(
				'group_id'    => 'ticket' === $object_type ? 'aftercare-events' : 'aftercare-return-events',
				'group_label' => $group_label,
				'item_id'     => 'aftercare-event-' . $event['id'],
				'data'        => array(
					array(
						'name'  => $number_label,
						'value' => $number,
					),
					array(
						'name'  => __( 'Change', 'aftercare' ),
						'value' => $event['type'] . ( $event['data'] ? ' ' . wp_json_encode( $event['data'] ) : '' ),
					),
					array(
						'name'  => __( 'When', 'aftercare' ),
						'value' => gmdate( 'Y-m-d H:i:s', $event['created_at'] ) . ' UTC',
					),
				),
			),
			$this->events->for_object( $object_type, $id )
		);
	}

	/**
	 * The person's own steps on a timeline stay, no longer linked to their account.
	 *
	 * @param \WP_User|false $user The person's account, if any.
	 */
	private function detach_events( string $object_type, int $id, $user ): void {
		if ( $user ) {
			$this->wpdb->update(
				$this->events->table(),
				array( 'actor_id' => 0 ),
				array(
					'object_type' => $object_type,
					'object_id'   => $id,
					'actor_id'    => $user->ID,
				)
			);
		}
	}

	private function delete_attachment( Attachment $file ): void {
		wp_delete_file( $this->attachments->path( $file ) );
		$this->wpdb->delete( $this->attachments->table(), array( 'id' => $file->id ) );
	}

	/**
	 * The person's tickets or returns: by email, and by user account when the email belongs to
	 * one. Null for something that is no email.
	 */
	private function owned_by( string $email ): ?string {
		$email = trim( $email );
		if ( ! is_email( $email ) ) {
			return null;
		}
		$user = get_user_by( 'email', $email );
		return $this->wpdb->prepare( '(customer_email = %s OR (customer_id > 0 AND customer_id = %d))', $email, $user ? $user->ID : 0 );
	}

	/**
	 * A page of the person's returns (their emails are stored lower-case).
	 *
	 * @return ReturnRequest[]
	 */
	private function return_rows( string $email, int $offset ): array {
		$where = $this->owned_by( strtolower( $email ) );
		$ids   = null === $where ? array() : $this->wpdb->get_col( $this->wpdb->prepare( "SELECT id FROM {$this->returns->table()} WHERE {$where} ORDER BY id LIMIT %d OFFSET %d", self::PAGE, $offset ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, prepared clause.
		return array_values( array_filter( array_map( fn( $id ): ?ReturnRequest => $this->returns->find( (int) $id ), $ids ) ) );
	}

	/**
	 * A page of the person's tickets.
	 *
	 * @return object[]
	 */
	private function ticket_rows( string $email, int $offset ): array {
		$where = $this->owned_by( $email );
		return null === $where ? array() : $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->tickets->table()} WHERE {$where} ORDER BY id LIMIT %d OFFSET %d", self::PAGE, $offset ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, prepared clause.
	}

	/**
	 * How many tickets ticket_rows() pages through.
	 */
	private function ticket_count( string $email ): int {
		$where = $this->owned_by( $email );
		return null === $where ? 0 : (int) $this->wpdb->get_var( "SELECT COUNT(*) FROM {$this->tickets->table()} WHERE {$where}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name, prepared clause.
	}
}
