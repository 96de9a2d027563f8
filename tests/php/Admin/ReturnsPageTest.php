<?php
/**
 * The Returns page: under the Support menu for those who may read returns, only when the store
 * has orders, mounting the `returns` screen with the queue's first page preloaded and the store's
 * return reasons for its filter.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Admin;

use Aftercare\Admin\AdminScreens;
use Aftercare\Infrastructure\Assets;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\Policy;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

final class ReturnsPageTest extends TestCase {

	private function hook(): string {
		return get_plugin_page_hookname( 'aftercare-returns', class_exists( 'WooCommerce' ) ? 'woocommerce' : 'aftercare' );
	}

	protected function tearDown(): void {
		global $submenu, $menu, $_registered_pages;
		remove_all_actions( $this->hook() );
		unset( $submenu, $menu );
		$_registered_pages = array();
		// Scripts enqueued here must not look enqueued to the next test.
		$GLOBALS['wp_scripts'] = null;
		parent::tearDown();
	}

	public function test_agents_get_the_returns_screen_with_the_first_page_preloaded(): void {
		global $submenu;
		wp_set_current_user( $this->user( 'aftercare_agent' )->ID );
		( new Settings() )->update(
			array(
				'return_reasons' => array(
					array(
						'key'    => 'size',
						'label'  => 'Does not fit',
						'photos' => false,
					),
					array(
						'key'    => 'late',
						'label'  => 'Came too late',
						'photos' => false,
					),
				),
			)
		);
		$screens = new AdminScreens( new Assets(), new Settings(), $this->createMock( OrderSource::class ), new Policy( new Settings() ) );
		$screens->add_pages();

		$parent = class_exists( 'WooCommerce' ) ? 'woocommerce' : 'aftercare';
		$this->assertContains( 'aftercare-returns', array_column( $submenu[ $parent ] ?? array(), 2 ), 'a Returns entry under the Support menu' );
		ob_start();
		do_action( $this->hook() );
		$this->assertStringContainsString( 'data-screen="returns"', (string) ob_get_clean() );

		$screens->enqueue( $this->hook() );
		$this->assertTrue( wp_script_is( 'aftercare-admin', 'enqueued' ) );
		$after = implode( "\n", (array) wp_scripts()->get_data( 'wp-api-fetch', 'after' ) );
		$this->assertStringContainsString(
			'returns?context=edit&orderby=updated&order=desc&page=1&per_page=20":{"body":[]',
			$after,
			'the queue\'s first request is preloaded'
		);

		$before = (array) wp_scripts()->get_data( 'aftercare-admin', 'before' );
		$data   = json_decode( (string) preg_replace( '/^window\.aftercareAdmin = |;$/', '', (string) end( $before ) ), true );
		$this->assertSame(
			array(
				array(
					'key'   => 'size',
					'label' => 'Does not fit',
				),
				array(
					'key'   => 'late',
					'label' => 'Came too late',
				),
			),
			$data['returnReasons']
		);
	}

	public function test_no_returns_page_without_orders_or_without_the_capability(): void {
		wp_set_current_user( $this->user( 'administrator' )->ID );
		( new AdminScreens( new Assets(), new Settings() ) )->add_pages();
		$this->assertFalse( has_action( $this->hook() ), 'no order source, no returns' );

		wp_set_current_user( $this->user( 'subscriber' )->ID );
		( new AdminScreens( new Assets(), new Settings(), $this->createMock( OrderSource::class ) ) )->add_pages();
		$this->assertFalse( has_action( $this->hook() ), 'subscribers cannot read returns' );
	}
}
