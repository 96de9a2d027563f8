export const STORE_NAME = 'aftercare/tickets';

/** Tickets per queue page. */
export const PER_PAGE = 25;
