<?php
/**
 * Where a person reads a ticket: a guest through the signed link on the contact page, a
 * signed-in customer in My Account (or on the contact page without WooCommerce), an agent in
 * wp-admin. One place builds these URLs for pages, mails and REST responses.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Settings\Settings;
use Aftercare\Storefront\BlockPage;
use Aftercare\Tickets\Storefront\ContactBlock;

final class Links {

	public const TICKET_ARG = 'aftercare_ticket';
	public const TOKEN_ARG  = 'aftercare_token';

	/** The My Account endpoint (WooCommerce). */
	public const ACCOUNT_ENDPOINT = 'support';

	public function __construct( private Settings $settings ) {}

	/**
	 * The page with the contact block, or '' when the store has not chosen one.
	 */
	public function contact_page(): string {
		$page = (int) $this->settings->get( 'contact_page' );
		$url  = $page > 0 && 'publish' === get_post_status( $page ) ? get_permalink( $page ) : false;
		return $url ? $url : '';
	}

	/**
	 * The guest's signed link to their thread: on $page when given (the page they are on), else
	 * wherever guests can read it (guest_page()). Filter `aftercare_ticket_access_url` to send
	 * guests elsewhere.
	 */
	public function guest_thread( int $ticket_id, string $token, string $page = '' ): string {
		$url = add_query_arg(
			array(
				self::TICKET_ARG => $ticket_id,
				self::TOKEN_ARG  => rawurlencode( $token ),
			),
			'' !== $page ? $page : $this->guest_page()
		);
		/**
		 * Filters a guest's signed link to a ticket's thread.
		 *
		 * @param string $url       The link.
		 * @param int    $ticket_id Ticket id.
		 * @param string $token     The raw access token.
		 */
		return (string) apply_filters( 'aftercare_ticket_access_url', $url, $ticket_id, $token );
	}

	/**
	 * Where a guest's link leads, so that it always works: the contact page; without one, the
	 * first published page that has the contact block (only the block shows threads); without
	 * any, the home page.
	 */
	private function guest_page(): string {
		$page = BlockPage::url( (int) $this->settings->get( 'contact_page' ), ContactBlock::NAME );
		return '' !== $page ? $page : home_url( '/' );
	}

	/**
	 * A signed-in customer's view of their ticket.
	 */
	public function customer_thread( int $ticket_id ): string {
		if ( function_exists( 'wc_get_account_endpoint_url' ) ) {
			return wc_get_endpoint_url( self::ACCOUNT_ENDPOINT, (string) $ticket_id, wc_get_page_permalink( 'myaccount' ) );
		}
		$page = $this->contact_page();
		return '' === $page ? '' : add_query_arg( self::TICKET_ARG, $ticket_id, $page );
	}

	/**
	 * Where the person who asked reads the ticket; $token is needed for guests.
	 */
	public function for_customer( Ticket $ticket, string $token = '' ): string {
		return $ticket->customer_id > 0 ? $this->customer_thread( $ticket->id ) : $this->guest_thread( $ticket->id, $token );
	}

	/**
	 * The ticket screen in wp-admin.
	 */
	public function agent_ticket( int $ticket_id ): string {
		/**
		 * Filters the wp-admin address of a ticket.
		 *
		 * @param string $url       Address.
		 * @param int    $ticket_id Ticket id.
		 */
		return (string) apply_filters( 'aftercare_agent_ticket_url', admin_url( 'admin.php?page=aftercare&ticket=' . $ticket_id ), $ticket_id );
	}
}
