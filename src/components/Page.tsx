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
	children: ReactNode;
}

/**
 * The frame every Aftercare admin screen shares: heading, content, notices.
 *
 * @param props          Component props.
 * @param props.title    The screen title.
 * @param props.children The screen content.
 */
export function Page( { title, children }: PageProps ) {
	return (
		<div className="aftercare-page">
			<div className="aftercare-page__header">
				<h1 className="aftercare-page__title">{ title }</h1>
			</div>
			<div className="aftercare-page__content">{ children }</div>
			<Notices />
		</div>
	);
}
