/**
 * The plain controls: one input (or one group of checkboxes) per setting, labelled by the
 * setting's label and described by its help.
 */

/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	SelectControl,
	TextControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { optionLabel } from '../schema';
import { FieldHelp } from './FieldHelp';
import { Fieldset } from './Fieldset';
import type { ControlProps } from './types';

/**
 * The lines of a one-entry-per-line box as a list setting keeps them: trimmed, blank lines dropped.
 *
 * @param text What the box holds.
 * @return The entries.
 */
export function nonEmptyLines( text: string ): string[] {
	return text
		.split( '\n' )
		.map( ( line ) => line.trim() )
		.filter( ( line ) => line !== '' );
}

/**
 * The label with the unit, e.g. "Return window (days)".
 *
 * @param props       Control props.
 * @param props.field
 * @return The label.
 */
function labelOf( { field }: { field: ControlProps[ 'field' ] } ): string {
	return field.hints.unit
		? sprintf(
				/* translators: 1: setting name, 2: unit, e.g. "days". */
				__( '%1$s (%2$s)', 'aftercare' ),
				field.label,
				field.hints.unit
			)
		: field.label;
}

export function ToggleSetting( props: ControlProps< boolean > ) {
	const { field, value, onChange, error } = props;
	return (
		<ToggleControl
			__nextHasNoMarginBottom
			label={ field.label }
			help={
				<FieldHelp description={ field.description } error={ error } />
			}
			checked={ !! value }
			onChange={ ( checked: boolean ) => onChange( checked ) }
		/>
	);
}

export function NumberSetting( props: ControlProps< number > ) {
	const { field, value, onChange, error } = props;
	// The box keeps what is typed (an empty box while retyping); the setting gets numbers.
	const [ text, setText ] = useState( String( value ?? '' ) );
	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			type="number"
			label={ labelOf( props ) }
			help={
				<FieldHelp description={ field.description } error={ error } />
			}
			min={ field.schema.minimum }
			max={ field.schema.maximum }
			step={ field.schema.type === 'integer' ? 1 : 'any' }
			value={ text }
			aria-invalid={ error ? true : undefined }
			onChange={ ( next: string ) => {
				setText( next );
				// Sent as typed when it is no number: the server explains what it needs.
				const number = Number( next );
				onChange(
					next.trim() !== '' && Number.isFinite( number )
						? number
						: ( next as unknown as number )
				);
			} }
		/>
	);
}

export function TextSetting( props: ControlProps< string > ) {
	const { field, value, onChange, error } = props;
	const shared = {
		__nextHasNoMarginBottom: true,
		label: labelOf( props ),
		help: <FieldHelp description={ field.description } error={ error } />,
		value: value ?? '',
		'aria-invalid': error ? true : undefined,
		onChange: ( next: string ) => onChange( next ),
	};
	return field.control === 'textarea' ? (
		<TextareaControl { ...shared } rows={ 4 } />
	) : (
		<TextControl __next40pxDefaultSize { ...shared } />
	);
}

/**
 * A write-only secret: never shown, empty means "keep the saved one".
 *
 * @param props Control props.
 */
export function PasswordSetting( props: ControlProps< string > ) {
	const { field, value, onChange, error, settings } = props;
	const saved = !! settings.mailbox_password_set;
	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			type="password"
			autoComplete="new-password"
			label={ field.label }
			help={
				<FieldHelp
					description={
						saved
							? `${ __(
									'A password is saved; type a new one to replace it.',
									'aftercare'
								) } ${ field.description }`
							: field.description
					}
					error={ error }
				/>
			}
			value={ value ?? '' }
			aria-invalid={ error ? true : undefined }
			onChange={ ( next: string ) =>
				onChange( next === '' ? undefined : next )
			}
		/>
	);
}

export function SelectSetting( props: ControlProps< string > ) {
	const { field, value, onChange, error } = props;
	return (
		<SelectControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ field.label }
			help={
				<FieldHelp description={ field.description } error={ error } />
			}
			value={ value }
			options={ ( field.schema.enum ?? [] ).map( ( option ) => ( {
				value: String( option ),
				label: optionLabel( field, String( option ) ),
			} ) ) }
			aria-invalid={ error ? true : undefined }
			onChange={ ( next: string ) => onChange( next ) }
		/>
	);
}

