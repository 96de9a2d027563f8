/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareTicket } from '../api';
import { formatDateTime } from '../utils/time';

/** A customer's answer to a mailed question: a ticket's `rating`, a return's `effort`. */
export type Answer = AftercareTicket[ 'rating' ];

interface CustomerAnswerProps {
	/** What was asked, e.g. "Customer rating". */
	title: string;
	answer: Answer | undefined;
}

/**
 * The customer's answer (in words, as the server put it), when they gave it and their comment.
 *
 * @param props        Component props.
 * @param props.title  The heading.
 * @param props.answer The answer, null when none was given.
 */
export function CustomerAnswer( { title, answer }: CustomerAnswerProps ) {
	return (
		<div className="aftercare-customer-answer">
			<h3 className="aftercare-sidebar__label">{ title }</h3>
			{ answer ? (
				<>
					<p>
						<strong>{ answer.label }</strong>
						{ answer.rated && (
							<>
								{ ' · ' }
								<time dateTime={ answer.rated }>
									{ formatDateTime( answer.rated ) }
								</time>
							</>
						) }
					</p>
					{ answer.comment && (
						<blockquote className="aftercare-customer-answer__comment">
							{ answer.comment }
						</blockquote>
					) }
				</>
			) : (
				<p>{ __( 'No answer yet.', 'aftercare' ) }</p>
			) }
		</div>
	);
}
