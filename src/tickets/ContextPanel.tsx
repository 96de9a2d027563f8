/**
 * WordPress dependencies
 */
import { Button, Notice, SelectControl, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getAdminData } from '../admin-data';
import { ticketsStore } from '../store';
import { linkHandler, pageUrl } from '../hooks/use-query-args';
import { money } from '../utils/money';
import { formatDateTime } from '../utils/time';
import { OrderPanel } from '../orders/OrderPanel';
import { OrderTimeline } from '../orders/OrderTimeline';
import { STATUSES as RETURN_STATUSES } from '../returns/labels';
import { STATUSES, labelOf } from './labels';
import { OrderActionDialog } from './OrderActionDialog';

interface ContextPanelProps {
	ticketId: number;
	/** The order the ticket is about, if any. */
	orderId?: number | null;
}

/**
 * What the agent should know about the customer: total spent, one order at a
 * time (the ticket's own first, then any of the customer's recent orders) with
 * its lines, money, tracking, return eligibility and history, open returns and
 * other tickets (through the OrderSource port on the server), and the order
 * actions (refund, coupon, resend a mail, start a return). A guest's email
 * nobody has confirmed yet is only a claim: the server gives none of that
 * address's history, and the panel says why.
 *
 * @param props          Component props.
 * @param props.ticketId The ticket.
 * @param props.orderId  The ticket's order.
 */
export function ContextPanel( { ticketId, orderId }: ContextPanelProps ) {
	const [ chosen, setChosen ] = useState< number | null >( null );
	const [ acting, setActing ] = useState( false );
	const { context, error } = useSelect(
		( select ) => ( {
			context: select( ticketsStore ).getTicketContext( ticketId ),
			error: select( ticketsStore ).getError( `context:${ ticketId }` ),
		} ),
		[ ticketId ]
	);
	if ( error ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! context ) {
		return <Spinner />;
	}
	if ( ! context.email_verified ) {
		return (
			<div className="aftercare-context">
				<Notice status="warning" isDismissible={ false }>
					<strong>
						{ __( 'Email not confirmed', 'aftercare' ) }
					</strong>
					<br />
					{ sprintf(
						/* translators: %s: email address. */
						__(
							'Anyone can type %s into the contact form. Its orders, returns and other tickets stay hidden until the sender opens the link we emailed there, signs in, or gives an order number placed with it.',
							'aftercare'
						),
						context.customer.email
					) }
				</Notice>
			</div>
		);
	}
	const { orderEditUrl } = getAdminData();
	const options: Array< { value: string; label: string } > =
		context.orders.map( ( order ) => ( {
			value: String( order.id ),
			label: sprintf(
				/* translators: 1: order number, 2: status, 3: total, 4: date. */
				__( 'Order #%1$s · %2$s · %3$s · %4$s', 'aftercare' ),
				order.number,
				order.status_label,
				money( order.total, order.currency ),
				formatDateTime( order.created )
			),
		} ) );
	if (
		orderId &&
		! context.orders.some( ( order ) => order.id === orderId )
	) {
		options.unshift( {
			value: String( orderId ),
			label: __( 'This ticket’s order', 'aftercare' ),
		} );
	}
	const shown = context.orders_available
		? ( chosen ?? orderId ?? context.orders[ 0 ]?.id ?? null )
		: null;
	return (
		<div className="aftercare-context">
			<p>
				{ sprintf(
					/* translators: 1: number of orders, 2: amount of money. */
					_n(
						'%1$d order, %2$s spent',
						'%1$d orders, %2$s spent',
						context.order_count,
						'aftercare'
					),
					context.order_count,
					money( context.total_spent, context.currency )
				) }
			</p>
			<h3 className="aftercare-sidebar__label">
				{ __( 'Orders', 'aftercare' ) }
			</h3>
			{ shown ? (
				<>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Show order', 'aftercare' ) }
						value={ String( shown ) }
						options={ options }
						onChange={ ( value ) => setChosen( Number( value ) ) }
					/>
					{ orderEditUrl && (
						<p>
							<a
								href={ orderEditUrl.replace(
									'%d',
									String( shown )
								) }
							>
								{ __( 'Open in WooCommerce', 'aftercare' ) }
							</a>
						</p>
					) }
					<OrderPanel orderId={ shown } />
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () => setActing( true ) }
					>
						{ __( 'Order action…', 'aftercare' ) }
					</Button>
					{ acting && (
						<OrderActionDialog
							ticketId={ ticketId }
							orderId={ shown }
							customerEmail={ context.customer.email }
							onClose={ () => setActing( false ) }
						/>
					) }
					<h4 className="aftercare-sidebar__label">
						{ __( 'Order history', 'aftercare' ) }
					</h4>
					<OrderTimeline orderId={ shown } />
				</>
			) : (
				<p>{ __( 'No orders.', 'aftercare' ) }</p>
			) }
			<h3 className="aftercare-sidebar__label">
				{ __( 'Open returns', 'aftercare' ) }
			</h3>
			{ context.open_returns.length ? (
				<ul className="aftercare-context__list">
					{ context.open_returns.map( ( item ) => (
						<li key={ item.id }>
							<a
								href={ `admin.php?page=aftercare-returns&return=${ item.id }` }
							>
								{ sprintf(
									/* translators: %d: return number, e.g. 1001 in R-1001. */
									__( 'Return R-%d', 'aftercare' ),
									item.number
								) }
							</a>{ ' ' }
							· { labelOf( RETURN_STATUSES(), item.status ) }
						</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'No open returns.', 'aftercare' ) }</p>
			) }
			<h3 className="aftercare-sidebar__label">
				{ __( 'Other tickets', 'aftercare' ) }
			</h3>
			{ context.other_tickets.length ? (
				<ul className="aftercare-context__list">
					{ context.other_tickets.map( ( other ) => (
						<li key={ other.id }>
							<a
								href={ pageUrl( {
									ticket: String( other.id ),
								} ) }
								onClick={ linkHandler( {
									ticket: String( other.id ),
								} ) }
							>
								#{ other.number } { other.subject }
							</a>{ ' ' }
							· { labelOf( STATUSES(), other.status ) }
						</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'No other tickets.', 'aftercare' ) }</p>
			) }
		</div>
	);
}
