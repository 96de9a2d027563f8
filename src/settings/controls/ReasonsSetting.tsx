/**
 * WordPress dependencies
 */
import { Button, CheckboxControl, TextControl } from '@wordpress/components';
import { useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../../api';
import { Fieldset } from './Fieldset';
import type { ControlProps } from './types';

export type Reason = AftercareSettings[ 'return_reasons' ][ number ];

/**
 * A key for a new reason from its label, unique among the others ("Too small" → too_small).
 *
 * @param label The reason's label.
 * @param taken Keys in use.
 * @return The key.
 */
export function reasonKey( label: string, taken: string[] ): string {
	const base =
		label
			.toLowerCase()
			.normalize( 'NFKD' )
			.replace( /[^a-z0-9]+/g, '_' )
			.replace( /^_+|_+$/g, '' )
			.slice( 0, 36 ) || 'reason';
	let key = base;
	for ( let n = 2; taken.includes( key ); n++ ) {
		key = `${ base }_${ n }`;
	}
	return key;
}

/**
 * The return reasons: each with its label, whether it needs photos and whether it is offered.
 * A saved reason keeps its key (returns store it); a new one gets a key from its label.
 *
 * @param props Control props.
 */
export function ReasonsSetting( props: ControlProps< Reason[] > ) {
	const { field, value, onChange, error } = props;
	const reasons = value ?? [];
	// Keys the screen opened with: those stay as they are.
	const savedKeys = useRef( reasons.map( ( reason ) => reason.key ) );

	const update = ( index: number, changes: Partial< Reason > ) =>
		onChange(
			reasons.map( ( reason, at ) => {
				if ( at !== index ) {
					return reason;
				}
				const next = { ...reason, ...changes };
				if (
					changes.label !== undefined &&
					! savedKeys.current.includes( reason.key )
				) {
					next.key = reasonKey(
						changes.label,
						reasons
							.filter( ( _, other ) => other !== index )
							.map( ( other ) => other.key )
					);
				}
				return next;
			} )
		);

	return (
		<Fieldset
			legend={ field.label }
			description={ field.description }
			error={ error }
		>
			<ol className="aftercare-settings__reasons">
				{ reasons.map( ( reason, index ) => (
					<li key={ index } className="aftercare-settings__reason">
						<TextControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ sprintf(
								/* translators: %d: position in the list. */
								__( 'Reason %d', 'aftercare' ),
								index + 1
							) }
							value={ reason.label }
							maxLength={ 120 }
							onChange={ ( label: string ) =>
								update( index, { label } )
							}
						/>
						<CheckboxControl
							__nextHasNoMarginBottom
							label={ __( 'Needs photos', 'aftercare' ) }
							checked={ !! reason.photos }
							onChange={ ( photos: boolean ) =>
								update( index, { photos } )
							}
						/>
						<CheckboxControl
							__nextHasNoMarginBottom
							label={ __( 'Offered to shoppers', 'aftercare' ) }
							checked={ reason.active !== false }
							onChange={ ( active: boolean ) =>
								update( index, { active } )
							}
						/>
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							isDestructive
							label={ sprintf(
								/* translators: %s: the reason's label. */
								__( 'Remove reason “%s”', 'aftercare' ),
								reason.label ||
									sprintf(
										/* translators: %d: position in the list. */
										__( 'Reason %d', 'aftercare' ),
										index + 1
									)
							) }
							onClick={ () =>
								onChange(
									reasons.filter( ( _, at ) => at !== index )
								)
							}
						>
							{ __( 'Remove', 'aftercare' ) }
						</Button>
					</li>
				) ) }
			</ol>
			<Button
				__next40pxDefaultSize
				variant="secondary"
				disabled={ reasons.length >= ( field.schema.maxItems ?? 30 ) }
				accessibleWhenDisabled
				onClick={ () =>
					onChange( [
						...reasons,
						{
							key: reasonKey(
								'',
								reasons.map( ( reason ) => reason.key )
							),
							label: '',
							photos: false,
							active: true,
						},
					] )
				}
			>
				{ __( 'Add a reason', 'aftercare' ) }
			</Button>
		</Fieldset>
	);
}
