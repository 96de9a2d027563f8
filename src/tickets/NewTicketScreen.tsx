/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardFooter,
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import type { NewTicketInput } from '../api';
import { getAdminData } from '../admin-data';
import { Page } from '../components/Page';
import { linkHandler, navigate, pageUrl } from '../hooks/use-query-args';
import { ticketsStore } from '../store';
import { textToHtml } from '../utils/html';
import { PRIORITIES } from './labels';
import type { Option } from './labels';

/**
 * An agent opens a ticket on a customer's behalf (a phone call, an email sent to
 * a personal address…), prefilled from an order when started on its screen.
 */
export function NewTicketScreen() {
	const { order } = getAdminData();
	const [ form, setForm ] = useState( {
		customer_name: order?.customer_name ?? '',
		customer_email: order?.customer_email ?? '',
		subject: order
			? sprintf(
					/* translators: %s: order number. */
					__( 'Order #%s', 'aftercare' ),
					order.number
				)
			: '',
		message: '',
		// The storefront's own channel (web) is not the agent's to pick.
		channel: 'phone' as Exclude< NewTicketInput[ 'channel' ], 'web' >,
		priority: 'normal' as NewTicketInput[ 'priority' ],
	} );
	// One key per form: a double submit makes one ticket.
	const [ idempotencyKey ] = useState( () => window.crypto.randomUUID() );
	const [ isSaving, setIsSaving ] = useState( false );
	const { createTicket } = useDispatch( ticketsStore );
	const set = ( key: keyof typeof form ) => ( value: string ) =>
		setForm( { ...form, [ key ]: value } );

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		setIsSaving( true );
		const ticket = await createTicket( {
			...form,
			message: textToHtml( form.message ),
			...( order
				? {
						order_id: order.id,
						customer_id: order.customer_id || undefined,
					}
				: {} ),
			idempotency_key: idempotencyKey,
		} );
		setIsSaving( false );
		if ( ticket ) {
			navigate( { ticket: String( ticket.id ) }, { replace: true } );
		}
	};

	return (
		<Page
			title={ __( 'New ticket', 'aftercare' ) }
			actions={
				<a href={ pageUrl( {} ) } onClick={ linkHandler( {} ) }>
					{ __( '← All tickets', 'aftercare' ) }
				</a>
			}
		>
			<form onSubmit={ onSubmit }>
				<Card>
					<CardBody>
						<div className="aftercare-stack">
							{ order && (
								<p>
									{ sprintf(
										/* translators: %s: order number. */
										__( 'About order #%s.', 'aftercare' ),
										order.number
									) }
								</p>
							) }
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Customer name', 'aftercare' ) }
								value={ form.customer_name }
								onChange={ set( 'customer_name' ) }
								autoComplete="off"
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								type="email"
								required
								label={ __( 'Customer email', 'aftercare' ) }
								value={ form.customer_email }
								onChange={ set( 'customer_email' ) }
								autoComplete="off"
							/>
							<SelectControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __(
									'How did the customer reach you?',
									'aftercare'
								) }
								value={ form.channel }
								options={ [
									{
										value: 'phone',
										label: __( 'Phone', 'aftercare' ),
									},
									{
										value: 'email',
										label: __( 'Email', 'aftercare' ),
									},
									{
										value: 'admin',
										label: __(
											'Other (created by an agent)',
											'aftercare'
										),
									},
								] }
								onChange={ set( 'channel' ) }
							/>
							<SelectControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Priority', 'aftercare' ) }
								value={ form.priority }
								options={ PRIORITIES() as Option[] }
								onChange={ set( 'priority' ) }
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								required
								label={ __( 'Subject', 'aftercare' ) }
								value={ form.subject }
								onChange={ set( 'subject' ) }
								maxLength={ 200 }
							/>
							<TextareaControl
								__nextHasNoMarginBottom
								required
								label={ __(
									'What the customer asked',
									'aftercare'
								) }
								value={ form.message }
								onChange={ set( 'message' ) }
								rows={ 8 }
							/>
						</div>
					</CardBody>
					<CardFooter justify="flex-end">
						<Button
							__next40pxDefaultSize
							variant="primary"
							type="submit"
							isBusy={ isSaving }
							disabled={ isSaving }
							accessibleWhenDisabled
						>
							{ __( 'Create ticket', 'aftercare' ) }
						</Button>
					</CardFooter>
				</Card>
			</form>
		</Page>
	);
}
