/**
 * "Was this helpful?": a vote, then an optional comment, sent to
 * `POST aftercare/v1/help/articles/{id}/feedback` with the anonymous visitor id the store
 * issued (voting again changes the vote).
 */

/**
 * WordPress dependencies
 */
import { getContext, getElement, store } from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { sendAsVisitor } from '../help-center/api';

interface FeedbackContext {
	rest: string;
	articleId: number;
	ready: boolean;
	vote: '' | 'yes' | 'no';
	busy: boolean;
	commented: boolean;
	message: string;
}

/** Set by render.php through wp_interactivity_state(), translated. */
interface ServerState {
	state: {
		messages: { thanks: string; saved: string; failed: string };
		labels: { yes: string; no: string };
	};
}

/**
 * Sends the vote (and comment).
 *
 * @param context The block's context.
 * @param comment The comment, or undefined to keep an earlier one.
 * @return Whether the server took it.
 */
async function send(
	context: FeedbackContext,
	comment?: string
): Promise< boolean > {
	return sendAsVisitor( context.rest, ( visitor ) =>
		fetch(
			new URL( `articles/${ context.articleId }/feedback`, context.rest ),
			{
				method: 'POST',
				credentials: 'omit',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify( {
					helpful: context.vote === 'yes',
					visitor,
					...( comment === undefined ? {} : { comment } ),
				} ),
			}
		)
	).catch( () => false );
}

function* vote(
	value: 'yes' | 'no'
): Generator< Promise< boolean >, void, boolean > {
	const context = getContext< FeedbackContext >();
	context.vote = value;
	context.busy = true;
	const ok = yield send( context );
	context.busy = false;
	context.message = ok ? state.messages.thanks : state.messages.failed;
	if ( ! ok ) {
		context.vote = '';
	}
}

const storeDefinition = {
	state: {
		get saidYes(): boolean {
			return getContext< FeedbackContext >().vote === 'yes';
		},
		get saidNo(): boolean {
			return getContext< FeedbackContext >().vote === 'no';
		},
		get canComment(): boolean {
			const context = getContext< FeedbackContext >();
			return context.vote !== '' && ! context.commented;
		},
		get commentLabel(): string {
			return getContext< FeedbackContext >().vote === 'yes'
				? state.labels.yes
				: state.labels.no;
		},
	},
	actions: {
		*yes(): Generator< Promise< boolean >, void, boolean > {
			yield* vote( 'yes' );
		},
		*no(): Generator< Promise< boolean >, void, boolean > {
			yield* vote( 'no' );
		},
		*comment(
			event: SubmitEvent
		): Generator< Promise< boolean >, void, boolean > {
			event.preventDefault();
			const form = getElement().ref as HTMLFormElement;
			const text = (
				form.elements.namedItem( 'comment' ) as HTMLTextAreaElement
			 ).value.trim();
			if ( text === '' ) {
				return;
			}
			const context = getContext< FeedbackContext >();
			context.busy = true;
			const ok = yield send( context, text );
			context.busy = false;
			context.commented = ok;
			context.message = ok ? state.messages.saved : state.messages.failed;
		},
	},
	callbacks: {
		show(): void {
			getContext< FeedbackContext >().ready = true;
		},
	},
};

const { state } = store< ServerState & typeof storeDefinition >(
	'aftercare/article-feedback',
	storeDefinition
);
