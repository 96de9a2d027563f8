<?php
/**
 * Who gets which Aftercare capability.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\Capabilities;
use Aftercare\Tests\TestCase;

final class CapabilitiesTest extends TestCase {

	public function test_agents_work_the_queue_but_do_not_manage_the_desk(): void {
		$agent = $this->user( Capabilities::AGENT_ROLE );
		$this->assertTrue( user_can( $agent, 'read_aftercare_tickets' ) );
		$this->assertTrue( user_can( $agent, 'edit_aftercare_returns' ) );
		$this->assertFalse( user_can( $agent, 'manage_aftercare' ) );
		$this->assertFalse( user_can( $agent, 'delete_aftercare_tickets' ) );
		$this->assertFalse( user_can( $agent, 'edit_posts' ), 'the agent role grants nothing beyond support' );
	}

	public function test_administrators_supervise(): void {
		$admin = $this->user( 'administrator' );
		foreach ( Capabilities::SUPERVISOR as $cap ) {
			$this->assertTrue( user_can( $admin, $cap ), $cap );
		}
	}

	public function test_customers_and_editors_get_nothing(): void {
		foreach ( array( 'subscriber', 'editor' ) as $role ) {
			$user = $this->user( $role );
			foreach ( Capabilities::SUPERVISOR as $cap ) {
				$this->assertFalse( user_can( $user, $cap ), "{$role} {$cap}" );
			}
		}
	}

	public function test_a_shop_manager_role_created_later_is_granted_on_woocommerce_install(): void {
		add_role( 'shop_manager', 'Shop manager', array( 'read' => true ) );
		do_action( 'woocommerce_installed' );

		$this->assertTrue( get_role( 'shop_manager' )->has_cap( 'manage_aftercare' ) );
	}
}
