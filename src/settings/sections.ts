/**
 * The sections of Support → Settings, in the order a store owner scans them, and the extra
 * tools other parts of the plugin show under a section's fields.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../api';
import type { SectionId } from './schema';
import { EmailTools } from '../mail/EmailTools';
import { PolicySimulator } from '../returns/PolicySimulator';

export interface Section {
	id: SectionId;
	title: string;
}

/**
 * @return The sections, titled.
 */
export function sections(): Section[] {
	return [
		{ id: 'general', title: __( 'General', 'aftercare' ) },
		{ id: 'tickets', title: __( 'Tickets & SLA', 'aftercare' ) },
		{ id: 'returns', title: __( 'Returns', 'aftercare' ) },
		{ id: 'help', title: __( 'Help center', 'aftercare' ) },
		{ id: 'email', title: __( 'Email', 'aftercare' ) },
		{ id: 'privacy', title: __( 'Privacy', 'aftercare' ) },
	];
}

/** What an extra gets: the settings as edited (unsaved changes included). */
export interface SectionExtraProps {
	settings: AftercareSettings;
}

/**
 * Components rendered under a section's fields, e.g. the mailbox tools under Email or the
 * return-policy simulator under Returns.
 */
export const sectionExtras: Partial<
	Record< SectionId, ComponentType< SectionExtraProps > >
> = { email: EmailTools, returns: PolicySimulator };