export function CheckboxesSetting( props: ControlProps< string[] > ) {
	const { field, value, onChange, error } = props;
	const chosen = value ?? [];
	const options = ( field.schema.items?.enum ?? [] ).map( String );
	return (
		<Fieldset
			legend={ field.label }
			description={ field.description }
			error={ error }
		>
			{ options.map( ( option ) => (
				<CheckboxControl
					__nextHasNoMarginBottom
					key={ option }
					label={ optionLabel( field, option ) }
					checked={ chosen.includes( option ) }
					onChange={ ( checked: boolean ) =>
						// Kept in the schema's order.
						onChange(
							options.filter( ( item ) =>
								item === option
									? checked
									: chosen.includes( item )
							)
						)
					}
				/>
			) ) }
		</Fieldset>
	);
}

/**
 * A list of short entries, one per line (synonym groups, proxies, order statuses).
 *
 * @param props Control props.
 */
export function LinesSetting( props: ControlProps< string[] > ) {
	const { field, value, onChange, error } = props;
	// The box keeps what is typed (blank lines too, while typing); the setting gets the entries.
	const [ text, setText ] = useState( ( value ?? [] ).join( '\n' ) );
	return (
		<TextareaControl
			__nextHasNoMarginBottom
			label={ field.label }
			help={
				<FieldHelp description={ field.description } error={ error } />
			}
			rows={ Math.min( 8, Math.max( 3, ( value ?? [] ).length + 1 ) ) }
			value={ text }
			aria-invalid={ error ? true : undefined }
			onChange={ ( next: string ) => {
				setText( next );
				onChange( nonEmptyLines( next ) );
			} }
		/>
	);
}

interface PageRecord {
	id: number;
	title: { rendered: string };
}

/**
 * One of the site's published pages (0: none).
 *
 * @param props Control props.
 */
export function PageSetting( props: ControlProps< number > ) {
	const { field, value, onChange, error } = props;
	// The core-data store by name: importing it would pull its sync providers into this bundle's
	// tests; the app's page loads it anyway.
	const pages = useSelect( ( select ) => {
		const core = select( 'core' ) as
			| {
					getEntityRecords: (
						kind: string,
						name: string,
						query: Record< string, unknown >
					) => PageRecord[] | null;
			  }
			| undefined;
		return (
			core?.getEntityRecords( 'postType', 'page', {
				per_page: 100,
				status: 'publish',
				_fields: 'id,title',
			} ) ?? null
		);
	}, [] );
	const options = [
		{ value: '0', label: __( '— None —', 'aftercare' ) },
		...( pages ?? [] ).map( ( page ) => ( {
			value: String( page.id ),
			label: page.title.rendered || `#${ page.id }`,
		} ) ),
	];
	// A saved page that is not (or no longer) published stays choosable.
	if (
		value &&
		! options.some( ( option ) => option.value === String( value ) )
	) {
		options.push( { value: String( value ), label: `#${ value }` } );
	}
	return (
		<SelectControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ field.label }
			help={
				<FieldHelp description={ field.description } error={ error } />
			}
			value={ String( value ?? 0 ) }
			options={ options }
			onChange={ ( next: string ) => onChange( Number( next ) ) }
		/>
	);
}

const UNITS = [
	{ minutes: 1440, label: () => __( 'days', 'aftercare' ) },
	{ minutes: 60, label: () => __( 'hours', 'aftercare' ) },
	{ minutes: 1, label: () => __( 'minutes', 'aftercare' ) },
];

/**
 * A length of time kept in minutes, typed in the unit that reads best (days, hours, minutes).
 *
 * @param props Control props.
 */
export function DurationSetting( props: ControlProps< number > ) {
	const { field, value, onChange, error } = props;
	const [ unit, setUnit ] = useState(
		() =>
			UNITS.find( ( { minutes } ) => ( value ?? 0 ) % minutes === 0 )
				?.minutes ?? 1
	);
	const [ text, setText ] = useState( String( ( value ?? 0 ) / unit ) );
	const change = ( nextText: string, nextUnit: number ) => {
		const number = Number( nextText );
		onChange(
			nextText.trim() !== '' && Number.isFinite( number )
				? Math.round( number * nextUnit )
				: ( nextText as unknown as number )
		);
	};
	return (
		<Fieldset
			legend={ field.label }
			description={ field.description }
			error={ error }
		>
			<div className="aftercare-settings__duration">
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 1 }
					label={ __( 'Amount', 'aftercare' ) }
					value={ text }
					aria-invalid={ error ? true : undefined }
					onChange={ ( next: string ) => {
						setText( next );
						change( next, unit );
					} }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Unit', 'aftercare' ) }
					value={ String( unit ) }
					options={ UNITS.map( ( option ) => ( {
						value: String( option.minutes ),
						label: option.label(),
					} ) ) }
					onChange={ ( next: string ) => {
						setUnit( Number( next ) );
						change( text, Number( next ) );
					} }
				/>
			</div>
		</Fieldset>
	);
}
