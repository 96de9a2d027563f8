<?php
/**
 * Who may see a return: agents, the customer it belongs to, and a guest holding the link of
 * its thread (the ticket token the return was filed with).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Returns\Storefront\ReturnsBlock;
use Aftercare\Returns\Storefront\ReturnsEndpoint;
use Aftercare\Settings\Settings;
use Aftercare\Storefront\BlockPage;

final class ReturnAccess implements Registrable {

	public function __construct( private ReturnRepository $returns, private AccessTokens $tokens, private Settings $settings ) {}

	public function register(): void {
		add_filter( 'map_meta_cap', array( $this, 'map_meta_cap' ), 10, 4 );
	}

	/**
	 * `read_aftercare_return` for one return: its customer, else agents. A missing return needs
	 * the agent capability, so agents learn it is gone and nobody else does.
	 *
	 * @param string[]     $caps    Primitive capabilities required.
	 * @param string       $cap     Capability checked.
	 * @param int          $user_id User.
	 * @param array<mixed> $args    [ return id ].
	 * @return string[]
	 */
	public function map_meta_cap( $caps, $cap, $user_id, $args ): array {
		if ( 'read_aftercare_return' !== $cap ) {
			return (array) $caps;
		}
		$return = $this->returns->find( (int) ( $args[0] ?? 0 ) );
		if ( $return && $user_id && $return->customer_id === (int) $user_id ) {
			return array( 'read' );
		}
		return array( 'read_aftercare_returns' );
	}

	/**
	 * Whether the current visitor may read (or, with $reply, write on) the return: by capability,
	 * or as a guest with a valid token. A message that carries a token is the token holder's
	 * (TicketAccess::author()), so only the token counts for it.
	 */
	public function allows( int $return_id, string $token, bool $reply = false ): bool {
		if ( ! ( $reply && '' !== $token ) && current_user_can( 'read_aftercare_return', $return_id ) ) {
			return true;
		}
		$return = '' !== $token ? $this->returns->find( $return_id ) : null;
		return $return && $return->ticket_id && $this->tokens->verify( 'ticket', $return->ticket_id, $token );
	}

	/**
	 * Where the shopper follows the return: a guest through the signed link ($token), a customer
	 * in My Account → Returns (WooCommerce), else on the portal page once signed in.
	 */
	public function for_customer( ReturnRequest $return, string $token ): string {
		if ( $return->customer_id <= 0 ) {
			return $this->url( $return, $token );
		}
		if ( function_exists( 'wc_get_endpoint_url' ) && function_exists( 'wc_get_page_permalink' ) ) {
			return wc_get_endpoint_url( ReturnsEndpoint::ENDPOINT, (string) $return->id, wc_get_page_permalink( 'myaccount' ) );
		}
		return add_query_arg( 'aftercare_return', $return->id, $this->portal() );
	}

	/**
	 * The guest's link to the return's status page.
	 */
	public function url( ReturnRequest $return, string $token ): string {
		$url = add_query_arg(
			array(
				'aftercare_return' => $return->id,
				'aftercare_token'  => $token,
			),
			$this->portal()
		);
		/**
		 * Filters a guest's link to a return's status page.
		 *
		 * @param string        $url    The link.
		 * @param ReturnRequest $return The return.
		 * @param string        $token  The raw access token.
		 */
		return (string) apply_filters( 'aftercare_return_access_url', $url, $return, $token );
	}

	/**
	 * The page that shows returns: the portal page; without one, the first published page with
	 * the returns block (only the block shows a return); without any, the home page.
	 */
	private function portal(): string {
		$page = BlockPage::url( (int) $this->settings->get( 'return_portal_page' ), ReturnsBlock::NAME );
		return '' !== $page ? $page : home_url( '/' );
	}
}
