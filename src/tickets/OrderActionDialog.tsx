/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	Modal,
	Notice,
	RadioControl,
	SelectControl,
	Spinner,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { NumberField } from '../components/NumberField';
import { DialogButtons } from '../components/DialogButtons';
import { ordersStore, ticketsStore } from '../store';
import { OUTCOMES, REASONS } from '../returns/labels';
import { money } from '../utils/money';
import {
	ORDER_ACTIONS,
	buildRequest,
	chooseAction,
	initialForm,
	percent,
	refundTotal,
} from './order-actions';
import type { OrderActionForm, OrderActionRequest } from './order-actions';

interface OrderActionDialogProps {
	ticketId: number;
	orderId: number;
	/** Who gets the reply (the ticket's customer). */
	customerEmail: string;
	onClose: () => void;
}

/**
 * An order action from a reply, in two steps in one dialog: the form (the
 * action, its fields with the agent's limits and what is refundable, the reply
 * prefilled for the customer), then what will happen in words with Cancel and
 * Confirm. A refusal (over the limit, the order busy) returns to the form with
 * the server's message; the server does all of it or none.
 *
 * @param props               Component props.
 * @param props.ticketId      The ticket.
 * @param props.orderId       The order shown beside it.
 * @param props.customerEmail Who gets the reply.
 * @param props.onClose       Closes the dialog.
 */
