/**
 * WordPress dependencies
 */
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import { SettingsScreen } from './SettingsScreen';
import { DeskScreen } from './tickets/DeskScreen';
import { SavedRepliesScreen } from './saved-replies/SavedRepliesScreen';
import { HelpCenterScreen } from './HelpCenterScreen';

/**
 * The screens PHP can ask for with the mount node's `data-screen` attribute.
 */
export const screens: Record< string, ComponentType > = {
	settings: SettingsScreen,
	desk: DeskScreen,
	'saved-replies': SavedRepliesScreen,
	'help-center': HelpCenterScreen,
};
