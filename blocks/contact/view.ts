/**
 * Storefront behaviour of the contact block: checks the form before it is
 * sent, shows each problem next to its field, then sends it to the REST API
 * (with an idempotency key, so a double submit makes one ticket) and shows the
 * ticket number, and for guests the signed link, in place. Without JavaScript
 * the form posts to the page and the server does the same. A thread opened
 * through a signed link drops the token from the address (hide-token.ts).
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
import './help-suggestions';
import { hideToken } from './hide-token';
import {
	newIdempotencyKey,
	readAnswer,
	restName,
	send,
	toRequestBody,
} from './submission';
import { validateField, validateForm } from './validation';
import type { FieldState, FileLimits, ValidationRule } from './validation';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface FormContext {
	/** The message shown under each field, '' when it is valid. */
	errors: Record< string, string >;
	/** A problem that concerns no single field. */
	formError: string;
	submitting: boolean;
	result: { number: number; link: string; replayed: boolean } | null;
}

interface FieldContext extends FormContext {
	field: string;
}

/** Set by render.php through wp_interactivity_state(), translated. */
interface ServerState {
	state: {
		restUrl: string;
		restNonce: string;
		maxFiles: number;
		maxBytes: number;
		messages: Record<
			ValidationRule | 'failed' | 'received' | 'replayed',
			string
		>;
	};
}

const toFieldState = ( control: Control ): FieldState => ( {
	name: restName( control.name ),
	value: control.value,
	required: control.required,
	type: control.type,
	fileSizes:
		control instanceof HTMLInputElement && control.files
			? Array.from( control.files, ( file ) => file.size )
			: undefined,
} );

const limits = (): FileLimits => ( {
	maxFiles: state.maxFiles,
	maxBytes: state.maxBytes,
} );

const storeDefinition = {
	state: {
		get fieldError(): string {
			const { errors, field } = getContext< FieldContext >();
			return errors[ field ] ?? '';
		},
		get isFieldInvalid(): boolean {
			return state.fieldError !== '';
		},
		get resultText(): string {
			const { result } = getContext< FormContext >();
			return result
				? state.messages[
						result.replayed ? 'replayed' : 'received'
					].replace( '%d', String( result.number ) )
				: '';
		},
		get hasResult(): boolean {
			return getContext< FormContext >().result !== null;
		},
		get resultLink(): string {
			return getContext< FormContext >().result?.link ?? '';
		},
	},
	actions: {
		/**
		 * Checks the form; when it is valid, sends it and shows the outcome.
		 *
		 * @param event The form's submit event.
		 */
		submit: withSyncEvent( function* ( event: SubmitEvent ) {
			event.preventDefault();
			const form = getElement().ref as HTMLFormElement;
			const context = getContext< FormContext >();
			if ( context.submitting ) {
				return;
			}
			const controls = Array.from( form.elements ).filter(
				( element ): element is Control =>
					( element instanceof HTMLInputElement ||
						element instanceof HTMLTextAreaElement ||
						element instanceof HTMLSelectElement ) &&
					restName( element.name ) in context.errors
			);
			const result = validateForm(
				controls.map( toFieldState ),
				limits()
			);
			for ( const [ name, rule ] of Object.entries( result.errors ) ) {
				context.errors[ name ] = rule ? state.messages[ rule ] : '';
			}
			context.formError = '';
			if ( result.firstInvalid !== null ) {
				const first = controls.find(
					( control ) =>
						toFieldState( control ).name === result.firstInvalid
				);
				// After the messages render, so they are read with the field.
				requestAnimationFrame( () => first?.focus() );
				return;
			}

			context.submitting = true;
			let outcome;
			try {
				const answer: { status: number; answer: unknown } = yield send(
					state.restUrl,
					state.restNonce,
					toRequestBody( new FormData( form ) )
				);
				outcome = readAnswer(
					answer.status,
					answer.answer,
					state.messages.failed
				);
			} catch {
				outcome = readAnswer( 0, null, state.messages.failed );
			}
			context.submitting = false;
			if ( outcome.ok ) {
				context.result = {
					number: outcome.number,
					link: outcome.link,
					replayed: outcome.replayed,
				};
				return;
			}
			if ( outcome.field && outcome.field in context.errors ) {
				context.errors[ outcome.field ] = outcome.message;
				const field = controls.find(
					( control ) =>
						toFieldState( control ).name === outcome.field
				);
				requestAnimationFrame( () => field?.focus() );
			} else {
				context.formError = outcome.message;
			}
		} ),
		/**
		 * Updates a shown message as the person fixes the field.
		 *
		 * @param event The field's input or change event.
		 */
		revalidate( event: Event ): void {
			const context = getContext< FieldContext >();
			if ( ! context.errors[ context.field ] ) {
				return;
			}
			const rule = validateField(
				toFieldState( event.target as Control ),
				limits()
			);
			context.errors[ context.field ] = rule
				? state.messages[ rule ]
				: '';
		},
	},
	callbacks: {
		/**
		 * With scripts running, these messages replace the browser's, and the
		 * page's idempotency key is replaced by one of this page view.
		 */
		init(): void {
			const form = getElement().ref as HTMLFormElement;
			form.noValidate = true;
			const key = form.elements.namedItem( 'idempotency_key' );
			if ( key instanceof HTMLInputElement ) {
				key.value = newIdempotencyKey();
			}
		},
		/** The confirmation takes focus, so it is read out. */
		focusResult(): void {
			const { result } = getContext< FormContext >();
			if ( result ) {
				const element = getElement().ref as HTMLElement;
				requestAnimationFrame( () => element.focus() );
			}
		},
	},
};

const { state } = store< ServerState & typeof storeDefinition >(
	'aftercare/contact',
	storeDefinition
);

hideToken(
	'aftercare_ticket',
	!! document.querySelector( '.aftercare-thread' )
);
