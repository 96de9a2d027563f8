/**
 * Names for the generated REST types (responses and requests) as the admin app
 * uses them.
 */

import type {
	AftercareEvent,
	AftercareOrderAction,
	AftercareOrderActionOptions,
	AftercareTicketContext,
	AftercareTicketCounts,
	AftercareTicketPresence,
	AftercareTicketsCreate,
	AftercareTicketsOrderActionsCreate,
	AftercareTicketsQuery,
	AftercareTicketsUpdate,
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
export type QueueQuery = AftercareTicketsQuery;

export interface TicketPage< T > {
	items: T[];
	total: number;
	nextCursor: string | null;
}

/**
 * Changes an agent makes to one ticket or a batch.
 */
export type TicketChanges = AftercareTicketsUpdate;

/**
 * A ticket an agent opens on a customer's behalf: always for an email address,
 * and keyed so that a retry opens no second ticket.
 */
export type NewTicketInput = AftercareTicketsCreate &
	Required<
		Pick< AftercareTicketsCreate, 'customer_email' | 'idempotency_key' >
	>;

/** What an agent may do to one of the ticket customer's orders (limits, what is refundable). */
export type OrderActionOptions = AftercareOrderActionOptions;

/** One order action from a reply: the order, the action and its fields, the reply. */
export type OrderActionInput = AftercareTicketsOrderActionsCreate &
	Required<
		Pick< AftercareTicketsOrderActionsCreate, 'order_id' | 'action' >
	>;

/** What an order action did. */
export type OrderActionResult = AftercareOrderAction;
