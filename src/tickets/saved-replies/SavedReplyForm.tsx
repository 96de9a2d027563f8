/**
 * WordPress dependencies
 */
import { Button, TextControl, TextareaControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { DialogButtons } from '../../components/DialogButtons';
import type { AftercareSavedReply } from '../../api';
import { savedRepliesStore } from '../../store';
import { htmlToText, textToHtml } from '../../utils/html';

/**
 * The variables a saved reply can use; the server fills them in for the ticket.
 *
 * @return Variable names and what they become.
 */
export const VARIABLES = (): Array< { name: string; help: string } > => [
	{ name: '{customer_name}', help: __( 'The customer’s name', 'aftercare' ) },
	{ name: '{ticket_number}', help: __( 'The ticket number', 'aftercare' ) },
	{ name: '{order_number}', help: __( 'The order’s number', 'aftercare' ) },
	{ name: '{order_status}', help: __( 'The order’s status', 'aftercare' ) },
	{
		name: '{tracking_link}',
		help: __( 'A link to track the shipment', 'aftercare' ),
	},
	{
		name: '{return_number}',
		help: __( 'The return’s number (tickets of a return)', 'aftercare' ),
	},
	{
		name: '{return_status}',
		help: __( 'The return’s status', 'aftercare' ),
	},
	{
		name: '{return_shipping_instructions}',
		help: __( 'How to send the items back (Settings)', 'aftercare' ),
	},
	{
		name: '{refund_amount}',
		help: __(
			'The amount refunded or credited; before that, what the return would give',
			'aftercare'
		),
	},
];

interface SavedReplyFormProps {
	reply?: AftercareSavedReply;
	onDone: () => void;
}

/**
 * Creates or edits a saved reply, with the variables it may use.
 *
 * @param props        Component props.
 * @param props.reply  The saved reply to edit; none to create one.
 * @param props.onDone Called after saving or cancelling.
 */
export function SavedReplyForm( { reply, onDone }: SavedReplyFormProps ) {
	const [ title, setTitle ] = useState( reply?.title ?? '' );
	const [ body, setBody ] = useState( reply ? htmlToText( reply.body ) : '' );
	const isSaving = useSelect(
		( select ) => select( savedRepliesStore ).isSavingSavedReply(),
		[]
	);
	const { saveSavedReply } = useDispatch( savedRepliesStore );

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		const saved = await saveSavedReply( {
			...( reply ? { id: reply.id } : {} ),
			title,
			body: textToHtml( body ),
		} );
		if ( saved ) {
			onDone();
		}
	};

	return (
		<form onSubmit={ onSubmit }>
			<div className="aftercare-stack">
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					required
					maxLength={ 120 }
					label={ __( 'Title', 'aftercare' ) }
					help={ __(
						'Agents pick the reply by this name.',
						'aftercare'
					) }
					value={ title }
					onChange={ setTitle }
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					required
					label={ __( 'Reply', 'aftercare' ) }
					value={ body }
					onChange={ setBody }
					rows={ 8 }
				/>
				<div className="aftercare-variables">
					<h3 className="aftercare-sidebar__label">
						{ __( 'Variables', 'aftercare' ) }
					</h3>
					<p>
						{ __(
							'Type a variable, or choose one to add it; it is filled in for the ticket when an agent inserts the reply.',
							'aftercare'
						) }
					</p>
					<ul>
						{ VARIABLES().map( ( variable ) => (
							<li key={ variable.name }>
								<Button
									variant="link"
									onClick={ () =>
										setBody( `${ body }${ variable.name }` )
									}
								>
									<code>{ variable.name }</code>
								</Button>{ ' ' }
								{ variable.help }
							</li>
						) ) }
					</ul>
				</div>
				<DialogButtons
					label={ __( 'Save', 'aftercare' ) }
					onCancel={ onDone }
					busy={ isSaving }
				/>
			</div>
		</form>
	);
}
