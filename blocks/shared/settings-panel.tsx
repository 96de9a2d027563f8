/**
 * WordPress dependencies
 */
import {
	PanelBody,
	RangeControl,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import type { ReactNode } from 'react';

/** The attribute names of A whose values are of type V (not its index signature). */
type KeysOfType< A, V > = keyof {
	[
		K in keyof A as string extends K ? never : A[ K ] extends V ? K : never
	]: true;
} &
	string;

/**
 * One block setting, bound to the attribute `name`: a text field, a toggle, a number range or
 * a choice among `options`.
 */
export type Setting< A > =
	| {
			type: 'text';
			name: KeysOfType< A, string >;
			label: string;
			placeholder?: string;
			help?: string;
	  }
	| {
			type: 'toggle';
			name: KeysOfType< A, boolean >;
			label: string;
			help?: string;
	  }
	| {
			type: 'range';
			name: KeysOfType< A, number >;
			label: string;
			min: number;
			max: number;
	  }
	| {
			type: 'select';
			name: KeysOfType< A, string >;
			label: string;
			options: Array< { label: string; value: string } >;
			help?: string;
	  };

export interface SettingsPanelProps< A > {
	title: string;
	initialOpen?: boolean;
	attributes: A;
	setAttributes: ( attributes: Partial< A > ) => void;
	settings: Array< Setting< A > >;
	/** Anything else the panel shows, after the settings. */
	children?: ReactNode;
}

/**
 * A panel of the block inspector whose controls each edit one attribute: every block's
 * settings look and behave the same, and a block lists them instead of wiring each control.
 *
 * @param props               Props.
 * @param props.title         Panel title.
 * @param props.initialOpen   Whether the panel starts open (default: open).
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 * @param props.settings      The controls, in order.
 * @param props.children      Anything else, after the controls.
 */
export function SettingsPanel< A extends Record< string, unknown > >( {
	title,
	initialOpen,
	attributes,
	setAttributes,
	settings,
	children,
}: SettingsPanelProps< A > ) {
	const set = ( name: string, value: unknown ) =>
		setAttributes( { [ name ]: value } as Partial< A > );

	return (
		<PanelBody title={ title } initialOpen={ initialOpen }>
			{ settings.map( ( setting ) => {
				switch ( setting.type ) {
					case 'text':
						return (
							<TextControl
								key={ setting.name }
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ setting.label }
								placeholder={ setting.placeholder }
								help={ setting.help }
								value={ attributes[ setting.name ] as string }
								onChange={ ( value: string ) =>
									set( setting.name, value )
								}
							/>
						);
					case 'toggle':
						return (
							<ToggleControl
								key={ setting.name }
								__nextHasNoMarginBottom
								label={ setting.label }
								help={ setting.help }
								checked={
									attributes[ setting.name ] as boolean
								}
								onChange={ ( value: boolean ) =>
									set( setting.name, value )
								}
							/>
						);
					case 'range':
						return (
							<RangeControl
								key={ setting.name }
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ setting.label }
								min={ setting.min }
								max={ setting.max }
								value={ attributes[ setting.name ] as number }
								// Undefined only comes from a reset button, which these ranges do not have.
								onChange={ ( value?: number ) =>
									value !== undefined &&
									set( setting.name, value )
								}
							/>
						);
					case 'select':
						return (
							<SelectControl
								key={ setting.name }
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ setting.label }
								help={ setting.help }
								value={ attributes[ setting.name ] as string }
								options={ setting.options }
								onChange={ ( value: string ) =>
									set( setting.name, value )
								}
							/>
						);
				}
				return null;
			} ) }
			{ children }
		</PanelBody>
	);
}
