/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	Panel,
	PanelBody,
	Spinner,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareReturn } from '../api';
import { getAdminData } from '../admin-data';
import { CustomerAnswer } from '../components/CustomerAnswer';
import { EventList } from '../components/EventList';
import { OrderTimeline } from '../orders/OrderTimeline';
import { Page } from '../components/Page';
import { linkHandler, pageUrl } from '../hooks/use-query-args';
import { returnsStore, ticketsStore } from '../store';
import { money } from '../utils/money';
import { formatDateTime } from '../utils/time';
import { Composer } from '../tickets/Composer';
import { labelOf } from '../tickets/labels';
import { Thread } from '../tickets/Thread';
import { ActionDialog } from './ActionDialog';
import { describeReturnEvent } from './events';
import { OUTCOMES } from './labels';
import { availableActions } from './return-actions';
import type { ReturnAction } from './return-actions';
import { StatusBadge } from './StatusBadge';

/**
 * A link to an order's edit screen, or its number alone without WooCommerce.
 *
 * @param props        Component props.
 * @param props.id     Order id.
 * @param props.number Order number.
 */
function OrderLink( { id, number }: { id: number; number: string } ) {
	const { orderEditUrl } = getAdminData();
	const label = sprintf(
		/* translators: %s: order number. */
		__( 'Order #%s', 'aftercare' ),
		number
	);
	return orderEditUrl ? (
		<a href={ orderEditUrl.replace( '%d', String( id ) ) }>{ label }</a>
	) : (
		<>{ label }</>
	);
}

function ReturnLink( { item }: { item: AftercareReturn } ) {
	const args = { return: String( item.id ) };
	return (
		<a href={ pageUrl( args ) } onClick={ linkHandler( args ) }>
			{ item.number }
		</a>
	);
}

/**
 * The lines with their quantities as the return went on.
 *
 * @param props      Component props.
 * @param props.item The return.
 */
