export const STORE_NAME = 'aftercare/mail';

/** Log entries per page. */
export const PER_PAGE = 20;
