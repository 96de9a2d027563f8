/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../../api';
import type { SettingField } from '../schema';

/** What every settings control gets. */
export interface ControlProps< Value = unknown > {
	field: SettingField;
	value: Value;
	/** Records the new value; undefined drops the edit (a write-only field left empty). */
	onChange: ( value: Value | undefined ) => void;
	/** Why the server refused the value at the last save. */
	error?: string;
	/** Every setting as edited, for controls that depend on another (the saved password flag). */
	settings: AftercareSettings;
}
