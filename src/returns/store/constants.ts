export const STORE_NAME = 'aftercare/returns';

/** Returns per queue page. */
export const PER_PAGE = 20;
