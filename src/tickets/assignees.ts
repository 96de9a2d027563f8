/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getAdminData } from '../admin-data';
import type { Option } from './labels';

/**
 * Choices for a ticket's assignee: nobody, then every agent ("0" = unassigned).
 *
 * @return Options for a select.
 */
export function assigneeOptions(): Option[] {
	return [
		{ value: '0', label: __( 'Unassigned', 'aftercare' ) },
		...getAdminData().agents.map( ( agent ) => ( {
			value: String( agent.id ),
			label: agent.name,
		} ) ),
	];
}
