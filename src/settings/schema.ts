/**
 * The settings form is drawn from the schema the REST API serves (OPTIONS
 * /aftercare/v1/settings): each property's JSON schema plus its `x-aftercare`
 * screen hints (includes/Settings/Settings.php, `Settings::ui()`). A setting
 * added in PHP appears here without new UI code.
 */

export type SectionId =
	'general' | 'tickets' | 'returns' | 'help' | 'email' | 'privacy';

/** What the screen needs beside the JSON schema. */
export interface FieldHints {
	section: SectionId;
	/** Short label; the schema's description is the help text. */
	label: string;
	/** A control where a plain one will not do (see `controlOf`). */
	control?: string;
	/** Unit shown beside a number, e.g. "days". */
	unit?: string;
	/** Labels of enum values (or of an array's enum items). */
	options?: Record< string, string >;
}

export interface PropertySchema {
	type?: string | string[];
	description?: string;
	default?: unknown;
	enum?: Array< string | number >;
	items?: PropertySchema;
	properties?: Record< string, PropertySchema >;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	readonly?: boolean;
	'x-aftercare'?: FieldHints;
}

export interface SettingsSchema {
	properties: Record< string, PropertySchema >;
}

/** The kinds of control the form knows. */
export type ControlKind =
	| 'toggle'
	| 'number'
	| 'duration'
	| 'text'
	| 'textarea'
	| 'password'
	| 'select'
	| 'checkboxes'
	| 'lines'
	| 'ids'
	| 'page'
	| 'products'
	| 'product_categories'
	| 'reasons'
	| 'priority_rules'
	| 'business_hours'
	| 'holidays';

export interface SettingField {
	name: string;
	section: SectionId;
	label: string;
	description: string;
	control: ControlKind;
	hints: FieldHints;
	schema: PropertySchema;
}

const HINTED: ControlKind[] = [
	'duration',
	'textarea',
	'password',
	'lines',
	'page',
	'products',
	'product_categories',
	'reasons',
	'priority_rules',
	'business_hours',
	'holidays',
];

/**
 * The control for a setting: its hint when the form knows it, else one that fits its type.
 *
 * @param schema The setting's schema.
 * @return The control kind.
 */
export function controlOf( schema: PropertySchema ): ControlKind {
	const hint = schema[ 'x-aftercare' ]?.control;
	if ( hint && ( HINTED as string[] ).includes( hint ) ) {
		return hint as ControlKind;
	}
	switch ( schema.type ) {
		case 'boolean':
			return 'toggle';
		case 'integer':
		case 'number':
			return 'number';
		case 'array':
			if ( schema.items?.enum ) {
				return 'checkboxes';
			}
			return schema.items?.type === 'integer' ? 'ids' : 'lines';
		default:
			return schema.enum ? 'select' : 'text';
	}
}

/**
 * The settings the form shows, in the schema's order: every property with screen hints that
 * the store can change (read-only ones are shown by the controls that need them).
 *
 * @param schema The settings schema.
 * @return The fields.
 */
export function settingFields( schema: SettingsSchema ): SettingField[] {
	return Object.entries( schema.properties ).flatMap(
		( [ name, property ] ) => {
			const hints = property[ 'x-aftercare' ];
			if ( ! hints || property.readonly ) {
				return [];
			}
			return [
				{
					name,
					section: hints.section,
					label: hints.label,
					description: property.description ?? '',
					control: controlOf( property ),
					hints,
					schema: property,
				},
			];
		}
	);
}

/**
 * The label of an enum value.
 *
 * @param field The setting.
 * @param value One of its values.
 * @return The label PHP gave it, else the value itself.
 */
export function optionLabel( field: SettingField, value: string ): string {
	return field.hints.options?.[ value ] ?? value;
}
