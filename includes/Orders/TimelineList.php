<?php
/**
 * An order's timeline as HTML, where the server draws it: WooCommerce's order screen (agents)
 * and My Account's order page (the buyer). Events come from OrderTimeline, already cut to what
 * the reader may see.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders;

final class TimelineList {

	/**
	 * @param array<int, array<string, string>> $events From OrderTimeline::events().
	 */
	public static function render( array $events, string $class ): void {
		if ( ! $events ) {
			echo '<p>' . esc_html__( 'Nothing has happened yet.', 'aftercare' ) . '</p>';
			return;
		}
		echo '<ol class="' . esc_attr( $class ) . '">';
		foreach ( $events as $event ) {
			echo '<li data-type="' . esc_attr( $event['type'] ) . '" data-source="' . esc_attr( $event['source'] ) . '">';
			echo '<time datetime="' . esc_attr( $event['time'] ) . '">' . esc_html( $event['date'] ) . '</time> ';
			echo '' !== $event['url']
				? '<a href="' . esc_url( $event['url'] ) . '"><strong>' . esc_html( $event['label'] ) . '</strong></a>'
				: '<strong>' . esc_html( $event['label'] ) . '</strong>';
			if ( '' !== $event['detail'] ) {
				echo ' <span class="' . esc_attr( $class ) . '-detail">' . esc_html( $event['detail'] ) . '</span>';
			}
			if ( '' !== $event['actor'] ) {
				/* translators: %s: who did it. */
				echo ' <span class="' . esc_attr( $class ) . '-actor">' . esc_html( sprintf( __( '(by %s)', 'aftercare' ), $event['actor'] ) ) . '</span>';
			}
			echo '</li>';
		}
		echo '</ol>';
	}
}
