/**
 * WordPress dependencies
 */
import { Icon } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { lock } from '@wordpress/icons';

/**
 * Internal dependencies
 */
import type { AftercareMessage } from '../api';
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
