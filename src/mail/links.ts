/**
 * Links between the Support screens (they all live on admin.php).
 */

/** The received-mail screen's page slug (includes/Admin/AdminScreens.php). */
export const RECEIVED_MAIL_PAGE = 'aftercare-received-mail';

/**
 * The URL of another Support screen.
 *
 * @param page The page slug, e.g. `aftercare`.
 * @param args More query arguments.
 * @return A relative URL.
 */
export function adminPageUrl(
	page: string,
	args: Record< string, string > = {}
): string {
	const params = new URLSearchParams( { page, ...args } );
	return `${ window.location.pathname }?${ params.toString() }`;
}

/**
 * A ticket's screen.
 *
 * @param id The ticket.
 * @return A relative URL.
 */
export function ticketUrl( id: number ): string {
	return adminPageUrl( 'aftercare', { ticket: String( id ) } );
}
