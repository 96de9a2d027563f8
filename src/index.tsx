/**
 * The Aftercare wp-admin app. PHP prints one mount node per screen:
 *
 *     <div id="aftercare-admin-app" data-screen="settings"></div>
 */

/**
 * WordPress dependencies
 */
import domReady from '@wordpress/dom-ready';
import { StrictMode, createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { App } from './App';
import './index.scss';

export const MOUNT_NODE_ID = 'aftercare-admin-app';

domReady( () => {
	const node = document.getElementById( MOUNT_NODE_ID );
	if ( ! node ) {
		return;
	}
	createRoot( node ).render(
		<StrictMode>
			<App screen={ node.dataset.screen ?? '' } />
		</StrictMode>
	);
} );
