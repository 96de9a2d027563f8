/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../api';

interface Props {
	settings: AftercareSettings;
	onChange: ( edits: Partial< AftercareSettings > ) => void;
}

/**
 * What happens when a customer answers "How did we do?" with Bad.
 *
 * @param props          Props.
 * @param props.settings Edited settings.
 * @param props.onChange Records edits.
 */
export function SatisfactionSettings( { settings, onChange }: Props ) {
	return (
		<Card>
			<CardHeader>
				<h2 className="aftercare-settings__section-title">
					{ __( 'Customer satisfaction', 'aftercare' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<p>
					{ __(
						'The mail that tells a customer their ticket is solved asks “How did we do?” (Good, Okay, Bad); a settled return’s mail asks how easy returning was (1 to 5). Customers can answer, or change their answer, for 7 days.',
						'aftercare'
					) }
				</p>
				<div className="aftercare-stack">
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Alert on a Bad rating', 'aftercare' ) }
						help={ __(
							'Emails the notification address (or the site admin email when there is none) with the rating and the customer’s comment.',
							'aftercare'
						) }
						checked={ settings.csat_bad_alert }
						onChange={ ( value: boolean ) =>
							onChange( { csat_bad_alert: value } )
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Reopen a ticket rated Bad', 'aftercare' ) }
						help={ __(
							'Puts the solved ticket back in the queue as open, so an agent follows up.',
							'aftercare'
						) }
						checked={ settings.csat_bad_reopen }
						onChange={ ( value: boolean ) =>
							onChange( { csat_bad_reopen: value } )
						}
					/>
				</div>
			</CardBody>
		</Card>
	);
}
