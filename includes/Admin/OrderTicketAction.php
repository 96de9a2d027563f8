<?php
/**
 * "New ticket" on WooCommerce's order screen (HPOS and legacy alike): a box with a link that opens
 * the new-ticket form prefilled with the order and its customer (see AdminScreens::app_data()).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Conditional;

final class OrderTicketAction implements Conditional {

	// wc_get_page_screen_id() is only there from `init` on (WooCommerce's admin loads it), long after
	// the plugin registers on plugins_loaded but before add_meta_boxes.
	public function can_register(): bool {
		return is_admin() && class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_action( 'add_meta_boxes', array( $this, 'add' ) );
	}

	public function add(): void {
		if ( ! current_user_can( 'edit_aftercare_tickets' ) ) {
			return;
		}
		foreach ( array_unique( array( wc_get_page_screen_id( 'shop-order' ), 'shop_order' ) ) as $screen ) {
			add_meta_box( 'aftercare-new-ticket', __( 'Support', 'aftercare' ), array( $this, 'render' ), $screen, 'side', 'high' );
		}
	}

	/**
	 * @param \WP_Post|\WC_Order|object $post_or_order The order (HPOS) or its post (legacy).
	 */
	public function render( $post_or_order ): void {
		$order_id = $post_or_order instanceof \WP_Post
			? (int) $post_or_order->ID
			: (int) ( method_exists( $post_or_order, 'get_id' ) ? $post_or_order->get_id() : 0 );
		printf(
			'<p><a class="button" href="%s">%s</a></p><p class="description">%s</p>',
			esc_url( self::url( $order_id ) ),
			esc_html__( 'New ticket', 'aftercare' ),
			esc_html__( 'Open a ticket about this order for its customer, e.g. after a phone call.', 'aftercare' )
		);
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
