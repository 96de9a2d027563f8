/**
 * Client-side checks of the contact form. Pure functions, so they are tested
 * without a DOM; the server validates again whatever the browser sends.
 */

export type ValidationRule =
	'required' | 'email' | 'tooManyFiles' | 'fileTooLarge';

/** What validation needs to know about one form control. */
export interface FieldState {
	name: string;
	value: string;
	required: boolean;
	type: string;
	/** Sizes in bytes of the chosen files (file inputs only). */
	fileSizes?: number[];
}

/** What the server accepts for attachments. */
export interface FileLimits {
	maxFiles: number;
	maxBytes: number;
}

const NO_LIMITS: FileLimits = { maxFiles: Infinity, maxBytes: Infinity };

/**
 * Email addresses as the HTML spec's `type="email"` accepts them, plus a dot in
 * the domain, as WordPress's is_email() requires.
 */
const EMAIL =
	/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/**
 * Whether a value looks like an email address.
 *
 * @param value The value, already trimmed.
 * @return True for addresses like `name@example.com`.
 */
export function isEmail( value: string ): boolean {
	return EMAIL.test( value );
}

/**
 * Checks one field.
 *
 * @param field  The field's state.
 * @param limits Attachment limits, for file fields.
 * @return The rule it breaks, or null when it is valid.
 */
export function validateField(
	field: FieldState,
	limits: FileLimits = NO_LIMITS
): ValidationRule | null {
	if ( field.type === 'file' ) {
		const sizes = field.fileSizes ?? [];
		if ( sizes.length > limits.maxFiles ) {
			return 'tooManyFiles';
		}
		return sizes.some( ( size ) => size > limits.maxBytes )
			? 'fileTooLarge'
			: null;
	}
	const value = field.value.trim();
	if ( value === '' ) {
		return field.required ? 'required' : null;
	}
	if ( field.type === 'email' && ! isEmail( value ) ) {
		return 'email';
	}
	return null;
}

export interface FormValidation {
	/** The rule each field breaks, or null, by field name. */
	errors: Record< string, ValidationRule | null >;
	/** The first invalid field in form order: the one to focus. */
	firstInvalid: string | null;
}

/**
 * Checks every field of the form.
 *
 * @param fields The fields, in form order.
 * @param limits Attachment limits.
 * @return Errors by field name, and the first invalid field.
 */
export function validateForm(
	fields: FieldState[],
	limits: FileLimits = NO_LIMITS
): FormValidation {
	const errors: Record< string, ValidationRule | null > = {};
	let firstInvalid: string | null = null;
	for ( const field of fields ) {
		const rule = validateField( field, limits );
		errors[ field.name ] = rule;
		if ( rule && firstInvalid === null ) {
			firstInvalid = field.name;
		}
	}
	return { errors, firstInvalid };
}
