/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	Modal,
	Notice,
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
import { NumberField } from '../components/NumberField';
import { DialogButtons } from '../components/DialogButtons';
import type { AftercareReturn } from '../api';
import { returnsStore } from '../store';
import { money } from '../utils/money';
import { buildRequest, initialForm } from './return-actions';
import type { ActionForm, ReturnAction } from './return-actions';

interface ActionDialogProps {
	item: AftercareReturn;
	action: ReturnAction;
	/** The order's currency, when known, for amounts. */
	currency: string;
	onClose: () => void;
}

/**
 * What a settlement covers: the received quantities once the items arrived,
 * else the requested ones (as ReturnService settles).
 *
 * @param item The return.
 * @return Lines with the quantity settled.
 */
export function settledLines( item: AftercareReturn ) {
	return item.items
		.map( ( line ) => ( {
			...line,
			settled: item.received ? line.received_quantity : line.quantity,
		} ) )
		.filter( ( line ) => line.settled > 0 );
}

/**
 * The dialog of one action: its fields, a message to the customer and Confirm.
 * The server's refusal (an impossible move, a bad amount) stays in the dialog.
 *
 * @param props          Component props.
 * @param props.item     The return.
 * @param props.action   The action.
 * @param props.currency The order's currency.
 * @param props.onClose  Closes the dialog.
 */
export function ActionDialog( {
	item,
	action,
	currency,
	onClose,
}: ActionDialogProps ) {
	const [ form, setForm ] = useState< ActionForm >( () =>
		initialForm( item )
	);
	const [ error, setError ] = useState< string | null >( null );
	const [ busy, setBusy ] = useState( false );
	const { moveReturn, actOnReturn } = useDispatch( returnsStore );
	const set = ( changes: Partial< ActionForm > ) =>
		setForm( { ...form, ...changes } );

	const onSubmit = async ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( busy ) {
			return;
		}
		const request = buildRequest( action.id, form, item );
		if ( 'error' in request ) {
			setError( request.error );
			return;
		}
		setError( null );
		setBusy( true );
		const failure =
			request.kind === 'move'
				? await moveReturn( item.id, request.status, request.message )
				: await actOnReturn( item.id, request.input );
		setBusy( false );
		if ( failure === null ) {
			onClose();
		} else {
			setError( failure );
		}
	};

	const lines = settledLines( item );

	return (
		<Modal
			title={ action.label }
			onRequestClose={ () => ! busy && onClose() }
			className="aftercare-return-dialog"
		>
			<form className="aftercare-stack" onSubmit={ onSubmit } noValidate>
				<p>{ action.description }</p>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error }
					</Notice>
				) }
				{ action.id === 'receive' && (
					<fieldset className="aftercare-stack">
						<legend>
							{ __( 'Quantities received', 'aftercare' ) }
						</legend>
						{ item.items.map( ( line ) => {
							const key = String( line.order_item_id );
							return (
								<TextControl
									key={ line.id }
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									type="number"
									min={ 0 }
									max={ line.quantity }
									step={ 1 }
									label={ sprintf(
										/* translators: %s: product name. */
										__( 'Received: %s', 'aftercare' ),
										line.name
									) }
									help={ sprintf(
										/* translators: %d: quantity in the return. */
										__( '%d in the return', 'aftercare' ),
										line.quantity
									) }
									value={
										Number.isNaN( form.quantities[ key ] )
											? ''
											: String(
													form.quantities[ key ] ?? ''
												)
									}
									onChange={ ( value ) =>
										set( {
											quantities: {
												...form.quantities,
												[ key ]:
													value === ''
														? NaN
														: Number( value ),
											},
										} )
									}
								/>
							);
						} ) }
					</fieldset>
				) }
				{ ( action.id === 'refund' ||
					action.id === 'credit' ||
					action.id === 'exchange' ) && (
					<div>
						<h2 className="aftercare-sidebar__label">
							{ action.id === 'exchange'
								? __( 'Items sent again', 'aftercare' )
								: __( 'Items settled', 'aftercare' ) }
						</h2>
						<ul className="aftercare-context__list">
							{ lines.map( ( line ) => (
								<li key={ line.id }>
									{ sprintf(
										/* translators: 1: quantity, 2: product name. */
										__( '%1$d × %2$s', 'aftercare' ),
										line.settled,
										line.name
									) }
								</li>
							) ) }
						</ul>
					</div>
				) }
				{ action.id === 'refund' && (
					<>
						{ item.quote && (
							<p className="aftercare-return-dialog__amount">
								{ sprintf(
									/* translators: 1: what the items were paid, 2: the store policy's restocking fee. */
									__(
										'Paid for these items: %1$s. Store policy restocking fee: %2$s.',
										'aftercare'
									),
									money( item.quote.value, currency ),
									money( item.quote.fee, currency )
								) }
							</p>
						) }
						<NumberField
							min={ 0 }
							label={ __( 'Restocking fee', 'aftercare' ) }
							help={ __(
								'Kept from the refund. Leave empty for the store policy’s fee.',
								'aftercare'
							) }
							value={ form.fee }
							placeholder={ item.quote?.fee }
							onChange={ ( fee ) => set( { fee } ) }
						/>
						{ item.quote && (
							<p aria-live="polite">
								{ sprintf(
									/* translators: %s: amount refunded. */
									__( 'Refund: %s', 'aftercare' ),
									money(
										Math.max(
											0,
											item.quote.value -
												( form.fee.trim() === ''
													? item.quote.fee
													: Number( form.fee ) || 0 )
										),
										currency
									)
								) }
							</p>
						) }
					</>
				) }
				{ ( action.id === 'receive' || action.id === 'refund' ) && (
					<CheckboxControl
						__nextHasNoMarginBottom
						label={
							action.id === 'receive'
								? __(
										'Put the received items back in stock',
										'aftercare'
									)
								: __(
										'Put the items back in stock (those not restocked yet)',
										'aftercare'
									)
						}
						checked={ form.restock }
						onChange={ ( restock ) => set( { restock } ) }
					/>
				) }
				{ action.id === 'credit' && (
					<NumberField
						min={ 0.01 }
						max={ item.quote?.max_credit ?? undefined }
						label={ __( 'Store credit amount', 'aftercare' ) }
						help={
							typeof item.quote?.max_credit === 'number'
								? __(
										'Leave empty to give what the items were paid. You can give at most that.',
										'aftercare'
									)
								: __(
										'Leave empty to give what the items were paid. Going over it is recorded with your name.',
										'aftercare'
									)
						}
						value={ form.amount }
						placeholder={ item.quote?.value }
						onChange={ ( amount ) => set( { amount } ) }
					/>
				) }
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Message to the customer', 'aftercare' ) }
					help={ __(
						'Optional. Sent by email and added to the conversation.',
						'aftercare'
					) }
					value={ form.message }
					onChange={ ( message ) => set( { message } ) }
					rows={ 4 }
				/>
				<DialogButtons
					label={ __( 'Confirm', 'aftercare' ) }
					onCancel={ onClose }
					busy={ busy }
				/>
			</form>
		</Modal>
	);
}
