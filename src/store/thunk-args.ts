/**
 * The arguments @wordpress/data passes to a store's thunks, typed from the store's
 * state, actions and selectors.
 */

/**
 * WordPress dependencies
 */
import type { DataRegistry } from '@wordpress/data';

type Curried< State, F > = F extends (
	state: State,
	...args: infer P
) => infer R
	? ( ...args: P ) => R
	: never;

export interface ThunkArgs<
	State,
	Action,
	Selectors extends Record< string, ( ...args: any[] ) => unknown >,
> {
	dispatch: ( ( action: Action ) => void ) & {
		invalidateResolution: ( selector: string, args: unknown[] ) => void;
		invalidateResolutionForStoreSelector: ( selector: string ) => void;
	};
	select: { [ K in keyof Selectors ]: Curried< State, Selectors[ K ] > };
	resolveSelect: {
		[ K in keyof Selectors ]: (
			...args: Parameters< Curried< State, Selectors[ K ] > >
		) => Promise< ReturnType< Curried< State, Selectors[ K ] > > >;
	};
	registry: DataRegistry;
}
