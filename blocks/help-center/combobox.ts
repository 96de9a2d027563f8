/**
 * The keyboard and timing rules of the help center's search box, kept free of the DOM and of
 * the Interactivity API so that they can be unit-tested.
 */

/** What a key does in the open (or closed) combobox. */
export type ComboboxCommand =
	| { type: 'move'; index: number }
	| { type: 'choose'; index: number }
	| { type: 'close' }
	| { type: 'clear' }
	| { type: 'none' };

/**
 * The WAI-ARIA combobox pattern with a listbox popup: arrows move through the options (and
 * wrap), Enter opens the active option (with none active the form submits: the results page),
 * Escape closes the popup, and a second Escape clears the box.
 *
 * @param key          KeyboardEvent.key.
 * @param state        The combobox now.
 * @param state.open   Whether the listbox shows.
 * @param state.active Index of the active option, -1 for none.
 * @param state.count  Options shown.
 * @return What to do.
 */
export function keyCommand(
	key: string,
	{ open, active, count }: { open: boolean; active: number; count: number }
): ComboboxCommand {
	switch ( key ) {
		case 'ArrowDown':
			return count > 0
				? {
						type: 'move',
						index: ! open || active >= count - 1 ? 0 : active + 1,
					}
				: { type: 'none' };
		case 'ArrowUp':
			return count > 0
				? {
						type: 'move',
						index: ! open || active <= 0 ? count - 1 : active - 1,
					}
				: { type: 'none' };
		case 'Enter':
			return open && active >= 0 && active < count
				? { type: 'choose', index: active }
				: { type: 'none' };
		case 'Escape':
			return open ? { type: 'close' } : { type: 'clear' };
		default:
			return { type: 'none' };
	}
}

/** Searches wait this long after the last keystroke. */
export const TYPING_DELAY = 150;

/** A query the shopper stops at for this long counts as a search in the analytics. */
export const SETTLE_DELAY = 1500;

/** Shorter queries are not searched as you type. */
export const MIN_QUERY = 2;

/**
 * Whether a query is worth searching as the shopper types.
 *
 * @param query The box's value.
 */
export function isSearchable( query: string ): boolean {
	return query.trim().length >= MIN_QUERY;
}

/**
 * Runs the last of a burst of calls once the calls stop for `delay` ms.
 *
 * @param delay Quiet time in ms.
 * @return schedule( fn ) to (re)start the wait for fn, and cancel().
 */
export function debouncer( delay: number ) {
	let timer: ReturnType< typeof setTimeout > | undefined;
	return {
		schedule( fn: () => void ): void {
			clearTimeout( timer );
			timer = setTimeout( fn, delay );
		},
		cancel(): void {
			clearTimeout( timer );
		},
	};
}

/**
 * The words a screen reader hears after a search.
 *
 * @param count         Articles found.
 * @param query         The query.
 * @param messages      Translated messages: none, one, many (with %d).
 * @param messages.none Nothing found.
 * @param messages.one  One found.
 * @param messages.many Several found, %d for the number.
 * @return The status text ('' while the box is empty).
 */
export function statusText(
	count: number,
	query: string,
	messages: { none: string; one: string; many: string }
): string {
	if ( ! isSearchable( query ) ) {
		return '';
	}
	if ( count === 0 ) {
		return messages.none;
	}
	return count === 1
		? messages.one
		: messages.many.replace( '%d', String( count ) );
}
