/**
 * Internal dependencies
 */
import schema from '../../../api/schema/settings.json';
import type { AftercareSettings } from '../../../api/types';

/**
 * A complete settings record as the REST API serves it before anything is saved: every
 * default of the exported schema, so the fixture follows new settings by itself.
 *
 * @param overrides Fields to change.
 */
export function settingsRecord(
	overrides: Partial< AftercareSettings > = {}
): AftercareSettings {
	const defaults = Object.fromEntries(
		Object.entries( schema.properties ).map( ( [ name, field ] ) => [
			name,
			field.default,
		] )
	) as unknown as AftercareSettings;
	return { ...defaults, ...overrides };
}
