<?php
/**
 * The Received mail page: under the Support menu for supervisors only, mounting the
 * `received-mail` screen with the log's first page and the mail status preloaded, and a count
 * bubble on its menu entry while mail needs attention.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Admin;

use Aftercare\Admin\AdminScreens;
use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Settings\Settings;
use Aftercare\Tests\Mail\MailTestCase;

final class ReceivedMailPageTest extends MailTestCase {

	private function parent(): string {
		return class_exists( 'WooCommerce' ) ? 'woocommerce' : 'aftercare';
	}

	private function hook(): string {
		return get_plugin_page_hookname( 'aftercare-received-mail', $this->parent() );
	}

	protected function tearDown(): void {
		remove_all_actions( $this->hook() );
		// The globals themselves (unset() on a `global` only drops the local name).
		$GLOBALS['submenu']           = array();
		$GLOBALS['menu']              = array();
		$GLOBALS['_registered_pages'] = array();
		$GLOBALS['wp_scripts']        = null;
		parent::tearDown();
	}

	/**
	 * The Received mail entry of the Support menu, or null.
	 *
	 * @return array<int, string>|null
	 */
	private function entry(): ?array {
		global $submenu;
		foreach ( $submenu[ $this->parent() ] ?? array() as $item ) {
			if ( 'aftercare-received-mail' === $item[2] ) {
				return $item;
			}
		}
		return null;
	}

	private function screens(): AdminScreens {
		return new AdminScreens( new Assets(), new Settings(), null, null, new ReceivedMailRepository( $GLOBALS['wpdb'], new SystemClock() ) );
	}

	public function test_supervisors_get_the_log_with_its_first_page_preloaded_and_a_count_while_mail_needs_attention(): void {
		wp_set_current_user( $this->user( 'administrator' )->ID );
		$screens = $this->screens();
		$screens->add_pages();
		$this->assertSame( 'Received mail', $this->entry()[0] ?? null, 'no bubble while nothing needs attention' );

		ob_start();
		do_action( $this->hook() );
		$this->assertStringContainsString( 'data-screen="received-mail"', (string) ob_get_clean() );
		$screens->enqueue( $this->hook() );
		$after = implode( "\n", (array) wp_scripts()->get_data( 'wp-api-fetch', 'after' ) );
		$this->assertStringContainsString( 'mail\/received?page=1&per_page=20":{"body":[]', $after, 'the log\'s first request is preloaded' );
		$this->assertStringContainsString( 'mail\/status":{"body":{', $after );

		// Two mails that cannot be read.
		$this->assertSame( 202, $this->post( "this is not a mail\r\n" )->get_status() );
		$this->assertSame( 202, $this->post( "neither is this one\r\n" )->get_status() );
		$GLOBALS['submenu'] = array();
		$this->screens()->add_pages();
		$title = (string) ( $this->entry()[0] ?? '' );
		$this->assertStringStartsWith( 'Received mail <span class="awaiting-mod count-2">', $title );
		$this->assertStringContainsString( '2 need attention', $title );
	}

	public function test_agents_get_no_received_mail_page(): void {
		$GLOBALS['submenu'] = array();
		$this->post( "this is not a mail\r\n" );
		wp_set_current_user( $this->user( 'aftercare_agent' )->ID );
		$this->screens()->add_pages();
		$this->assertNull( $this->entry() );
		$this->assertFalse( has_action( $this->hook() ) );
	}
}
