<?php
/**
 * A "Tracking (Aftercare)" box on WooCommerce's order screen, HPOS and legacy alike: agents record
 * carrier and tracking number in Aftercare's own field (saved through the order port), and see who
 * looked the order up from the storefront.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

use Aftercare\Infrastructure\Conditional;

final class TrackingMetaBox implements Conditional {

	private const NONCE = 'aftercare_tracking_nonce';

	public function __construct( private ?OrderSource $orders, private Carriers $carriers ) {}

	// wc_get_page_screen_id() is only there from `init` on (WooCommerce's admin loads it), long after
	// the plugin registers on plugins_loaded but before add_meta_boxes.
	public function can_register(): bool {
		return null !== $this->orders && class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_action( 'add_meta_boxes', array( $this, 'add' ) );
		// Fires on saving an order on either screen (HPOS and legacy posts).
		add_action( 'woocommerce_process_shop_order_meta', array( $this, 'save' ) );
	}

	public function add(): void {
		foreach ( array_unique( array( wc_get_page_screen_id( 'shop-order' ), 'shop_order' ) ) as $screen ) {
			add_meta_box( 'aftercare-tracking', __( 'Tracking (Aftercare)', 'aftercare' ), array( $this, 'render' ), $screen, 'side', 'default' );
		}
	}

	/**
	 * @param \WP_Post|\WC_Order|object $post_or_order The order (HPOS) or its post (legacy).
	 */
	public function render( $post_or_order ): void {
		$order_id = $post_or_order instanceof \WP_Post
			? (int) $post_or_order->ID
			: (int) ( method_exists( $post_or_order, 'get_id' ) ? $post_or_order->get_id() : 0 );
		$rows     = $this->orders?->own_tracking( $order_id ) ?? array();
		$rows[]   = new Tracking( '', '', '' );
		wp_nonce_field( 'aftercare_tracking_' . $order_id, self::NONCE );
		echo '<p class="description">' . esc_html__( 'Shoppers see these numbers, with links to the carrier, when they look the order up.', 'aftercare' ) . '</p>';
		foreach ( $rows as $i => $row ) {
			$slug = $this->carriers->slug( $row->carrier );
			echo '<p><label for="aftercare-carrier-' . (int) $i . '">' . esc_html__( 'Carrier', 'aftercare' ) . '</label><br />';
			echo '<select id="aftercare-carrier-' . (int) $i . '" name="aftercare_tracking[' . (int) $i . '][carrier]" class="widefat">';
			echo '<option value="">' . esc_html__( 'Other / unknown', 'aftercare' ) . '</option>';
			foreach ( $this->carriers->all() as $key => $carrier ) {
				echo '<option value="'
					. esc_attr( (string) $key )
					. '"'
					. selected( $slug, (string) $key, false )
					. '>'
					. esc_html( (string) $carrier['name'] )
					. '</option>';
			}
			echo '</select></p>';
			echo '<p><label for="aftercare-number-' . (int) $i . '">' . esc_html__( 'Tracking number', 'aftercare' ) . '</label><br />';
			echo '<input type="text" id="aftercare-number-'
				. (int) $i
				. '" name="aftercare_tracking['
				. (int) $i
				. '][number]" class="widefat" value="'
				. esc_attr( $row->number )
				. '" /></p>';
		}
		$lookups = $this->orders?->lookups( $order_id, 5 ) ?? array();
		if ( $lookups ) {
			echo '<p><strong>' . esc_html__( 'Looked up from the storefront', 'aftercare' ) . '</strong></p><ul>';
			foreach ( $lookups as $lookup ) {
				echo '<li>' . esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $lookup['time'] ) . ' — ' . $lookup['ip'] ) . '</li>';
			}
			echo '</ul>';
		}
	}

	public function save( int $order_id ): void {
		if (
			! isset( $_POST[ self::NONCE ] )
			|| ! wp_verify_nonce( sanitize_text_field( wp_unslash( $_POST[ self::NONCE ] ) ), 'aftercare_tracking_' . $order_id )
			|| ! current_user_can( 'edit_shop_orders' )
		) {
			return;
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each field is sanitized below.
		$posted   = isset( $_POST['aftercare_tracking'] ) && is_array( $_POST['aftercare_tracking'] ) ? wp_unslash( $_POST['aftercare_tracking'] ) : array();
		$existing = array();
		foreach ( $this->orders?->own_tracking( $order_id ) ?? array() as $tracking ) {
			$existing[ $tracking->number ] = $tracking->shipped;
		}
		$tracking = array();
		foreach ( array_slice( $posted, 0, 20 ) as $row ) {
			$number = is_array( $row ) && is_string( $row['number'] ?? null ) ? substr( sanitize_text_field( $row['number'] ), 0, 60 ) : '';
			if ( '' !== $number ) {
				$carrier    = is_string( $row['carrier'] ?? null ) ? sanitize_key( $row['carrier'] ) : '';
				$tracking[] = new Tracking( $carrier, $number, '', $existing[ $number ] ?? time() );
			}
		}
		$this->orders?->save_tracking( $order_id, $tracking );
	}
}
