/**
 * WordPress dependencies
 */
import { useId } from '@wordpress/element';
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { FieldHelp } from './FieldHelp';

interface Props {
	legend: string;
	description: string;
	error?: string;
	/** Shown between the legend and the help, e.g. the store's time zone. */
	before?: ReactNode;
	children: ReactNode;
}

/**
 * A group of inputs for one setting: its label as the legend, its help (and refusal) describing it.
 *
 * @param props             Props.
 * @param props.legend      The setting's label.
 * @param props.description What the setting does.
 * @param props.error       Why the last save refused it.
 * @param props.before      Shown under the legend.
 * @param props.children    The inputs.
 */
export function Fieldset( {
	legend,
	description,
	error,
	before,
	children,
}: Props ) {
	const helpId = useId();
	return (
		<fieldset
			className={
				error
					? 'aftercare-settings__fieldset is-invalid'
					: 'aftercare-settings__fieldset'
			}
			aria-describedby={ helpId }
		>
			<legend className="aftercare-settings__legend">{ legend }</legend>
			{ before }
			<p id={ helpId } className="aftercare-settings__help">
				<FieldHelp description={ description } error={ error } />
			</p>
			{ children }
		</fieldset>
	);
}
