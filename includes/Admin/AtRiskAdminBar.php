<?php
/**
 * The admin bar's count of tickets at risk or breached, for agents, on every page where the bar
 * shows (wp-admin and the storefront); it links to the queue's at-risk view. The count is the kept
 * one (AtRiskCount): no query on a page load while it is fresh.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Tickets\AtRiskCount;

final class AtRiskAdminBar implements Registrable {

	public function __construct( private AtRiskCount $count ) {}

	public function register(): void {
		add_action( 'admin_bar_menu', array( $this, 'add_node' ), 80 );
	}

	public function add_node( \WP_Admin_Bar $bar ): void {
		if ( ! current_user_can( 'read_aftercare_tickets' ) ) {
			return;
		}
		$count = $this->count->get();
		if ( $count < 1 ) {
			return;
		}
		/* translators: %d: number of tickets at risk or breached. */
		$label = sprintf( _n( '%d ticket at risk or overdue', '%d tickets at risk or overdue', $count, 'aftercare' ), $count );
		$bar->add_node(
			array(
				'id'    => 'aftercare-at-risk',
				'title' => '<span class="ab-icon dashicons dashicons-clock" aria-hidden="true"></span><span class="ab-label" aria-hidden="true">'
					. esc_html( number_format_i18n( $count ) )
					. '</span><span class="screen-reader-text">' . esc_html( $label ) . '</span>',
				'href'  => admin_url( 'admin.php?page=aftercare&view=at_risk' ),
				'meta'  => array( 'title' => $label ),
			)
		);
	}
}
