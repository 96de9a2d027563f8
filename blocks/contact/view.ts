/**
 * Storefront behaviour of the contact block: checks the form before it is sent,
 * shows each problem next to its field and focuses the first one.
 */

/**
 * WordPress dependencies
 */
import { getContext, getElement, store } from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { validateField, validateForm } from './validation';
import type { FieldState, ValidationRule } from './validation';

type Control = HTMLInputElement | HTMLTextAreaElement;

interface FormContext {
	/** The message shown under each field, '' when it is valid. */
	errors: Record< string, string >;
}

interface FieldContext extends FormContext {
	field: string;
}

/** Set by render.php through wp_interactivity_state(), translated. */
interface ServerState {
	state: { messages: Record< ValidationRule, string > };
}

const toFieldState = ( control: Control ): FieldState => ( {
	name: control.name,
	value: control.value,
	required: control.required,
	type: control.type,
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
	},
	actions: {
		/**
		 * Stops a submission with invalid fields, and says what to fix.
		 *
		 * @param event The form's submit event.
		 */
		submit( event: SubmitEvent ): void {
			const form = getElement().ref as HTMLFormElement;
			const { errors } = getContext< FormContext >();
			const controls = Array.from( form.elements ).filter(
				( element ): element is Control =>
					( element instanceof HTMLInputElement ||
						element instanceof HTMLTextAreaElement ) &&
					element.name in errors
			);
			const result = validateForm( controls.map( toFieldState ) );
			for ( const [ name, rule ] of Object.entries( result.errors ) ) {
				errors[ name ] = rule ? state.messages[ rule ] : '';
			}
			if ( result.firstInvalid !== null ) {
				event.preventDefault();
				const first = controls.find(
					( control ) => control.name === result.firstInvalid
				);
				// After the messages render, so they are read with the field.
				requestAnimationFrame( () => first?.focus() );
			}
		},
		/**
		 * Updates a shown message as the person fixes the field.
		 *
		 * @param event The field's input event.
		 */
		revalidate( event: Event ): void {
			const context = getContext< FieldContext >();
			if ( ! context.errors[ context.field ] ) {
				return;
			}
			const rule = validateField(
				toFieldState( event.target as Control )
			);
			context.errors[ context.field ] = rule
				? state.messages[ rule ]
				: '';
		},
	},
	callbacks: {
		/** With scripts running, these messages replace the browser's. */
		init(): void {
			( getElement().ref as HTMLFormElement ).noValidate = true;
		},
	},
};

const { state } = store< ServerState & typeof storeDefinition >(
	'aftercare/contact',
	storeDefinition
);
