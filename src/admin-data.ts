/**
 * What PHP prints for the app beside the mount node (includes/Admin/AdminScreens.php):
 * the agents tickets can be assigned to, the current user, the order a new
 * ticket is prefilled with, the store's return reasons, the file types attachments may have,
 * the store's time zone and calendar day, whether WooCommerce is active and whether the user
 * manages Aftercare.
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
	/** The file input's `accept` for attachments: the types the store allows. */
	attachmentAccept: string;
	/** The store's time zone (WordPress settings), which business hours are in. */
	timezone: { name: string; settingsUrl: string };
	/** Whether WooCommerce is active (its product search is there). */
	wooCommerce: boolean;
	/** The store's calendar day (`YYYY-MM-DD`, its time zone), where report periods end. */
	today: string;
	/** Whether the user may manage Aftercare (e.g. rebuild the report figures). */
	canManage: boolean;
}

const EMPTY: AdminData = {
	agents: [],
	currentUser: 0,
	order: null,
	orderEditUrl: null,
	returnReasons: [],
	attachmentAccept: '',
	timezone: {
		name: 'UTC',
		settingsUrl: 'options-general.php#timezone_string',
	},
	wooCommerce: false,
	today: new Date().toISOString().slice( 0, 10 ),
	canManage: false,
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
