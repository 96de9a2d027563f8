/**
 * WordPress dependencies
 */
import { FormTokenField, SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { DialogButtons } from '../components/DialogButtons';
import type { AftercareTicket, TicketChanges } from '../api';
import { ticketsStore } from '../store';
import { assigneeOptions } from './assignees';
import { PRIORITIES, STATUSES } from './labels';
import type { Option } from './labels';

export type BulkField = 'assignee' | 'status' | 'priority' | 'tags';

interface BulkChangeFormProps {
	field: BulkField;
	items: AftercareTicket[];
	closeModal?: () => void;
}

/**
 * One change applied to the selected tickets through the batch route.
 *
 * @param props            Component props.
 * @param props.field      What to change.
 * @param props.items      The selected tickets.
 * @param props.closeModal Closes the action's modal.
 */
export function BulkChangeForm( {
	field,
	items,
	closeModal,
}: BulkChangeFormProps ) {
	const first = items[ 0 ];
	const [ value, setValue ] = useState< string >( () => {
		if ( field === 'assignee' ) {
			return String( first?.assignee_id ?? 0 );
		}
		return field === 'tags' ? '' : ( first?.[ field ] ?? '' );
	} );
	const [ tags, setTags ] = useState< string[] >( first?.tags ?? [] );
	const { updateTickets } = useDispatch( ticketsStore );

	const onSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		let changes: TicketChanges;
		switch ( field ) {
			case 'assignee':
				changes = { assignee_id: Number( value ) || null };
				break;
			case 'tags':
				changes = { tags };
				break;
			default:
				changes = { [ field ]: value };
		}
		void updateTickets(
			items.map( ( item ) => item.id ),
			changes
		);
		closeModal?.();
	};

	let control;
	switch ( field ) {
		case 'assignee':
			control = (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Assignee', 'aftercare' ) }
					value={ value }
					options={ assigneeOptions() }
					onChange={ setValue }
				/>
			);
			break;
		case 'tags':
			control = (
				<FormTokenField
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Tags', 'aftercare' ) }
					value={ tags }
					onChange={ ( tokens ) =>
						setTags(
							tokens.map( ( token ) =>
								typeof token === 'string' ? token : token.value
							)
						)
					}
					__experimentalExpandOnFocus
				/>
			);
			break;
		default:
			control = (
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={
						field === 'status'
							? __( 'Status', 'aftercare' )
							: __( 'Priority', 'aftercare' )
					}
					value={ value }
					options={
						( field === 'status'
							? STATUSES()
							: PRIORITIES() ) as Option[]
					}
					onChange={ setValue }
				/>
			);
	}

	return (
		<form onSubmit={ onSubmit }>
			<div className="aftercare-stack">
				{ control }
				{ field === 'tags' && (
					<p className="description">
						{ __(
							'The selected tickets get exactly these tags.',
							'aftercare'
						) }
					</p>
				) }
				<DialogButtons
					label={ __( 'Apply', 'aftercare' ) }
					onCancel={ closeModal }
				/>
			</div>
		</form>
	);
}
