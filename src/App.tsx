/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { Suspense } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { screens } from './screens';

interface AppProps {
	/** The screen named by the mount node's `data-screen` attribute. */
	screen: string;
}

export function App( { screen }: AppProps ) {
	const Screen = screens[ screen ];
	if ( ! Screen ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: the name of an admin screen. */
					__( 'Unknown Aftercare screen: %s', 'aftercare' ),
					screen
				) }
			</Notice>
		);
	}
	return (
		<Suspense
			fallback={
				<p className="aftercare-admin-app__loading">
					{ __( 'Loading…', 'aftercare' ) }
				</p>
			}
		>
			<Screen />
		</Suspense>
	);
}
