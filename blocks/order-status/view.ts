/**
 * Storefront behaviour of the order-status block: looks the order up through
 * the REST route instead of reloading the page, then shows the result in the
 * same server-rendered template and moves focus to it. Without JavaScript the
 * form posts to the page and the server renders the same result.
 */

/**
 * WordPress dependencies
 */
import {
	getContext,
	getElement,
	store,
	withSyncEvent,
} from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { errorMessage, lookupBody } from './lookup';
import type { OrderStatus } from './types';

interface Context {
	found: boolean;
	result: OrderStatus;
	error: string;
	busy: boolean;
}

/** Set by render.php through wp_interactivity_state(), translated. */
interface ServerState {
	state: {
		restUrl: string;
		allowsPostcode: boolean;
		messages: { network: string };
	};
}

const storeDefinition = {
	actions: {
		submit: withSyncEvent( function* ( event: SubmitEvent ) {
			event.preventDefault();
			const context = getContext< Context >();
			if ( context.busy ) {
				return;
			}
			const form = getElement().ref as HTMLFormElement;
			const field = ( name: string ) =>
				( form.elements.namedItem( name ) as HTMLInputElement ).value;
			const body = lookupBody(
				field( 'aftercare_order_number' ),
				field( 'aftercare_order_key' ),
				state.allowsPostcode
			);
			context.busy = true;
			context.error = '';
			try {
				// No cookie nonce: the route is for guests and must work on cached pages.
				const response: Response = yield fetch( state.restUrl, {
					method: 'POST',
					credentials: 'omit',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify( body ),
				} );
				const data: unknown = yield response.json().catch( () => null );
				if ( response.ok ) {
					context.result = data as OrderStatus;
					context.found = true;
				} else {
					context.found = false;
					context.error = errorMessage(
						data,
						state.messages.network
					);
				}
			} catch {
				context.found = false;
				context.error = state.messages.network;
			}
			context.busy = false;
			// After the result renders: its title takes focus so it is read out.
			const target = context.found
				? form
						.closest( '[data-wp-interactive]' )
						?.querySelector< HTMLElement >(
							'.wp-block-aftercare-order-status__result .wp-block-aftercare-order-status__title'
						)
				: form.querySelector< HTMLElement >(
						'.wp-block-aftercare-order-status__error'
					);
			requestAnimationFrame( () => target?.focus() );
		} ),
	},
};

const { state } = store< ServerState & typeof storeDefinition >(
	'aftercare/order-status',
	storeDefinition
);
