/**
 * WordPress dependencies
 */
import { Button, Modal, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { mailStore } from '../store';
import { labelOf } from '../tickets/labels';
import { formatDateTime } from '../utils/time';
import { SOURCES } from './labels';
import { OutcomeBadge, TicketLink } from './ReceivedParts';

interface ReceivedMailDetailsProps {
	id: number;
	onClose: () => void;
}

/**
 * One received mail over the log: what happened and why, the raw message as it
 * came (text, never rendered), and for a message kept for an agent, Retry and
 * Dismiss.
 *
 * @param props         Component props.
 * @param props.id      The log entry.
 * @param props.onClose Called to close the dialog.
 */
export function ReceivedMailDetails( {
	id,
	onClose,
}: ReceivedMailDetailsProps ) {
	const { item, error } = useSelect(
		( select ) => ( {
			item: select( mailStore ).getReceived( id ),
			error: select( mailStore ).getError( `received:${ id }` ),
		} ),
		[ id ]
	);
	const { retryReceived, dismissReceived } = useDispatch( mailStore );
	const [ busy, setBusy ] = useState( false );
	const [ failure, setFailure ] = useState< string | null >( null );

	const run = async ( action: () => Promise< string | null > ) => {
		setBusy( true );
		setFailure( null );
		const message = await action();
		setBusy( false );
		setFailure( message );
		return message === null;
	};

	let content;
	if ( error ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	} else if ( ! item || item.raw === undefined ) {
		content = (
			<p role="status">
				<Spinner />
				{ __( 'Loading the message…', 'aftercare' ) }
			</p>
		);
	} else {
		const kept = item.outcome === 'needs_attention';
		content = (
			<>
				<dl className="aftercare-mail__list">
					<div className="aftercare-mail__row">
						<dt>{ __( 'What happened', 'aftercare' ) }</dt>
						<dd>
							<OutcomeBadge outcome={ item.outcome } />{ ' ' }
							{ item.reason }
						</dd>
					</div>
					<div className="aftercare-mail__row">
						<dt>{ __( 'From', 'aftercare' ) }</dt>
						<dd>{ item.sender || '—' }</dd>
					</div>
					<div className="aftercare-mail__row">
						<dt>{ __( 'Received', 'aftercare' ) }</dt>
						<dd>
							{ formatDateTime( item.received ) } (
							{ labelOf( SOURCES(), item.source ) })
						</dd>
					</div>
					{ item.ticket_id > 0 && (
						<div className="aftercare-mail__row">
							<dt>{ __( 'Ticket', 'aftercare' ) }</dt>
							<dd>
								<TicketLink item={ item } />
							</dd>
						</div>
					) }
				</dl>
				<h2 className="aftercare-mail__raw-title">
					{ __( 'The message as it came', 'aftercare' ) }
				</h2>
				{ item.raw_truncated && (
					<p>
						{ __(
							'Only the beginning of a long message is shown.',
							'aftercare'
						) }
					</p>
				) }
				{ /* Text, never markup: React escapes it. Focusable so it scrolls with the keyboard. */ }
				<pre
					className="aftercare-mail__raw"
					tabIndex={ 0 }
					aria-label={ __( 'Raw message', 'aftercare' ) }
				>
					{ item.raw }
				</pre>
				{ failure && (
					<Notice status="error" isDismissible={ false }>
						{ failure }
					</Notice>
				) }
				<div className="aftercare-mail__dialog-actions">
					{ kept && (
						<>
							<Button
								__next40pxDefaultSize
								variant="secondary"
								isDestructive
								disabled={ busy }
								accessibleWhenDisabled
								onClick={ async () => {
									if (
										await run( () => dismissReceived( id ) )
									) {
										onClose();
									}
								} }
							>
								{ __( 'Dismiss', 'aftercare' ) }
							</Button>
							<Button
								__next40pxDefaultSize
								variant="primary"
								isBusy={ busy }
								disabled={ busy }
								accessibleWhenDisabled
								onClick={ () =>
									void run( () => retryReceived( id ) )
								}
							>
								{ __( 'Try again', 'aftercare' ) }
							</Button>
						</>
					) }
					{ ! kept && (
						<Button
							__next40pxDefaultSize
							variant="secondary"
							onClick={ onClose }
						>
							{ __( 'Close', 'aftercare' ) }
						</Button>
					) }
				</div>
			</>
		);
	}

	return (
		<Modal
			title={
				item?.subject ||
				( item
					? __( '(no subject)', 'aftercare' )
					: __( 'Received mail', 'aftercare' ) )
			}
			onRequestClose={ onClose }
			size="large"
		>
			{ content }
		</Modal>
	);
}
