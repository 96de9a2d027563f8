/**
 * Storefront behaviour of the returns block: moves through the form's steps in place (the
 * order is looked up through the eligibility route, each step is checked by the server's rules
 * through POST /returns/check before the next),
 * then sends the request with its photos to the REST API, with a key per page view so a double
 * click or a retry makes one return, and opens the return's status page. Focus moves to each
 * step's heading; errors are announced. Without JavaScript every step posts to the page and
 * the server does the same. A status page opened through a signed link drops the token from
 * the address (contact/hide-token.ts).
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
import { hideToken } from '../contact/hide-token';
import { newIdempotencyKey } from '../contact/submission';
import { attachSuggestions } from '../help-center/suggestions';
import {
	STEPS,
	format,
	nextStep,
	photoError,
	requestBody,
	statusUrl,
	stepOf,
	toLines,
} from './steps';
import type { Line, Messages, Reason } from './steps';
import type { AftercareReturnEligibility } from '../../src/api/types';

interface Context {
	uid: string;
	step: string;
	error: string;
	errorStep: string;
	busy: boolean;
	orderNumber: string;
	lines: Line[];
	comment: string;
	outcome: string;
	/** Set on inner elements: the section, line, reason option, summary line. */
	section: string;
	line: Line;
	reasonKey: string;
}

/** Set by render.php through wp_interactivity_state(), translated. */
interface ServerState {
	state: {
		reasons: Record< string, Reason >;
		outcomes: Record< string, string >;
		loggedIn: boolean;
		rest: {
			eligibility: string;
			check: string;
			returns: string;
			nonce: string;
		};
		pageUrl: string;
		maxFiles: number;
		maxBytes: number;
		messages: Messages;
	};
}

type Answer = { ok: boolean; data: unknown };

const field = ( form: HTMLFormElement, name: string ) =>
	form.elements.namedItem( name ) as HTMLInputElement | null;

/**
 * A REST request: guests without cookies (the page may be cached), customers with their nonce.
 *
 * @param url  Address.
 * @param init Method and body.
 */
async function call( url: string, init: RequestInit ): Promise< Answer > {
	const response = await fetch( url, {
		...init,
		credentials: state.loggedIn ? 'same-origin' : 'omit',
		headers: {
			...( init.headers as Record< string, string > ),
			...( state.loggedIn ? { 'X-WP-Nonce': state.rest.nonce } : {} ),
		},
	} );
	return { ok: response.ok, data: await response.json().catch( () => null ) };
}

/**
 * The order, as the shopper gave it: number and email, or one of their orders.
 *
 * @param form The form.
 */
function orderFields( form: HTMLFormElement ): Record< string, string > {
	return state.loggedIn
		? { order_id: field( form, 'aftercare_order_id' )?.value ?? '' }
		: {
				order_number:
					field( form, 'aftercare_order_number' )?.value ?? '',
				email: field( form, 'aftercare_email' )?.value ?? '',
			};
}

/**
 * Shows a step and moves focus to its heading, once it is visible.
 *
 * @param context The block's context.
 * @param step    The step.
 * @param error   What to fix there ('' for nothing).
 */
function show( context: Context, step: string, error = '' ): void {
	context.step = step;
	context.error = error;
	context.errorStep = error ? step : '';
	requestAnimationFrame( () =>
		document.getElementById( `${ context.uid }-${ step }` )?.focus()
	);
}

const message = ( data: unknown ): string =>
	data &&
	typeof data === 'object' &&
	'message' in data &&
	typeof data.message === 'string'
		? data.message
		: state.messages.failed;

