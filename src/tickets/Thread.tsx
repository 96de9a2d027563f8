/**
 * WordPress dependencies
 */
import { Button, Icon, Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { envelope, lock } from '@wordpress/icons';

/**
 * Internal dependencies
 */
import type { AftercareMessage } from '../api';
import { ticketsStore } from '../store';
import { formatDateTime } from '../utils/time';

function fileSize( bytes: number ): string {
	return bytes >= 1048576
		? sprintf(
				/* translators: %s: size in megabytes. */
				__( '%s MB', 'aftercare' ),
				( bytes / 1048576 ).toFixed( 1 )
			)
		: sprintf(
				/* translators: %s: size in kilobytes. */
				__( '%s KB', 'aftercare' ),
				String( Math.max( 1, Math.round( bytes / 1024 ) ) )
			);
}

/**
 * The quoted history cut from a mailed message, asked for the first time it is
 * shown.
 *
 * @param props         Component props.
 * @param props.message The message.
 */
function QuotedText( { message }: { message: AftercareMessage } ) {
	const [ open, setOpen ] = useState( false );
	const { html, error } = useSelect(
		( select ) =>
			open
				? {
						html: select( ticketsStore ).getQuotedText(
							message.ticket_id,
							message.id
						),
						error: select( ticketsStore ).getError(
							`quoted:${ message.id }`
						),
					}
				: { html: null, error: null },
		[ open, message.ticket_id, message.id ]
	);
	const id = `aftercare-quoted-${ message.id }`;
	let content = null;
	if ( open && error ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	} else if ( open && html === null ) {
		content = <Spinner />;
	} else if ( open ) {
		content = (
			<div
				className="aftercare-message__quoted-body"
				// Sanitized by the server like every message body.
				dangerouslySetInnerHTML={ { __html: html ?? '' } }
			/>
		);
	}
	return (
		<div className="aftercare-message__quoted">
			<Button
				variant="link"
				aria-expanded={ open }
				aria-controls={ id }
				onClick={ () => setOpen( ! open ) }
			>
				{ open
					? __( 'Hide quoted text', 'aftercare' )
					: __( 'Show quoted text', 'aftercare' ) }
			</Button>
			<div id={ id }>{ content }</div>
		</div>
	);
}

/**
 * Where a mailed message came from, and whether it was matched to this ticket
 * (by its reply address, headers or subject) or opened it.
 *
 * @param props       Component props.
 * @param props.email The message's mail details.
 */
function EmailLabel( {
	email,
}: {
	email: NonNullable< AftercareMessage[ 'email' ] >;
} ) {
	return (
		<span className="aftercare-message__email-label">
			<Icon icon={ envelope } size={ 16 } />
			{ email.matched
				? sprintf(
						/* translators: %s: sender's email address. */
						__(
							'Email from %s, threaded into this ticket',
							'aftercare'
						),
						email.sender
					)
				: sprintf(
						/* translators: %s: sender's email address. */
						__(
							'Email from %s, which opened this ticket',
							'aftercare'
						),
						email.sender
					) }
		</span>
	);
}

interface ThreadProps {
	messages: AftercareMessage[];
}

/**
 * The conversation, oldest first. Internal notes look different and say so in
 * words, so no one mistakes them for something the customer saw.
 *
 * @param props          Component props.
 * @param props.messages The messages.
 */
export function Thread( { messages }: ThreadProps ) {
	return (
		<ol className="aftercare-thread">
			{ messages.map( ( message ) => {
				const isNote = message.type === 'note';
				return (
					<li
						key={ message.id }
						className={ `aftercare-message aftercare-message--${ message.type } aftercare-message--${ message.author.role }` }
					>
						<article
							aria-labelledby={ `aftercare-message-${ message.id }` }
						>
							<header className="aftercare-message__header">
								<h3
									id={ `aftercare-message-${ message.id }` }
									className="aftercare-message__author"
								>
									{ message.author.name }
								</h3>
								{ isNote && (
									<span className="aftercare-message__note-label">
										<Icon icon={ lock } size={ 16 } />
										{ __(
											'Internal note (customer does not see it)',
											'aftercare'
										) }
									</span>
								) }
								{ message.email && (
									<EmailLabel email={ message.email } />
								) }
								<time dateTime={ message.created }>
									{ formatDateTime( message.created ) }
								</time>
							</header>
							<div
								className="aftercare-message__body"
								// Sanitized by the server with a strict allowlist (wp_kses).
								dangerouslySetInnerHTML={ {
									__html: message.body,
								} }
							/>
							{ message.email?.has_quoted && (
								<QuotedText message={ message } />
							) }
							{ message.attachments.length > 0 && (
								<ul
									className="aftercare-message__attachments"
									aria-label={ __(
										'Attachments',
										'aftercare'
									) }
								>
									{ message.attachments.map( ( file ) => (
										<li key={ file.id }>
											<a href={ file.url }>
												{ file.name }
											</a>{ ' ' }
											({ fileSize( file.size ) })
										</li>
									) ) }
								</ul>
							) }
						</article>
					</li>
				);
			} ) }
		</ol>
	);
}