function Items( { item }: { item: AftercareReturn } ) {
	return (
		<table className="widefat striped aftercare-return__items">
			<caption className="screen-reader-text">
				{ __( 'Items in the return', 'aftercare' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Item', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Reason', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Requested', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Received', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Restocked', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Refunded', 'aftercare' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ item.items.map( ( line ) => (
					<tr key={ line.id }>
						<th scope="row">{ line.name }</th>
						<td>{ line.reason_label }</td>
						<td>{ line.quantity }</td>
						<td>{ line.received_quantity }</td>
						<td>{ line.restocked_quantity }</td>
						<td>{ line.refunded_quantity }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

/**
 * What the store gave, once settled.
 *
 * @param props          Component props.
 * @param props.item     The return.
 * @param props.currency The order's currency.
 */
function Resolution( {
	item,
	currency,
}: {
	item: AftercareReturn;
	currency: string;
} ) {
	switch ( item.resolution ) {
		case 'refund':
			return (
				<p>
					{ sprintf(
						/* translators: 1: amount, 2: restocking fee, 3: refund reference. */
						__(
							'Refunded %1$s (restocking fee %2$s, reference %3$s).',
							'aftercare'
						),
						money( item.refund.amount, currency ),
						money( item.refund.fee, currency ),
						item.refund.reference || '—'
					) }
				</p>
			);
		case 'store_credit':
			return (
				<p>
					{ sprintf(
						/* translators: 1: amount, 2: coupon code. */
						__(
							'Store credit of %1$s issued as coupon %2$s.',
							'aftercare'
						),
						money( item.refund.amount, currency ),
						item.coupon_code
					) }
				</p>
			);
		case 'exchange':
			return (
				<p>
					{ __( 'Exchange order:', 'aftercare' ) }{ ' ' }
					<OrderLink
						id={ item.exchange_order_id }
						number={ String( item.exchange_order_id ) }
					/>
				</p>
			);
		default:
			return null;
	}
}

/**
 * Photos the shopper sent: thumbnails that open the full image.
 *
 * @param props      Component props.
 * @param props.item The return.
 */
function Photos( { item }: { item: AftercareReturn } ) {
	if ( ! item.photos.length ) {
		return <p>{ __( 'No photos.', 'aftercare' ) }</p>;
	}
	return (
		<ul className="aftercare-return__photos">
			{ item.photos.map( ( photo ) => (
				<li key={ photo.id }>
					<a
						href={ photo.url }
						target="_blank"
						rel="noreferrer"
						aria-label={ sprintf(
							/* translators: %s: file name. */
							__( 'Open %s full size (new tab)', 'aftercare' ),
							photo.name
						) }
					>
						<img src={ photo.url } alt={ photo.name } />
					</a>
				</li>
			) ) }
		</ul>
	);
}

/**
 * The customer's other returns, newest first.
 *
 * @param props      Component props.
 * @param props.item The return.
 */
function History( { item }: { item: AftercareReturn } ) {
	const email = item.customer.email;
	const page = useSelect(
		( select ) =>
			email
				? select( returnsStore ).getReturnsPage( {
						customer_email: email,
						orderby: 'created',
						per_page: 10,
					} )
				: null,
		[ email ]
	);
	if ( email && ! page ) {
		return <Spinner />;
	}
	const others = ( page?.items ?? [] ).filter( ( r ) => r.id !== item.id );
	if ( ! others.length ) {
		return <p>{ __( 'No other returns.', 'aftercare' ) }</p>;
	}
	return (
		<ul className="aftercare-context__list">
			{ others.map( ( other ) => (
				<li key={ other.id }>
					<ReturnLink item={ other } /> · { other.status_label }
					<br />
					{ other.created && (
						<time dateTime={ other.created }>
							{ formatDateTime( other.created ) }
						</time>
					) }
				</li>
			) ) }
		</ul>
	);
}

interface ReturnScreenProps {
	id: number;
}

/**
 * One return: its status and actions, items, photos, the conversation with the
 * shopper (the return's ticket thread), the order, the customer's other returns
 * and the timeline.
 *
 * @param props    Component props.
 * @param props.id Return id.
 */
export function ReturnScreen( { id }: ReturnScreenProps ) {
	const [ open, setOpen ] = useState< ReturnAction | null >( null );
	const { item, error, events } = useSelect(
		( select ) => ( {
			item: select( returnsStore ).getReturn( id ),
			error: select( returnsStore ).getError( `return:${ id }` ),
			events: select( returnsStore ).getReturnEvents( id ),
		} ),
		[ id ]
	);
	const ticketId = item?.ticket_id ?? 0;
	const { messages, messagesError, context } = useSelect(
		( select ) => {
			if ( ! ticketId ) {
				return { messages: null, messagesError: null, context: null };
			}
			const tickets = select( ticketsStore );
			return {
				messages: tickets.getMessages( ticketId ),
				messagesError: tickets.getError( `messages:${ ticketId }` ),
				context: tickets.getTicketContext( ticketId ),
			};
		},
		[ ticketId ]
	);

	const back = (
		<a
			className="aftercare-ticket__back"
			href={ pageUrl( {} ) }
			onClick={ linkHandler( {} ) }
		>
			{ __( '← All returns', 'aftercare' ) }
		</a>
	);

	if ( ! item ) {
		return (
			<Page title={ __( 'Return', 'aftercare' ) } actions={ back } wide>
				{ error ? (
					<Notice status="error" isDismissible={ false }>
						{ error }
					</Notice>
				) : (
					<p role="status">
						<Spinner />
						{ __( 'Loading return…', 'aftercare' ) }
					</p>
				) }
			</Page>
		);
	}

	const order = context?.orders.find( ( o ) => o.id === item.order.id );
	const currency =
		item.quote?.currency ?? order?.currency ?? context?.currency ?? '';
	const actions = availableActions( item.next_statuses );

	return (
		<Page
			title={ sprintf(
				/* translators: %s: return number, e.g. R-1001. */
				__( 'Return %s', 'aftercare' ),
				item.number
			) }
			actions={ back }
			wide
		>
			<div className="aftercare-ticket">
				<div className="aftercare-ticket__main aftercare-stack">
					<div className="aftercare-return__summary">
						<p className="aftercare-row">
							<StatusBadge item={ item } />
							<span className="aftercare-ticket__meta">
								{ sprintf(
									/* translators: 1: customer name, 2: email, 3: date, 4: what they asked for. */
									__(
										'From %1$s <%2$s>, %3$s. Asked for: %4$s.',
										'aftercare'
									),
									item.customer.name || item.customer.email,
									item.customer.email,
									item.created
										? formatDateTime( item.created )
										: '',
									labelOf( OUTCOMES(), item.outcome )
								) }
							</span>
						</p>
						<Resolution item={ item } currency={ currency } />
					</div>
					{ actions.length > 0 && (
						<div
							className="aftercare-row"
							role="group"
							aria-label={ __( 'Return actions', 'aftercare' ) }
						>
							{ actions.map( ( action ) => (
								<Button
									key={ action.id }
									__next40pxDefaultSize
									// One way forward stands out: the first the status allows.
									variant={
										action ===
										actions.find( ( a ) => a.primary )
											? 'primary'
											: 'secondary'
									}
									isDestructive={ action.id === 'reject' }
									onClick={ () => setOpen( action ) }
								>
									{ action.label }
								</Button>
							) ) }
						</div>
					) }
					{ open && (
						<ActionDialog
							item={ item }
							action={ open }
							currency={ currency }
							onClose={ () => setOpen( null ) }
						/>
					) }
					<section aria-labelledby="aftercare-return-items">
						<h2 id="aftercare-return-items">
							{ __( 'Items', 'aftercare' ) }
						</h2>
						<Items item={ item } />
					</section>
					<section aria-labelledby="aftercare-return-photos">
						<h2 id="aftercare-return-photos">
							{ __( 'Photos', 'aftercare' ) }
						</h2>
						<Photos item={ item } />
					</section>
					<section aria-labelledby="aftercare-return-conversation">
						<h2 id="aftercare-return-conversation">
							{ __(
								'Conversation with the customer',
								'aftercare'
							) }
						</h2>
						{ messagesError && (
							<Notice status="error" isDismissible={ false }>
								{ messagesError }
							</Notice>
						) }
						{ ticketId > 0 &&
							( messages ? (
								<Thread messages={ messages } />
							) : (
								<Spinner />
							) ) }
						{ ticketId > 0 && <Composer ticketId={ ticketId } /> }
					</section>
				</div>
				<aside
					className="aftercare-ticket__sidebar"
					aria-label={ __( 'Return details', 'aftercare' ) }
				>
					<Panel>
						<PanelBody title={ __( 'Order', 'aftercare' ) }>
							<p>
								<OrderLink
									id={ item.order.id }
									number={ item.order.number }
								/>
								{ order && (
									<>
										<br />
										{ order.status_label } ·{ ' ' }
										{ money( order.total, order.currency ) }
										<br />
										<time dateTime={ order.created }>
											{ formatDateTime( order.created ) }
										</time>
									</>
								) }
							</p>
						</PanelBody>
						<PanelBody
							title={ __( 'Order history', 'aftercare' ) }
							initialOpen={ false }
						>
							<OrderTimeline orderId={ item.order.id } />
						</PanelBody>
						<PanelBody
							title={ __( 'Customer’s returns', 'aftercare' ) }
						>
							<History item={ item } />
						</PanelBody>
						<PanelBody
							title={ __( 'Customer effort', 'aftercare' ) }
						>
							<CustomerAnswer
								title={ __(
									'How easy was it to return the item?',
									'aftercare'
								) }
								answer={ item.effort }
							/>
						</PanelBody>
						<PanelBody title={ __( 'Timeline', 'aftercare' ) }>
							<EventList
								events={ events }
								describe={ ( event ) =>
									describeReturnEvent(
										event,
										item,
										( value ) => money( value, currency )
									)
								}
							/>
						</PanelBody>
					</Panel>
				</aside>
			</div>
		</Page>
	);
}
