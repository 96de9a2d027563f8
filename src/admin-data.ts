/**
 * What PHP prints for the app beside the mount node (includes/Admin/AdminScreens.php):
 * the agents tickets can be assigned to, the current user, the order a new
 * ticket is prefilled with, and the store's return reasons.
 */

export interface Agent {
	id: number;
	name: string;
}

export interface OrderPrefill {
	id: number;
	number: string;
	customer_id: number;
	customer_name: string;
	customer_email: string;
}

export interface ReturnReason {
	key: string;
	label: string;
}

export interface AdminData {
	agents: Agent[];
	currentUser: number;
	order: OrderPrefill | null;
	/** An order's edit screen, with `%d` for its id; null without WooCommerce. */
	orderEditUrl: string | null;
	/** The store's return reasons (Support settings), for the returns queue's filter. */
	returnReasons: ReturnReason[];
}

const EMPTY: AdminData = {
	agents: [],
	currentUser: 0,
	order: null,
	orderEditUrl: null,
	returnReasons: [],
};

/**
 * The data PHP printed for the app.
 *
 * @return The admin data (empty lists outside wp-admin, e.g. in tests).
 */
export function getAdminData(): AdminData {
	const data = (
		window as unknown as { aftercareAdmin?: Partial< AdminData > }
	 ).aftercareAdmin;
	return { ...EMPTY, ...data };
}

/**
 * An agent's display name.
 *
 * @param id User id.
 * @return The name, or null when the user is not an agent.
 */
export function agentName( id: number ): string | null {
	return (
		getAdminData().agents.find( ( agent ) => agent.id === id )?.name ?? null
	);
}
