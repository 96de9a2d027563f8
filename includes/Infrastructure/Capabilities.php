<?php
/**
 * Aftercare's capabilities and the "Support agent" role.
 *
 * Agents work tickets and returns; supervisors (administrators and shop managers) also manage
 * settings. Per-object meta capabilities are resolved in `map_meta_cap` by the domains that own
 * the objects.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

final class Capabilities implements Registrable {

	/** Raise whenever the lists below change, so every site syncs its roles again. */
	public const VERSION = 1;

	public const AGENT_ROLE = 'aftercare_agent';

	public const AGENT = array(
		'read_aftercare_tickets',
		'edit_aftercare_tickets',
		'read_aftercare_returns',
		'edit_aftercare_returns',
	);

	public const SUPERVISOR = array(
		'read_aftercare_tickets',
		'edit_aftercare_tickets',
		'delete_aftercare_tickets',
		'read_aftercare_returns',
		'edit_aftercare_returns',
		'view_aftercare_reports',
		'manage_aftercare',
	);

	/** Roles that get the supervisor capabilities when they exist. */
	private const SUPERVISOR_ROLES = array( 'administrator', 'shop_manager' );

	public function register(): void {
		// WooCommerce creates the shop manager role when it is installed, possibly after Aftercare.
		add_action( 'woocommerce_installed', array( $this, 'sync' ) );
		// WooCommerce sends users who cannot edit posts or manage the store from wp-admin to My
		// Account; agents work in wp-admin.
		add_filter( 'woocommerce_prevent_admin_access', array( $this, 'admit_agents' ) );
	}

	/**
	 * @param bool $prevent Whether WooCommerce keeps the current user out of wp-admin.
	 */
	public function admit_agents( $prevent ): bool {
		return (bool) $prevent && ! current_user_can( 'edit_aftercare_tickets' );
	}

	/**
	 * Creates the agent role and grants the capabilities; safe to run any number of times.
	 */
	public function sync(): void {
		$agent = get_role( self::AGENT_ROLE ) ?? add_role( self::AGENT_ROLE, _x( 'Support agent', 'user role', 'aftercare' ), array( 'read' => true ) );
		foreach ( self::AGENT as $cap ) {
			$agent?->add_cap( $cap );
		}
		foreach ( self::SUPERVISOR_ROLES as $name ) {
			$role = get_role( $name );
			foreach ( $role ? self::SUPERVISOR : array() as $cap ) {
				$role->add_cap( $cap );
			}
		}
	}

	/**
	 * Takes every Aftercare capability away from every role and deletes the agent role.
	 */
	public function remove(): void {
		remove_role( self::AGENT_ROLE );
		foreach ( wp_roles()->role_objects as $role ) {
			foreach ( self::SUPERVISOR as $cap ) {
				$role->remove_cap( $cap );
			}
		}
	}
}
