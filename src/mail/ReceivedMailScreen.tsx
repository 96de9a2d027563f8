/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import type { Field, View } from '@wordpress/dataviews/wp';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Page } from '../components/Page';
import { QueueTable, QueueViewsNav } from '../components/QueueTable';
import { navigate, useQueryArgs } from '../hooks/use-query-args';
import { useLastPage, useUrlView } from '../hooks/use-url-view';
import { mailStore } from '../store';
import { labelOf } from '../tickets/labels';
import { formatDateTime, formatRelative } from '../utils/time';
import type { MailStatus, ReceivedMail } from './api';
import { OUTCOMES, SOURCES } from './labels';
import { ReceivedMailDetails } from './ReceivedMailDetails';
import { OutcomeBadge, TicketLink } from './ReceivedParts';
import { argsFromView, queryFromView, viewFromArgs } from './url-state';
import './mail.scss';

const DEFAULT_FIELDS = [
	'received',
	'sender',
	'outcome',
	'reason',
	'ticket',
	'source',
];

function fields(): Field< ReceivedMail >[] {
	return [
		{
			id: 'subject',
			label: __( 'Subject', 'aftercare' ),
			enableHiding: false,
			enableSorting: false,
			getValue: ( { item } ) =>
				item.subject || __( '(no subject)', 'aftercare' ),
		},
		{
			id: 'received',
			label: __( 'Received', 'aftercare' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<time
					dateTime={ item.received }
					title={ formatDateTime( item.received ) }
				>
					{ formatRelative( item.received ) }
				</time>
			),
		},
		{
			id: 'sender',
			label: __( 'From', 'aftercare' ),
			enableSorting: false,
			filterBy: false,
		},
		{
			id: 'outcome',
			label: __( 'What happened', 'aftercare' ),
			elements: OUTCOMES(),
			filterBy: { operators: [ 'is' ], isPrimary: true },
			enableSorting: false,
			render: ( { item } ) => <OutcomeBadge outcome={ item.outcome } />,
		},
		{
			id: 'reason',
			label: __( 'Why', 'aftercare' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span className="aftercare-mail__wrap">{ item.reason }</span>
			),
		},
		{
			id: 'ticket',
			label: __( 'Ticket', 'aftercare' ),
			enableSorting: false,
			filterBy: false,
			getValue: ( { item } ) => item.ticket_number ?? '',
			render: ( { item } ) => <TicketLink item={ item } />,
		},
		{
			id: 'source',
			label: __( 'Came in by', 'aftercare' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => <>{ labelOf( SOURCES(), item.source ) }</>,
		},
	];
}

/**
 * All mail, or one outcome; "Needs attention" with its count.
 *
 * @param props        Component props.
 * @param props.view   The log's view.
 * @param props.status The mail status (for the count), once loaded.
 */
function OutcomeNav( {
	view,
	status,
}: {
	view: View;
	status: MailStatus | null;
} ) {
	const chosen = view.filters?.find( ( f ) => f.field === 'outcome' )
		?.value as string | undefined;
	const options = [
		{ value: '', label: __( 'All', 'aftercare' ) },
		...OUTCOMES(),
	];
	return (
		<QueueViewsNav
			label={ __( 'What happened to the mail', 'aftercare' ) }
			links={ options.map( ( option ) => ( {
				key: option.value || 'all',
				label: option.label,
				args: argsFromView( {
					...view,
					page: 1,
					filters: option.value
						? [
								{
									field: 'outcome',
									operator: 'is',
									value: option.value,
								},
							]
						: [],
				} ),
				current: ( chosen ?? '' ) === option.value,
				count:
					option.value === 'needs_attention'
						? status?.needs_attention
						: undefined,
			} ) ) }
		/>
	);
}

/**
 * Support → Received mail: the last messages that came in by the webhooks or the
 * mailbox and what happened to each, filtered by outcome; one opens over the
 * list (`&received=ID`) with its reason and raw message.
 */
export function ReceivedMailScreen() {
	const { state: view, changeView } = useUrlView(
		viewFromArgs,
		DEFAULT_FIELDS
	);
	const args = useQueryArgs();
	const query = useMemo( () => queryFromView( view ), [ view ] );
	const { page, error, status } = useSelect(
		( select ) => ( {
			page: select( mailStore ).getReceivedPage( query ),
			error: select( mailStore ).getReceivedError( query ),
			status: select( mailStore ).getMailStatus(),
		} ),
		[ query ]
	);
	const shown = useLastPage( page );
	const fieldList = useMemo( fields, [] );
	const total = shown?.total ?? 0;
	const listArgs = argsFromView( view );
	const openId = Number( args.received );

	const onChangeView = ( next: View ) => {
		const outcomeChanged =
			JSON.stringify( next.filters ) !== JSON.stringify( view.filters ) ||
			next.perPage !== view.perPage;
		changeView(
			view,
			next,
			argsFromView( outcomeChanged ? { ...next, page: 1 } : next )
		);
	};

	return (
		<Page title={ __( 'Received mail', 'aftercare' ) } wide>
			<p className="aftercare-mail__intro">
				{ __(
					'The last messages that came in by the webhooks or the mailbox, and what became of each. Messages that need attention could not be read or stored: open one to see why, try it again, or dismiss it.',
					'aftercare'
				) }
			</p>
			<OutcomeNav view={ view } status={ status } />
			<QueueTable< ReceivedMail >
				view={ view }
				onChangeView={ onChangeView }
				fields={ fieldList }
				items={ shown?.items ?? [] }
				isLoading={ ! page && ! error }
				totalItems={ total }
				error={ error }
				retry={ {
					store: mailStore,
					selector: 'getReceivedPage',
					args: [ query ],
				} }
				linkArg="received"
				linkKeeps={ listArgs }
				emptyLabel={ __( 'No mail received here yet.', 'aftercare' ) }
				failedLabel={ __(
					'The received mail could not be loaded.',
					'aftercare'
				) }
			/>
			{ openId > 0 && (
				<ReceivedMailDetails
					id={ openId }
					onClose={ () => navigate( listArgs ) }
				/>
			) }
		</Page>
	);
}
