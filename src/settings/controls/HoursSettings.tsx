/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	ExternalLink,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getAdminData } from '../../admin-data';
import { Fieldset } from './Fieldset';
import type { ControlProps } from './types';

export interface DayHours {
	open: boolean;
	start: string;
	end: string;
}

/**
 * @return Weekday names, Monday first (index 0), as the setting keeps them.
 */
function weekdays(): string[] {
	return [
		__( 'Monday', 'aftercare' ),
		__( 'Tuesday', 'aftercare' ),
		__( 'Wednesday', 'aftercare' ),
		__( 'Thursday', 'aftercare' ),
		__( 'Friday', 'aftercare' ),
		__( 'Saturday', 'aftercare' ),
		__( 'Sunday', 'aftercare' ),
	];
}

/**
 * The store's time zone, which the hours and holidays are in, and where to change it.
 */
function TimeZone() {
	const { timezone } = getAdminData();
	return (
		<p className="aftercare-settings__timezone">
			{ sprintf(
				/* translators: %s: time zone, e.g. "Europe/Berlin" or "UTC+2". */
				__( 'Times are in the store’s time zone: %s.', 'aftercare' ),
				timezone.name
			) }{ ' ' }
			<ExternalLink href={ timezone.settingsUrl }>
				{ __( 'Change the time zone', 'aftercare' ) }
			</ExternalLink>
		</p>
	);
}

/**
 * When the store answers, day by day: open or closed, and from when to when.
 *
 * @param props Control props.
 */
export function BusinessHoursSetting( props: ControlProps< DayHours[] > ) {
	const { field, value, onChange, error } = props;
	const days = value ?? [];
	const update = ( index: number, changes: Partial< DayHours > ) =>
		onChange(
			days.map( ( day, at ) =>
				at === index ? { ...day, ...changes } : day
			)
		);
	return (
		<Fieldset
			legend={ field.label }
			description={ field.description }
			error={ error }
			before={ <TimeZone /> }
		>
			<ul className="aftercare-settings__hours">
				{ weekdays().map( ( name, index ) => {
					const day = days[ index ] ?? {
						open: false,
						start: '09:00',
						end: '17:00',
					};
					return (
						<li key={ name } className="aftercare-settings__day">
							<CheckboxControl
								__nextHasNoMarginBottom
								label={ sprintf(
									/* translators: %s: weekday. */
									__( 'Open on %s', 'aftercare' ),
									name
								) }
								checked={ day.open }
								onChange={ ( open: boolean ) =>
									update( index, { open } )
								}
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								type="time"
								label={ sprintf(
									/* translators: %s: weekday. */
									__( '%s from', 'aftercare' ),
									name
								) }
								disabled={ ! day.open }
								value={ day.start }
								onChange={ ( start: string ) =>
									update( index, { start } )
								}
							/>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								type="time"
								label={ sprintf(
									/* translators: %s: weekday. */
									__( '%s until', 'aftercare' ),
									name
								) }
								disabled={ ! day.open }
								value={ day.end }
								onChange={ ( end: string ) =>
									update( index, { end } )
								}
							/>
						</li>
					);
				} ) }
			</ul>
		</Fieldset>
	);
}

/**
 * Days the store is closed (YYYY-MM-DD): a list to add to and remove from.
 *
 * @param props Control props.
 */
export function HolidaysSetting( props: ControlProps< string[] > ) {
	const { field, value, onChange, error } = props;
	const holidays = value ?? [];
	const [ date, setDate ] = useState( '' );
	const add = () => {
		if ( date && ! holidays.includes( date ) ) {
			onChange( [ ...holidays, date ].sort() );
		}
		setDate( '' );
	};
	return (
		<Fieldset
			legend={ field.label }
			description={ field.description }
			error={ error }
			before={ <TimeZone /> }
		>
			{ holidays.length > 0 ? (
				<ul className="aftercare-settings__holidays">
					{ holidays.map( ( holiday ) => (
						<li key={ holiday }>
							<time dateTime={ holiday }>{ holiday }</time>{ ' ' }
							<Button
								size="small"
								variant="tertiary"
								isDestructive
								label={ sprintf(
									/* translators: %s: date, e.g. 2026-12-25. */
									__( 'Remove %s', 'aftercare' ),
									holiday
								) }
								onClick={ () =>
									onChange(
										holidays.filter(
											( other ) => other !== holiday
										)
									)
								}
							>
								{ __( 'Remove', 'aftercare' ) }
							</Button>
						</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'No holidays.', 'aftercare' ) }</p>
			) }
			<div className="aftercare-settings__add-holiday">
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="date"
					label={ __( 'Add a holiday', 'aftercare' ) }
					value={ date }
					onChange={ setDate }
				/>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					disabled={ ! date }
					accessibleWhenDisabled
					onClick={ add }
				>
					{ __( 'Add', 'aftercare' ) }
				</Button>
			</div>
		</Fieldset>
	);
}
