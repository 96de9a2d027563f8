<?php
/**
 * WooCommerce My Account → Returns: the endpoint and menu item, each customer's own returns only
 * (A vs B), one return's page with status, items, timeline and replies (never a note), the
 * portal link, and replies that need the owner's nonce.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Storefront;

use Aftercare\Orders\Order;
use Aftercare\Plugin;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\Storefront\ReturnStatusPage;
use Aftercare\Returns\Storefront\ReturnsEndpoint;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Returns\ReturnsTestCase;
use Aftercare\Tickets\Storefront\CustomerThreads;

/**
 * @group woocommerce
 */
final class ReturnsEndpointTest extends ReturnsTestCase {

	private ReturnsEndpoint $endpoint;

	private \WP_User $ada;

	private \WP_User $bob;

	private string $redirected = '';

	protected function setUp(): void {
		parent::setUp();
		$settings       = new Settings();
		$this->endpoint = new ReturnsEndpoint( new ReturnStatusPage( $this->returns, new CustomerThreads( $settings ) ), $settings );
		$this->ada      = $this->user( 'customer' );
		$this->bob      = $this->user( 'customer' );
	}

	protected function tearDown(): void {
		global $wp;
		unset( $wp->query_vars[ ReturnsEndpoint::ENDPOINT ] );
		set_query_var( ReturnsEndpoint::ENDPOINT, '' );
		$_POST = array();
		unset( $_SERVER['REQUEST_METHOD'] );
		parent::tearDown();
	}

	private function content( \WP_User $user, string $value = '' ): string {
		wp_set_current_user( $user->ID );
		ob_start();
		$this->endpoint->content( $value );
		return (string) ob_get_clean();
	}

	/**
	 * A return of one Linen shirt from an order of the customer's.
	 */
	private function customer_return( \WP_User $user, string $reason = 'size' ): ReturnRequest {
		$order = $this->order(
			array(
				'customer_id' => $user->ID,
				'email'       => $user->user_email,
			)
		);
		$this->assertInstanceOf( Order::class, $order );
		return $this->returns->create( $order, $this->input( $order, array( array( 0, 1, $reason ) ) ), $user->ID )['return'];
	}

	public function test_the_endpoint_and_menu_item_are_registered(): void {
		$this->assertArrayHasKey( ReturnsEndpoint::ENDPOINT, WC()->query->get_query_vars() );
		$items = $this->endpoint->menu_items(
			array(
				'dashboard'       => 'Dashboard',
				'orders'          => 'Orders',
				'support'         => 'Support',
				'customer-logout' => 'Log out',
			)
		);
		$this->assertSame( array( 'dashboard', 'orders', 'returns', 'support', 'customer-logout' ), array_keys( $items ) );
		$this->assertSame(
			array( 'dashboard', 'returns', 'customer-logout' ),
			array_keys( $this->endpoint->menu_items( array( 'dashboard' => 'Dashboard', 'customer-logout' => 'Log out' ) ) )
		);
	}

	public function test_each_customer_lists_only_their_own_returns_with_the_portal_link(): void {
		$page = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Returns',
			)
		);
		( new Settings() )->update( array( 'return_portal_page' => $page ) );
		$adas = $this->customer_return( $this->ada );
		$bobs = $this->customer_return( $this->bob );

		$list = $this->content( $this->ada );
		$this->assertStringContainsString( $adas->public_number(), $list );
		$this->assertStringNotContainsString( $bobs->public_number(), $list );
		$this->assertStringContainsString( 'Requested', $list );
		$this->assertStringContainsString( 'Request a return', $list );
		$this->assertStringContainsString( (string) get_permalink( $page ), $list );

		$list = $this->content( $this->bob );
		$this->assertStringContainsString( $bobs->public_number(), $list );
		$this->assertStringNotContainsString( $adas->public_number(), $list );

		$this->assertStringContainsString( 'You have not requested any returns.', $this->content( $this->user( 'customer' ) ) );
	}

	public function test_a_return_page_shows_status_items_timeline_and_replies_to_its_owner_only(): void {
		$return = $this->customer_return( $this->ada );
		$agent  = $this->user( 'aftercare_agent' );
		$this->returns->move( $return->id, 'approved', $agent->ID, 'Approved: send it back with the label.' );
		Plugin::instance()->tickets->reply( $return->ticket_id, 'note', 'Secret note', $agent->ID );

		$page = $this->content( $this->ada, (string) $return->id );
		$this->assertStringContainsString( 'Return ' . $return->public_number(), $page );
		$this->assertStringContainsString( 'Approved', $page );
		$this->assertStringContainsString( '1 × Linen shirt — Does not fit', $page );
		$this->assertStringContainsString( 'Return requested', $page );
		$this->assertStringContainsString( 'Approved: send it back with the label.', $page );
		$this->assertStringNotContainsString( 'Secret note', $page );
		$this->assertStringContainsString( 'name="' . ReturnStatusPage::REPLY_MARKER . '"', $page );

		$other = $this->content( $this->bob, (string) $return->id );
		$this->assertStringContainsString( 'We could not find that return.', $other );
		$this->assertStringNotContainsString( 'Linen shirt', $other );
		$this->assertStringNotContainsString( $return->public_number(), $other );
	}

	public function test_the_owner_replies_with_a_nonce_and_nobody_else_can(): void {
		$return = $this->customer_return( $this->ada );
		global $wp;
		$wp->query_vars[ ReturnsEndpoint::ENDPOINT ] = (string) $return->id;
		set_query_var( ReturnsEndpoint::ENDPOINT, (string) $return->id );
		add_filter( 'aftercare_contact_exit_after_redirect', '__return_false' );
		$catch = function ( string $location ): bool {
			$this->redirected = $location;
			return false;
		};
		add_filter( 'wp_redirect', $catch );
		$_SERVER['REQUEST_METHOD'] = 'POST';
		$before                    = $this->rows();
		try {
			wp_set_current_user( $this->bob->ID );
			$_POST = array(
				ReturnStatusPage::REPLY_MARKER => '1',
				'_aftercare_nonce'             => wp_create_nonce( 'aftercare_account_return' ),
				'message'                      => 'Bob sneaks in',
			);
			$this->endpoint->before_page();
			$this->assertSame( '', $this->redirected, 'customer B may not reply on A\'s return' );

			wp_set_current_user( $this->ada->ID );
			$_POST['_aftercare_nonce'] = 'forged';
			$_POST['message']          = 'Forged';
			$this->endpoint->before_page();
			$this->assertSame( '', $this->redirected, 'no nonce, no reply' );
			$this->assertSame( $before, $this->rows() );

			$_POST['_aftercare_nonce'] = wp_create_nonce( 'aftercare_account_return' );
			$_POST['message']          = 'Posted it today.';
			$this->endpoint->before_page();
			$this->assertStringContainsString( 'aftercare_done=replied', $this->redirected );
		} finally {
			remove_filter( 'aftercare_contact_exit_after_redirect', '__return_false' );
			remove_filter( 'wp_redirect', $catch );
		}
		$this->assertSame( $before['messages'] + 1, $this->rows()['messages'] );
		$this->assertStringContainsString( 'Posted it today.', $this->content( $this->ada, (string) $return->id ) );
	}
}
