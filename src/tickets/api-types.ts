/**
 * Names for the generated REST types as the admin app uses them, and the shapes
 * of requests (queue queries, changes, new tickets) that have no schema.
 */

import type {
	AftercareEvent,
	AftercareTicketContext,
	AftercareTicketCounts,
	AftercareTicketPresence,
} from '../api/types';

export type TicketCounts = AftercareTicketCounts;
export type QueueView = keyof TicketCounts;
export type TicketEvent = AftercareEvent;
export type TicketContext = AftercareTicketContext;
export type PresenceEntry = AftercareTicketPresence[ 'others' ][ number ];
export type PresenceState = PresenceEntry[ 'state' ];

/**
 * Filters, search, sort and page of a queue request; every key is optional.
 */
export interface QueueQuery {
	view?: QueueView;
	status?: string[];
	priority?: string[];
	channel?: string[];
	assignee?: string;
	tag?: string;
	has_order?: boolean;
	search?: string;
	orderby?: 'due' | 'updated' | 'priority';
	order?: 'asc' | 'desc';
	per_page?: number;
	cursor?: string;
}

export interface TicketPage< T > {
	items: T[];
	total: number;
	nextCursor: string | null;
}

/**
 * Changes an agent makes to one ticket or a batch.
 */
export interface TicketChanges {
	status?: string;
	priority?: string;
	assignee_id?: number | null;
	tags?: string[];
}

/**
 * A ticket an agent opens on a customer's behalf.
 */
export interface NewTicketInput {
	subject: string;
	message: string;
	channel: 'phone' | 'email' | 'admin';
	customer_email: string;
	customer_name?: string;
	customer_id?: number;
	order_id?: number;
	priority?: string;
	idempotency_key: string;
}
