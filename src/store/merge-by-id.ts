/**
 * Adds fetched items to the ones held, by id. Each is merged into the copy already held: a
 * list's copy lacks what only a single read brings (a return's quote, a mail's raw message),
 * and a list arriving later must not drop it.
 *
 * @param held  The items held, by id.
 * @param items The items fetched.
 * @return The items held next.
 */
export function mergeById< Item extends { id: number } >(
	held: Record< number, Item >,
	items: Item[]
): Record< number, Item > {
	const next = { ...held };
	for ( const item of items ) {
		next[ item.id ] = { ...held[ item.id ], ...item };
	}
	return next;
}
