<?php
/**
 * The items of the personal-data export (see PersonalData): the person's tickets with their own
 * messages, files and timelines, what the help center logged of their browsers, the lookups of
 * their orders, and their returns with their timelines.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Privacy;

use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\ReturnItem;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Ticket;

final class ExportItems {

	public function __construct(
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private EventLog $events,
		private SearchLog $log,
		private ArticleVotes $votes,
		private Deflection $deflection,
		private ?OrderSource $orders
	) {}

	/**
	 * The tickets, the person's own messages and files, and the tickets' timelines.
	 *
	 * @param Ticket[] $rows Tickets.
	 * @return array<int, array<string, mixed>>
	 */
	public function tickets( array $rows ): array {
		$data = array();
		foreach ( $rows as $row ) {
			$id     = $row->id;
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
						'value' => $row->subject,
					),
					array(
						'name'  => __( 'Status', 'aftercare' ),
						'value' => $row->status->value,
					),
					array(
						'name'  => __( 'Name', 'aftercare' ),
						'value' => $row->customer_name,
					),
					array(
						'name'  => __( 'Email', 'aftercare' ),
						'value' => $row->customer_email,
					),
					array(
						'name'  => __( 'Opened', 'aftercare' ),
						'value' => gmdate( 'Y-m-d H:i:s', $row->created_at ) . ' UTC',
					),
				),
			);
			$own   = $this->messages->from_customer( $id );
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
	 * What the help center logged of the browsers the tickets were opened from: the links to the
	 * tickets, searches, clicks and suggestions shown, votes and their comments.
	 *
	 * @param Ticket[] $rows Tickets.
	 * @return array<int, array<string, mixed>>
	 */
	public function help( array $rows ): array {
		$numbers  = array_column( array_map( static fn( Ticket $row ): array => array( $row->id, '#' . $row->number ), $rows ), 1, 0 );
		$visitors = $this->deflection->visitors_of_tickets( array_keys( $numbers ) );
		$group = __( 'Help center activity', 'aftercare' );
		$data  = array();
		$when  = static fn( $time ): array => array(
			'name'  => __( 'When', 'aftercare' ),
			'value' => gmdate( 'Y-m-d H:i:s', (int) $time ) . ' UTC',
		);
		foreach ( $this->deflection->of_visitors( $visitors ) as $link ) {
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
		foreach ( $this->log->of_visitors( $visitors ) as $event ) {
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
		foreach ( $this->votes->of_visitors( $visitors ) as $vote ) {
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
	 * The mails the person sent the store (the log of received mail; the words themselves are in
	 * their tickets' messages).
	 *
	 * @param object[] $rows Rows of the log.
	 * @return array<int, array<string, mixed>>
	 */
	public function received_mail( array $rows ): array {
		return array_map(
			static fn( object $row ): array => array(
				'group_id'    => 'aftercare-received-mail',
				'group_label' => __( 'Emails received from you', 'aftercare' ),
				'item_id'     => 'aftercare-received-mail-' . $row->id,
				'data'        => array(
					array(
						'name'  => __( 'Received', 'aftercare' ),
						'value' => gmdate( 'Y-m-d H:i:s', (int) $row->received_at ) . ' UTC',
					),
					array(
						'name'  => __( 'From', 'aftercare' ),
						'value' => (string) $row->sender,
					),
					array(
						'name'  => __( 'Subject', 'aftercare' ),
						'value' => (string) $row->subject,
					),
					array(
						'name'  => __( 'What became of it', 'aftercare' ),
						'value' => (string) $row->outcome,
					),
				),
			),
			$rows
		);
	}

	/**
	 * Who looked up the person's orders, as recorded on them (time, shortened address, how).
	 *
	 * @param Order[] $orders The person's orders.
	 * @return array<int, array<string, mixed>>
	 */
	public function lookups( array $orders ): array {
		$data = array();
		foreach ( $orders as $order ) {
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
	 * The returns, their items and their timelines (their conversation and photos are their
	 * ticket threads, exported with the tickets).
	 *
	 * @param ReturnRequest[] $returns Returns.
	 * @return array<int, array<string, mixed>>
	 */
	public function returns( array $returns ): array {
		$data = array();
		foreach ( $returns as $return ) {
			$fields = array(
				__( 'Return number', 'aftercare' ) => $return->public_number(),
				__( 'Order number', 'aftercare' )  => '#' . $return->order_number,
				__( 'Status', 'aftercare' )        => $return->status->label(),
				__( 'Name', 'aftercare' )          => $return->customer_name,
				__( 'Email', 'aftercare' )         => $return->customer_email,
				__( 'Items', 'aftercare' )         => implode(
					'; ',
					array_map( static fn( ReturnItem $item ): string => sprintf( '%d × %s (%s)', $item->quantity, $item->name, $item->reason_label ), $return->items )
				),
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
			array_push(
				$data,
				...$this->history( 'return', $return->id, __( 'Return history', 'aftercare' ), __( 'Return number', 'aftercare' ), $return->public_number() )
			);
		}
		return $data;
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
}
