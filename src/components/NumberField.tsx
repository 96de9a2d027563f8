/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';

/**
 * A number field for a quantity or an amount of money.
 *
 * @param props             Component props.
 * @param props.label       The field's label.
 * @param props.help        Its help text.
 * @param props.value       The value typed.
 * @param props.min         The least allowed (0 unless given).
 * @param props.max         The most allowed, if any.
 * @param props.step        1 for quantities, 0.01 (the default) for money.
 * @param props.placeholder A figure shown while the field is empty (the store's own).
 * @param props.onChange    Called with the value typed.
 */
export function NumberField( {
	label,
	help,
	value,
	min = 0,
	max,
	step = 0.01,
	placeholder,
	onChange,
}: {
	label: string;
	help?: string;
	value: string;
	min?: number;
	max?: number;
	step?: number;
	placeholder?: number;
	onChange: ( value: string ) => void;
} ) {
	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			type="number"
			min={ min }
			max={ max }
			step={ step }
			label={ label }
			help={ help }
			value={ value }
			placeholder={
				placeholder === undefined ? undefined : String( placeholder )
			}
			onChange={ onChange }
		/>
	);
}