export function OrderActionDialog( {
	ticketId,
	orderId,
	customerEmail,
	onClose,
}: OrderActionDialogProps ) {
	const [ form, setForm ] = useState< OrderActionForm >( () =>
		initialForm()
	);
	const [ review, setReview ] = useState< OrderActionRequest | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ busy, setBusy ] = useState( false );
	const heading = useRef< HTMLHeadingElement >( null );
	const { options, loadError, order, eligibility } = useSelect(
		( select ) => ( {
			options: select( ticketsStore ).getOrderActionOptions(
				ticketId,
				orderId
			),
			loadError: select( ticketsStore ).getError(
				`order-actions:${ ticketId }:${ orderId }`
			),
			order: select( ordersStore ).getOrder( orderId ),
			eligibility: select( ordersStore ).getReturnEligibility( orderId ),
		} ),
		[ ticketId, orderId ]
	);
	const { performOrderAction } = useDispatch( ticketsStore );
	const set = ( changes: Partial< OrderActionForm > ) =>
		setForm( { ...form, ...changes } );

	// The confirm step takes the focus, so a screen reader reads what will happen.
	useEffect( () => {
		if ( review ) {
			heading.current?.focus();
		}
	}, [ review ] );

	const close = () => ! busy && onClose();

	const onReview = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		if ( ! options ) {
			return;
		}
		const request = buildRequest(
			form,
			options,
			order?.billing_email || customerEmail,
			customerEmail
		);
		if ( 'error' in request ) {
			setError( request.error );
			return;
		}
		setError( null );
		setReview( request );
	};

	const onConfirm = async () => {
		if ( ! review || busy ) {
			return;
		}
		setBusy( true );
		const failure = await performOrderAction( ticketId, review.input );
		setBusy( false );
		if ( failure === null ) {
			onClose();
			return;
		}
		setError( failure );
		setReview( null );
	};

	const title = options
		? sprintf(
				/* translators: %s: order number. */
				__( 'Order action: order #%s', 'aftercare' ),
				options.order_number
			)
		: __( 'Order action', 'aftercare' );

	if ( ! options ) {
		return (
			<Modal title={ title } onRequestClose={ close }>
				{ loadError ? (
					<Notice status="error" isDismissible={ false }>
						{ loadError }
					</Notice>
				) : (
					<p role="status">
						<Spinner />
						{ __( 'Loading the order…', 'aftercare' ) }
					</p>
				) }
			</Modal>
		);
	}

	const { currency, limits } = options;
	const noLimit = __( 'no limit', 'aftercare' );
	const returnable = new Map(
		( eligibility?.items ?? [] ).map( ( line ) => [
			line.order_item_id,
			line.returnable,
		] )
	);

	if ( review ) {
		return (
			<Modal
				title={ title }
				onRequestClose={ close }
				className="aftercare-order-action"
			>
				<div className="aftercare-stack">
					<h2
						ref={ heading }
						tabIndex={ -1 }
						className="aftercare-sidebar__label"
					>
						{ __(
							'Confirm: this is what will happen',
							'aftercare'
						) }
					</h2>
					{ review.summary.map( ( sentence ) => (
						<p key={ sentence }>{ sentence }</p>
					) ) }
					<DialogButtons
						label={
							review.movesMoney
								? __( 'Confirm refund', 'aftercare' )
								: __( 'Confirm', 'aftercare' )
						}
						onCancel={ () => setReview( null ) }
						onConfirm={ () => void onConfirm() }
						busy={ busy }
						destructive={ review.movesMoney }
					/>
				</div>
			</Modal>
		);
	}

	const { total } = refundTotal( form, options );
	const couponMost =
		form.couponType === 'percent'
			? limits.coupon_percent
			: limits.coupon_amount;
	let couponLimit: string = noLimit;
	if ( couponMost !== null ) {
		couponLimit =
			form.couponType === 'percent'
				? percent( couponMost )
				: money( couponMost, currency );
	}

	return (
		<Modal
			title={ title }
			onRequestClose={ close }
			className="aftercare-order-action"
		>
			<form className="aftercare-stack" onSubmit={ onReview } noValidate>
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error }
					</Notice>
				) }
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Action', 'aftercare' ) }
					value={ form.action }
					options={ ORDER_ACTIONS() }
					onChange={ ( action ) =>
						setForm( chooseAction( form, action ) )
					}
				/>
				{ form.action === 'refund' && (
					<>
						<p>
							{ sprintf(
								/* translators: 1: amount left to refund, 2: the agent's limit per refund. */
								__(
									'Left to refund on this order: %1$s. Your limit per refund: %2$s.',
									'aftercare'
								),
								money( options.refundable, currency ),
								limits.refund === null
									? noLimit
									: money( limits.refund, currency )
							) }
						</p>
						{ options.lines.map( ( line ) => (
							<fieldset
								key={ line.order_item_id }
								className="aftercare-stack"
								disabled={ line.refundable_quantity === 0 }
							>
								<legend>
									{ sprintf(
										/* translators: 1: product name, 2: quantity left, 3: amount left. */
										__(
											'%1$s: %2$d left to refund, %3$s',
											'aftercare'
										),
										line.name,
										line.refundable_quantity,
										money(
											line.refundable_amount,
											currency
										)
									) }
								</legend>
								<NumberField
									label={ sprintf(
										/* translators: %s: product name. */
										__(
											'Quantity to refund: %s',
											'aftercare'
										),
										line.name
									) }
									value={
										form.quantities[ line.order_item_id ] ??
										''
									}
									max={ line.refundable_quantity }
									step={ 1 }
									onChange={ ( value ) =>
										set( {
											quantities: {
												...form.quantities,
												[ line.order_item_id ]: value,
											},
										} )
									}
								/>
								<NumberField
									label={ sprintf(
										/* translators: %s: product name. */
										__( 'Amount instead: %s', 'aftercare' ),
										line.name
									) }
									help={ __(
										'Optional: refund this amount rather than the units’ price.',
										'aftercare'
									) }
									value={
										form.amounts[ line.order_item_id ] ?? ''
									}
									max={ line.refundable_amount }
									onChange={ ( value ) =>
										set( {
											amounts: {
												...form.amounts,
												[ line.order_item_id ]: value,
											},
										} )
									}
								/>
							</fieldset>
						) ) }
						<CheckboxControl
							__nextHasNoMarginBottom
							label={ __(
								'Put the refunded units back in stock',
								'aftercare'
							) }
							checked={ form.restock }
							onChange={ ( restock ) => set( { restock } ) }
						/>
						<p aria-live="polite">
							{ sprintf(
								/* translators: %s: amount. */
								__( 'Refund: %s', 'aftercare' ),
								money( total, currency )
							) }
						</p>
						{ limits.refund !== null && total > limits.refund && (
							<Notice status="warning" isDismissible={ false }>
								{ __(
									'This is above your refund limit: the store will refuse it. Ask a store manager.',
									'aftercare'
								) }
							</Notice>
						) }
					</>
				) }
				{ form.action === 'coupon' && (
					<>
						<RadioControl
							label={ __( 'Coupon type', 'aftercare' ) }
							selected={ form.couponType }
							options={ [
								{
									value: 'fixed_cart',
									label: __( 'An amount off', 'aftercare' ),
								},
								{
									value: 'percent',
									label: __(
										'A percentage off',
										'aftercare'
									),
								},
							] }
							onChange={ ( couponType ) =>
								set( {
									couponType:
										couponType as OrderActionForm[ 'couponType' ],
								} )
							}
						/>
						<NumberField
							label={
								form.couponType === 'percent'
									? __( 'Percentage off', 'aftercare' )
									: sprintf(
											/* translators: %s: currency code. */
											__(
												'Amount off (%s)',
												'aftercare'
											),
											currency
										)
							}
							help={ sprintf(
								/* translators: %s: the agent's limit. */
								__( 'Your limit: %s.', 'aftercare' ),
								couponLimit
							) }
							value={ form.couponAmount }
							max={
								form.couponType === 'percent' ? 100 : undefined
							}
							onChange={ ( couponAmount ) =>
								set( { couponAmount } )
							}
						/>
					</>
				) }
				{ form.action === 'resend' && (
					<RadioControl
						label={ __( 'Email to send again', 'aftercare' ) }
						selected={ form.mail }
						options={ [
							{
								value: 'status',
								label: __( 'Order status email', 'aftercare' ),
							},
							...( options.has_tracking
								? [
										{
											value: 'tracking',
											label: __(
												'Tracking email',
												'aftercare'
											),
										},
									]
								: [] ),
						] }
						help={
							options.has_tracking
								? undefined
								: __(
										'No tracking email: the order has no tracking number yet.',
										'aftercare'
									)
						}
						onChange={ ( mail ) =>
							set( { mail: mail as OrderActionForm[ 'mail' ] } )
						}
					/>
				) }
				{ form.action === 'return' && (
					<>
						{ options.lines.map( ( line ) => {
							const most =
								returnable.get( line.order_item_id ) ??
								line.quantity;
							return (
								<fieldset
									key={ line.order_item_id }
									className="aftercare-stack"
									disabled={ most === 0 }
								>
									<legend>
										{ sprintf(
											/* translators: 1: product name, 2: quantity that can be returned. */
											__(
												'%1$s: %2$d can be returned',
												'aftercare'
											),
											line.name,
											most
										) }
									</legend>
									<NumberField
										label={ sprintf(
											/* translators: %s: product name. */
											__(
												'Quantity to return: %s',
												'aftercare'
											),
											line.name
										) }
										value={
											form.quantities[
												line.order_item_id
											] ?? ''
										}
										max={ most }
										step={ 1 }
										onChange={ ( value ) =>
											set( {
												quantities: {
													...form.quantities,
													[ line.order_item_id ]:
														value,
												},
											} )
										}
									/>
									<SelectControl
										__next40pxDefaultSize
										__nextHasNoMarginBottom
										label={ sprintf(
											/* translators: %s: product name. */
											__( 'Reason: %s', 'aftercare' ),
											line.name
										) }
										value={
											form.reasons[
												line.order_item_id
											] ?? ''
										}
										options={ [
											{
												value: '',
												label: __(
													'Choose a reason',
													'aftercare'
												),
											},
											...REASONS(),
										] }
										onChange={ ( reason ) =>
											set( {
												reasons: {
													...form.reasons,
													[ line.order_item_id ]:
														reason,
												},
											} )
										}
									/>
								</fieldset>
							);
						} ) }
						<SelectControl
							__next40pxDefaultSize
							__nextHasNoMarginBottom
							label={ __( 'Outcome asked', 'aftercare' ) }
							value={ form.outcome }
							options={ OUTCOMES() }
							onChange={ ( outcome ) => set( { outcome } ) }
						/>
					</>
				) }
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Reply to the customer', 'aftercare' ) }
					help={ __(
						'Sent by email with a paragraph saying what was done.',
						'aftercare'
					) }
					value={ form.message }
					onChange={ ( message ) =>
						set( { message, messageEdited: true } )
					}
					rows={ 4 }
				/>
				<DialogButtons
					label={ __( 'Review', 'aftercare' ) }
					onCancel={ onClose }
				/>
			</form>
		</Modal>
	);
}
