/**
 * Internal dependencies
 */
import type { ControlKind } from '../schema';
import {
	CheckboxesSetting,
	DurationSetting,
	LinesSetting,
	NumberSetting,
	PageSetting,
	PasswordSetting,
	SelectSetting,
	TextSetting,
	ToggleSetting,
} from './basic';
import { BusinessHoursSetting, HolidaysSetting } from './HoursSettings';
import { IdsSetting } from './IdsSetting';
import { PriorityRulesSetting } from './PriorityRulesSetting';
import { ReasonsSetting } from './ReasonsSetting';
import type { ControlProps } from './types';

export type { ControlProps } from './types';

/**
 * The component for each kind of control (the props' value is the setting's, whatever it is).
 */
export const CONTROLS: Record<
	ControlKind,
	( props: ControlProps< any > ) => JSX.Element
> = {
	toggle: ToggleSetting,
	number: NumberSetting,
	duration: DurationSetting,
	text: TextSetting,
	textarea: TextSetting,
	password: PasswordSetting,
	select: SelectSetting,
	checkboxes: CheckboxesSetting,
	lines: LinesSetting,
	ids: IdsSetting,
	page: PageSetting,
	products: IdsSetting,
	product_categories: IdsSetting,
	reasons: ReasonsSetting,
	priority_rules: PriorityRulesSetting,
	business_hours: BusinessHoursSetting,
	holidays: HolidaysSetting,
};
