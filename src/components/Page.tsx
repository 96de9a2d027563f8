/**
 * WordPress dependencies
 */
import type { ReactNode } from 'react';

/**
 * Internal dependencies
 */
import { Notices } from './Notices';

interface PageProps {
	/** The screen's title, shown as its only h1. */
	title: string;
	/** Buttons beside the title, e.g. "New ticket". */
	actions?: ReactNode;
	/** Use the screen's full width (lists, the ticket screen) instead of a form's. */
	wide?: boolean;
	children: ReactNode;
}

/**
 * The frame every Aftercare admin screen shares: heading, content, notices.
 *
 * @param props          Component props.
 * @param props.title    The screen title.
 * @param props.actions  Buttons beside the title.
 * @param props.wide     Whether the content takes the full width.
 * @param props.children The screen content.
 */
export function Page( { title, actions, wide = false, children }: PageProps ) {
	return (
		<div
			className={
				wide ? 'aftercare-page aftercare-page--wide' : 'aftercare-page'
			}
		>
			<div className="aftercare-page__header">
				<h1 className="aftercare-page__title">{ title }</h1>
				{ actions }
			</div>
			<div className="aftercare-page__content">{ children }</div>
			<Notices />
		</div>
	);
}
