/**
 * WordPress dependencies
 */
import { lazy } from '@wordpress/element';
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import { SettingsScreen } from './settings/SettingsScreen';
import { HelpCenterScreen } from './help-center/HelpCenterScreen';

/**
 * The screens PHP can ask for with the mount node's `data-screen` attribute.
 */
export const screens: Record< string, ComponentType > = {
	settings: SettingsScreen,
	// The ticket screens bring DataViews: loaded only on their pages (App suspends meanwhile).
	desk: lazy( () =>
		import( './tickets/DeskScreen' ).then( ( module ) => ( {
			default: module.DeskScreen,
		} ) )
	),
	'saved-replies': lazy( () =>
		import( './tickets/saved-replies/SavedRepliesScreen' ).then(
			( module ) => ( {
				default: module.SavedRepliesScreen,
			} )
		)
	),
	'help-center': HelpCenterScreen,
	'received-mail': lazy( () =>
		import( './mail/ReceivedMailScreen' ).then( ( module ) => ( {
			default: module.ReceivedMailScreen,
		} ) )
	),
	reports: lazy( () =>
		import( './reports/ReportsScreen' ).then( ( module ) => ( {
			default: module.ReportsScreen,
		} ) )
	),
	returns: lazy( () =>
		import( './returns/ReturnsScreen' ).then( ( module ) => ( {
			default: module.ReturnsScreen,
		} ) )
	),
};
