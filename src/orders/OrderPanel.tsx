/**
 * WordPress dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ordersStore } from '../store';
import './orders.scss';
import { money } from '../utils/money';
import { formatDateTime } from '../utils/time';

interface OrderPanelProps {
	orderId: number;
}

/**
 * One order as an agent needs it beside a ticket: its lines with pictures and
 * whether each can still be returned (and why not, from the returns policy on
 * the server), totals, payment method, refunds so far and tracking.
 *
 * @param props         Component props.
 * @param props.orderId The order.
 */
export function OrderPanel( { orderId }: OrderPanelProps ) {
	const { order, eligibility, eligibilityError, error } = useSelect(
		( select ) => {
			const orders = select( ordersStore );
			return {
				order: orders.getOrder( orderId ),
				eligibility: orders.getReturnEligibility( orderId ),
				eligibilityError: orders.getError( `eligibility:${ orderId }` ),
				error: orders.getError( `order:${ orderId }` ),
			};
		},
		[ orderId ]
	);
	if ( error ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! order ) {
		return <Spinner />;
	}
	const lines = new Map(
		( eligibility?.items ?? [] ).map( ( line ) => [
			line.order_item_id,
			line,
		] )
	);
	const total = ( label: string, amount: number ) => (
		<>
			<dt>{ label }</dt>
			<dd>{ money( amount, order.currency ) }</dd>
		</>
	);
	return (
		<div className="aftercare-order-panel">
			<p>
				{ order.status_label } ·{ ' ' }
				<time dateTime={ order.created }>
					{ formatDateTime( order.created ) }
				</time>
			</p>
			<ul className="aftercare-order-panel__items">
				{ order.items.map( ( item ) => {
					const line = lines.get( item.id );
					return (
						<li key={ item.id }>
							{ item.image ? (
								<img
									src={ item.image }
									alt=""
									width={ 40 }
									height={ 40 }
								/>
							) : (
								<span className="aftercare-order-panel__no-image" />
							) }
							<span>
								{ sprintf(
									/* translators: 1: quantity, 2: product name. */
									__( '%1$d × %2$s', 'aftercare' ),
									item.quantity,
									item.name
								) }{ ' ' }
								· { money( item.total, order.currency ) }
								{ item.refunded_quantity > 0 && (
									<>
										<br />
										{ sprintf(
											/* translators: %d: quantity refunded. */
											__( '%d refunded', 'aftercare' ),
											item.refunded_quantity
										) }
									</>
								) }
								<br />
								<span className="aftercare-order-panel__eligibility">
									{ eligibility === null &&
										! eligibilityError && <Spinner /> }
									{ line &&
										( line.returnable > 0
											? sprintf(
													/* translators: %d: quantity that can be returned. */
													_n(
														'%d can be returned',
														'%d can be returned',
														line.returnable,
														'aftercare'
													),
													line.returnable
												)
											: sprintf(
													/* translators: %s: why not. */
													__(
														'Not returnable: %s',
														'aftercare'
													),
													line.reason
												) ) }
								</span>
							</span>
						</li>
					);
				} ) }
			</ul>
			<dl className="aftercare-order-panel__totals">
				{ total( __( 'Subtotal', 'aftercare' ), order.subtotal ) }
				{ order.discount > 0 &&
					total( __( 'Discount', 'aftercare' ), -order.discount ) }
				{ total( __( 'Shipping', 'aftercare' ), order.shipping ) }
				{ order.tax > 0 &&
					total( __( 'Tax', 'aftercare' ), order.tax ) }
				{ total( __( 'Total', 'aftercare' ), order.total ) }
				{ order.total_refunded > 0 &&
					total(
						__( 'Refunded', 'aftercare' ),
						-order.total_refunded
					) }
				<dt>{ __( 'Payment', 'aftercare' ) }</dt>
				<dd>{ order.payment_method || __( 'None', 'aftercare' ) }</dd>
			</dl>
			{ order.coupons.length > 0 && (
				<p>
					{ sprintf(
						/* translators: %s: coupon codes. */
						__( 'Coupons: %s', 'aftercare' ),
						order.coupons.join( ', ' )
					) }
				</p>
			) }
			{ order.refunds.length > 0 && (
				<>
					<h4 className="aftercare-sidebar__label">
						{ __( 'Refunds', 'aftercare' ) }
					</h4>
					<ul className="aftercare-context__list">
						{ order.refunds.map( ( refund ) => (
							<li key={ refund.reference }>
								{ money( refund.amount, order.currency ) }
								{ refund.reason && ` · ${ refund.reason }` }
								<br />
								<time dateTime={ refund.time }>
									{ formatDateTime( refund.time ) }
								</time>
							</li>
						) ) }
					</ul>
				</>
			) }
			<h4 className="aftercare-sidebar__label">
				{ __( 'Tracking', 'aftercare' ) }
			</h4>
			{ order.tracking.length ? (
				<ul className="aftercare-context__list">
					{ order.tracking.map( ( shipment ) => (
						<li key={ shipment.number }>
							{ shipment.carrier }{ ' ' }
							{ shipment.url ? (
								<a
									href={ shipment.url }
									target="_blank"
									rel="noopener noreferrer"
								>
									{ shipment.number }
								</a>
							) : (
								shipment.number
							) }
						</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'Not shipped yet.', 'aftercare' ) }</p>
			) }
		</div>
	);
}