const storeDefinition = {
	state: {
		get isHidden(): boolean {
			const { step, section } = getContext< Context >();
			return step !== section;
		},
		get currentStep(): string | false {
			const { step, section } = getContext< Context >();
			return step === section ? 'step' : false;
		},
		get stepError(): string {
			const { error, errorStep, section } = getContext< Context >();
			return errorStep === section ? error : '';
		},
		get hasNoStepError(): boolean {
			return state.stepError === '';
		},
		get lineLocked(): boolean {
			return getContext< Context >().line.returnable < 1;
		},
		get reasonSelected(): boolean {
			const { line, reasonKey } = getContext< Context >();
			return line.reason === reasonKey;
		},
		get nothingReturnable(): boolean {
			const { lines } = getContext< Context >();
			return (
				lines.length > 0 &&
				lines.every( ( line ) => line.returnable < 1 )
			);
		},
		get chosenLines(): Array< {
			id: number;
			text: string;
			photos: boolean;
		} > {
			return getContext< Context >()
				.lines.filter( ( line ) => line.quantity > 0 )
				.map( ( line ) => ( {
					id: line.id,
					text: format(
						state.messages.line,
						line.quantity,
						line.name,
						state.reasons[ line.reason ]?.label ?? ''
					),
					photos: state.reasons[ line.reason ]?.photos ?? false,
				} ) );
		},
		get photosRequired(): boolean {
			return state.chosenLines.some( ( line ) => line.photos );
		},
		get photosOptional(): boolean {
			return ! state.photosRequired;
		},
		get outcomeLabel(): string {
			return state.outcomes[ getContext< Context >().outcome ] ?? '';
		},
	},
	actions: {
		/**
		 * A step button: back without checks; on after the checks (and the order lookup when
		 * leaving the first step); the last one sends the request.
		 *
		 * @param event The form's submit event.
		 */
		submit: withSyncEvent( function* ( event: SubmitEvent ) {
			event.preventDefault();
			const context = getContext< Context >();
			const form = getElement().ref as HTMLFormElement;
			if ( context.busy ) {
				return;
			}
			const button = event.submitter as HTMLButtonElement | null;
			const target =
				! button || button.value === 'next'
					? nextStep( context.step )
					: button.value;
			const from = STEPS.indexOf( context.step );
			const to =
				target === 'submit' ? STEPS.length : STEPS.indexOf( target );
			if ( to <= from ) {
				show( context, target );
				return;
			}
			context.busy = true;
			let leaving = false;
			try {
				if ( from === 0 ) {
					const order = orderFields( form );
					const url = new URL( state.rest.eligibility );
					if ( state.loggedIn ) {
						url.searchParams.set(
							'order_id',
							order.order_id ?? ''
						);
					}
					// Guests: POST, so the email stays out of addresses and logs.
					const answer: Answer = yield call(
						url.toString(),
						state.loggedIn
							? { method: 'GET' }
							: {
									method: 'POST',
									headers: {
										'Content-Type': 'application/json',
									},
									body: JSON.stringify( order ),
								}
					);
					if ( ! answer.ok ) {
						show( context, 'order', message( answer.data ) );
						return;
					}
					const data = answer.data as AftercareReturnEligibility;
					const same = data.order.number === context.orderNumber;
					context.lines = toLines(
						data.items,
						context.uid,
						state.messages,
						same ? context.lines : []
					);
					context.orderNumber = data.order.number;
				}
				const fields = {
					outcome: context.outcome,
					comment: context.comment,
				};
				if ( target !== 'submit' ) {
					// The steps before the target, by the server's rules (the request checks them all).
					if ( to > 1 ) {
						const checked: Answer = yield call( state.rest.check, {
							method: 'POST',
							body: requestBody(
								orderFields( form ),
								context.lines,
								fields,
								{
									step: STEPS[ to - 1 ] ?? '',
								}
							),
						} );
						if ( ! checked.ok ) {
							show(
								context,
								stepOf( checked.data ),
								message( checked.data )
							);
							return;
						}
					}
					show( context, target );
					return;
				}
				const photos = Array.from(
					field( form, 'attachments[]' )?.files ?? []
				);
				const photoProblem = photoError(
					photos.map( ( photo ) => photo.size ),
					state,
					state.messages
				);
				if ( photoProblem ) {
					show( context, 'review', photoProblem );
					return;
				}
				const answer: Answer = yield call( state.rest.returns, {
					method: 'POST',
					body: requestBody(
						orderFields( form ),
						context.lines,
						fields,
						{
							idempotency_key:
								field( form, 'idempotency_key' )?.value ?? '',
						},
						photos
					),
				} );
				if ( ! answer.ok ) {
					show(
						context,
						stepOf( answer.data ),
						message( answer.data )
					);
					return;
				}
				const created = answer.data as {
					id: number;
					number: string;
					access_token?: string;
					replayed?: boolean;
				};
				if ( created.replayed && ! state.loggedIn ) {
					// Sent before: the status page's link went by email only.
					show(
						context,
						'review',
						state.messages.replayed.replace( '%s', created.number )
					);
					return;
				}
				// Stays busy: the status page loads next.
				leaving = true;
				window.location.assign(
					statusUrl(
						state.pageUrl,
						created.id,
						created.access_token ?? ''
					)
				);
			} catch {
				show( context, context.step, state.messages.failed );
			} finally {
				context.busy = leaving;
			}
		} ),
		setQuantity( event: Event ): void {
			const value = parseInt(
				( event.target as HTMLInputElement ).value,
				10
			);
			getContext< Context >().line.quantity = value > 0 ? value : 0;
		},
		setReason( event: Event ): void {
			getContext< Context >().line.reason = (
				event.target as HTMLSelectElement
			 ).value;
		},
		setComment( event: Event ): void {
			getContext< Context >().comment = (
				event.target as HTMLTextAreaElement
			 ).value;
		},
		setOutcome( event: Event ): void {
			getContext< Context >().outcome = (
				event.target as HTMLInputElement
			 ).value;
		},
	},
	callbacks: {
		/** With scripts running, each page view sends its own idempotency key (pages may be cached). */
		init(): void {
			const key = field(
				getElement().ref as HTMLFormElement,
				'idempotency_key'
			);
			if ( key ) {
				key.value = newIdempotencyKey();
			}
		},
		/** Help articles matching the comment, while the shopper types it. */
		initHelpSuggestions(): ( () => void ) | undefined {
			const box = getElement().ref as HTMLElement | null;
			const comment = box
				?.closest( '.wp-block-aftercare-returns__field' )
				?.querySelector( 'textarea' );
			return box && comment
				? attachSuggestions( box, comment )
				: undefined;
		},
	},
};

const { state } = store< ServerState & typeof storeDefinition >(
	'aftercare/returns',
	storeDefinition
);

hideToken(
	'aftercare_return',
	!! document.querySelector( '.aftercare-return' )
);
