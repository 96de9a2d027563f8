/**
 * WordPress dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../../api';
import { Fieldset } from './Fieldset';
import { reasonKey } from './ReasonsSetting';
import type { ControlProps } from './types';

export type PriorityRule = AftercareSettings[ 'priority_rules' ][ number ];

type Condition = PriorityRule[ 'when' ];

/**
 * The conditions in the store's words, as the server names them in its refusals.
 */
const CONDITIONS = (): Array< { value: Condition; label: string } > => [
	{ value: 'order_total', label: __( 'Order value over', 'aftercare' ) },
	{
		value: 'lifetime_value',
		label: __( 'Customer has spent over', 'aftercare' ),
	},
	{
		value: 'first_order',
		label: __( 'Customer’s first order', 'aftercare' ),
	},
	{ value: 'order_late', label: __( 'Order late', 'aftercare' ) },
	{
		value: 'return_refused',
		label: __( 'A return of the order was refused', 'aftercare' ),
	},
];

const RAISES = () => [
	{ value: 'keep', label: __( 'Keep as it is', 'aftercare' ) },
	{ value: 'raise', label: __( 'Raise by one step', 'aftercare' ) },
	{ value: 'normal', label: __( 'Raise to Normal', 'aftercare' ) },
	{ value: 'high', label: __( 'Raise to High', 'aftercare' ) },
	{ value: 'urgent', label: __( 'Raise to Urgent', 'aftercare' ) },
];

/**
 * A number box that hands the setting numbers, and what was typed when it is
 * no number (the server explains what it needs).
 *
 * @param props          Props.
 * @param props.label    Label.
 * @param props.help     Help under the box.
 * @param props.value    The number.
 * @param props.min      Smallest.
 * @param props.max      Largest.
 * @param props.step     Step.
 * @param props.onChange Gets the new value.
 */
function NumberBox( {
	label,
	help,
	value,
	min,
	max,
	step = 1,
	onChange,
}: {
	label: string;
	help?: string;
	value: number | undefined;
	min: number;
	max?: number;
	step?: number | 'any';
	onChange: ( value: number ) => void;
} ) {
	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			type="number"
			label={ label }
			help={ help }
			min={ min }
			max={ max }
			step={ step }
			value={ String( value ?? '' ) }
			onChange={ ( next: string ) => {
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

/**
 * Priority from the order: each rule's condition (with its amount or days),
 * what it does to the priority, the share of the SLA targets it leaves and a
 * first-reply time. A saved rule keeps its key (tickets remember which rules
 * fired); a new one gets a key from its condition.
 *
 * @param props Control props.
 */
export function PriorityRulesSetting( props: ControlProps< PriorityRule[] > ) {
	const { field, value, onChange, error } = props;
	const rules = value ?? [];

	const update = ( index: number, changes: Partial< PriorityRule > ) =>
		onChange(
			rules.map( ( rule, at ) =>
				at === index ? { ...rule, ...changes } : rule
			)
		);

	return (
		<Fieldset
			legend={ field.label }
			description={ field.description }
			error={ error }
		>
			<ol className="aftercare-settings__reasons">
				{ rules.map( ( rule, index ) => {
					const name = sprintf(
						/* translators: %d: position in the list. */
						__( 'Rule %d', 'aftercare' ),
						index + 1
					);
					return (
						<li
							key={ rule.key }
							className="aftercare-settings__reason aftercare-settings__rule"
						>
							<SelectControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %s: "Rule 1". */
									__( '%s: when', 'aftercare' ),
									name
								) }
								value={ rule.when }
								options={ CONDITIONS() }
								onChange={ ( when ) =>
									update( index, {
										when: when as Condition,
									} )
								}
							/>
							{ ( rule.when === 'order_total' ||
								rule.when === 'lifetime_value' ) && (
								<NumberBox
									label={ __( 'Amount', 'aftercare' ) }
									help={ __(
										'In the order’s currency.',
										'aftercare'
									) }
									min={ 0 }
									step="any"
									value={ rule.amount }
									onChange={ ( amount ) =>
										update( index, { amount } )
									}
								/>
							) }
							{ rule.when === 'order_late' && (
								<NumberBox
									label={ __(
										'Shipped at least (days ago), not delivered',
										'aftercare'
									) }
									min={ 1 }
									max={ 365 }
									value={ rule.days }
									onChange={ ( days ) =>
										update( index, { days } )
									}
								/>
							) }
							<SelectControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Priority', 'aftercare' ) }
								value={ rule.priority ?? 'keep' }
								options={ RAISES() }
								onChange={ ( priority ) =>
									update( index, {
										priority:
											priority as PriorityRule[ 'priority' ],
									} )
								}
							/>
							<NumberBox
								label={ __(
									'SLA targets, % of usual',
									'aftercare'
								) }
								min={ 10 }
								max={ 100 }
								value={ rule.sla_percent ?? 100 }
								onChange={ ( percent ) =>
									update( index, { sla_percent: percent } )
								}
							/>
							<NumberBox
								label={ __(
									'First reply within (minutes, 0: no limit)',
									'aftercare'
								) }
								min={ 0 }
								max={ 525600 }
								value={ rule.first_response_minutes ?? 0 }
								onChange={ ( minutes ) =>
									update( index, {
										first_response_minutes: minutes,
									} )
								}
							/>
							<Button
								__next40pxDefaultSize
								variant="tertiary"
								isDestructive
								label={ sprintf(
									/* translators: %s: "Rule 1". */
									__( 'Remove %s', 'aftercare' ),
									name
								) }
								onClick={ () =>
									onChange(
										rules.filter(
											( _, at ) => at !== index
										)
									)
								}
							>
								{ __( 'Remove', 'aftercare' ) }
							</Button>
						</li>
					);
				} ) }
			</ol>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				disabled={ rules.length >= ( field.schema.maxItems ?? 20 ) }
				accessibleWhenDisabled
				onClick={ () =>
					onChange( [
						...rules,
						{
							key: reasonKey(
								'order_total',
								rules.map( ( rule ) => rule.key )
							),
							when: 'order_total',
							amount: 500,
							days: 3,
							priority: 'high',
							sla_percent: 100,
							first_response_minutes: 0,
						},
					] )
				}
			>
				{ __( 'Add a rule', 'aftercare' ) }
			</Button>
		</Fieldset>
	);
}
