<?php
/**
 * The "Support" box on WooCommerce's order screen (HPOS and legacy alike): the order's tickets and
 * returns with their status, its whole timeline as agents see it (Orders\OrderTimeline), and
 * "New ticket", which opens the new-ticket form prefilled with the order and its customer (see
 * AdminScreens::app_data()).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\OrderTimeline;
use Aftercare\Orders\TimelineList;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\TicketFilter;
use Aftercare\Tickets\TicketRepository;

final class OrderSupportBox implements Conditional {

	/** Tickets and returns listed; the timeline has them all. */
	private const LISTED = 20;

	public function __construct(
		private ?OrderSource $orders,
		private ?OrderTimeline $timeline,
		private TicketRepository $tickets,
		private ReturnRepository $returns,
		private Links $links
	) {}

	// wc_get_page_screen_id() is only there from `init` on (WooCommerce's admin loads it), long after
	// the plugin registers on plugins_loaded but before add_meta_boxes.
	public function can_register(): bool {
		return is_admin() && class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_action( 'add_meta_boxes', array( $this, 'add' ) );
	}

	public function add(): void {
		if ( ! current_user_can( 'read_aftercare_tickets' ) && ! current_user_can( 'read_aftercare_returns' ) ) {
			return;
		}
		foreach ( array_unique( array( wc_get_page_screen_id( 'shop-order' ), 'shop_order' ) ) as $screen ) {
			add_meta_box( 'aftercare-support', __( 'Support', 'aftercare' ), array( $this, 'render' ), $screen, 'side', 'high' );
		}
	}

	/**
	 * @param \WP_Post|\WC_Order|object $post_or_order The order (HPOS) or its post (legacy).
	 */
	public function render( $post_or_order ): void {
		$order_id = $post_or_order instanceof \WP_Post
			? (int) $post_or_order->ID
			: (int) ( method_exists( $post_or_order, 'get_id' ) ? $post_or_order->get_id() : 0 );
		if ( current_user_can( 'edit_aftercare_tickets' ) ) {
			printf(
				'<p><a class="button" href="%s">%s</a></p><p class="description">%s</p>',
				esc_url( self::url( $order_id ) ),
				esc_html__( 'New ticket', 'aftercare' ),
				esc_html__( 'Open a ticket about this order for its customer, e.g. after a phone call.', 'aftercare' )
			);
		}
		$order = $this->orders?->find( $order_id );
		if ( ! $order || ! $this->timeline ) {
			return;
		}

		$returns = $this->returns->query( array( 'order_id' => $order_id ), 1, self::LISTED, 'created' )['returns'];
		// A return's conversation is a ticket: it is listed as the return.
		$threads = array_map( static fn( $return ) => $return->ticket_id, $returns );
		$tickets = $this->tickets->query(
			new TicketFilter(
				order_id: $order_id,
				orderby: 'created',
				per_page: self::LISTED
			)
		)['tickets'];

		echo '<h3>' . esc_html__( 'Tickets', 'aftercare' ) . '</h3>';
		$this->items(
			array_map(
				fn( $ticket ) => array(
					/* translators: 1: ticket number, 2: subject. */
					sprintf( __( '#%1$d %2$s', 'aftercare' ), $ticket->number, $ticket->subject ),
					$ticket->status->label(),
					$this->links->agent_ticket( $ticket->id ),
				),
				array_filter( $tickets, static fn( $ticket ) => ! in_array( $ticket->id, $threads, true ) )
			),
			__( 'No tickets about this order.', 'aftercare' )
		);

		echo '<h3>' . esc_html__( 'Returns', 'aftercare' ) . '</h3>';
		$this->items(
			array_map(
				static fn( $return ) => array(
					$return->public_number(),
					$return->status->label(),
					admin_url( 'admin.php?page=aftercare-returns&return=' . $return->id ),
				),
				$returns
			),
			__( 'No returns of this order.', 'aftercare' )
		);

		echo '<h3 id="aftercare-support-history">' . esc_html__( 'History', 'aftercare' ) . '</h3>';
		// A long history scrolls inside the box; keyboard users can reach it too.
		echo '<div class="aftercare-support__history" role="region" tabindex="0" aria-labelledby="aftercare-support-history" style="max-height:24em;overflow:auto">';
		TimelineList::render( $this->timeline->events( $order, 'agent' ), 'aftercare-support__events' );
		echo '</div>';
	}

	/**
	 * @param array<int, array{0: string, 1: string, 2: string}> $items Name, status, link.
	 */
	private function items( array $items, string $empty ): void {
		if ( ! $items ) {
			echo '<p>' . esc_html( $empty ) . '</p>';
			return;
		}
		echo '<ul>';
		foreach ( $items as list( $name, $status, $url ) ) {
			echo '<li><a href="' . esc_url( $url ) . '">' . esc_html( $name ) . '</a> · ' . esc_html( $status ) . '</li>';
		}
		echo '</ul>';
	}

	/** The new-ticket form, prefilled with the order. */
	public static function url( int $order_id ): string {
		return add_query_arg(
			array(
				'page'     => 'aftercare',
				'new'      => 1,
				'order_id' => $order_id,
			),
			admin_url( 'admin.php' )
		);
	}
}
