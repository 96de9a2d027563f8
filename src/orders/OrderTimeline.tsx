/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ordersStore } from '../store';
import { formatDateTime } from '../utils/time';

interface OrderTimelineProps {
	orderId: number;
}

/**
 * An order's whole story as agents see it (the order-timeline resource):
 * order events, lookups, tickets, returns, refunds and coupons, oldest first,
 * a page at a time.
 *
 * @param props         Component props.
 * @param props.orderId The order.
 */
export function OrderTimeline( { orderId }: OrderTimelineProps ) {
	const { timeline, error } = useSelect(
		( select ) => ( {
			timeline: select( ordersStore ).getOrderTimeline( orderId ),
			error: select( ordersStore ).getError( `timeline:${ orderId }` ),
		} ),
		[ orderId ]
	);
	const { loadMoreTimeline } = useDispatch( ordersStore );
	if ( error && ! timeline ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! timeline ) {
		return <Spinner />;
	}
	if ( ! timeline.events.length ) {
		return <p>{ __( 'Nothing has happened yet.', 'aftercare' ) }</p>;
	}
	const left = timeline.total - timeline.events.length;
	return (
		<>
			<ol className="aftercare-timeline aftercare-order-timeline">
				{ timeline.events.map( ( event, index ) => (
					<li
						key={ `${ event.time }-${ index }` }
						data-source={ event.source }
					>
						<span>
							{ event.url ? (
								<a href={ event.url }>{ event.label }</a>
							) : (
								event.label
							) }
							{ event.detail && (
								<span className="aftercare-order-timeline__detail">
									{ ' ' }
									{ event.detail }
								</span>
							) }
						</span>
						<span className="aftercare-timeline__meta">
							{ event.actor
								? sprintf(
										/* translators: 1: person, 2: date and time. */
										__( '%1$s, %2$s', 'aftercare' ),
										event.actor,
										formatDateTime( event.time )
									)
								: formatDateTime( event.time ) }
						</span>
					</li>
				) ) }
			</ol>
			{ error && (
				<Notice status="warning" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ left > 0 && (
				<Button
					variant="secondary"
					onClick={ () => loadMoreTimeline( orderId ) }
				>
					{ sprintf(
						/* translators: %d: number of events not shown yet. */
						__( 'Show more (%d)', 'aftercare' ),
						left
					) }
				</Button>
			) }
		</>
	);
}
