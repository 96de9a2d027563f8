/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	SelectControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../api';
import { nonEmptyLines } from '../help-center/HelpCenterSettings';

interface Props {
	settings: AftercareSettings;
	onChange: ( edits: Partial< AftercareSettings > ) => void;
}

const HEADERS: AftercareSettings[ 'client_address_header' ][] = [
	'X-Forwarded-For',
	'X-Real-IP',
	'CF-Connecting-IP',
	'True-Client-IP',
];

/**
 * Which address a visitor has, for every rate limit and lookup record: the store's own proxies
 * (load balancer, CDN) and the header they forward the visitor's address in.
 *
 * @param props          Props.
 * @param props.settings Edited settings.
 * @param props.onChange Records edits.
 */
export function ProxySettings( { settings, onChange }: Props ) {
	// The box keeps what is typed (blank lines too, while typing); the setting gets the entries.
	const [ proxies, setProxies ] = useState(
		( settings.trusted_proxies ?? [] ).join( '\n' )
	);
	return (
		<Card>
			<CardHeader>
				<h2 className="aftercare-settings__section-title">
					{ __( 'Visitor addresses', 'aftercare' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Trusted proxies', 'aftercare' ) }
					help={ __(
						'Only if a load balancer or CDN of yours sits in front of the store: its addresses or ranges, one per line (203.0.113.0/24, 2001:db8::/32). Rate limits then count each visitor by the address the proxy forwards, instead of all visitors as one. Never list addresses you do not control: anyone there could pick their own address.',
						'aftercare'
					) }
					rows={ 3 }
					value={ proxies }
					onChange={ ( text: string ) => {
						setProxies( text );
						onChange( { trusted_proxies: nonEmptyLines( text ) } );
					} }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __(
						'Header with the visitor address',
						'aftercare'
					) }
					help={ __(
						'Read only from trusted proxies.',
						'aftercare'
					) }
					value={
						settings.client_address_header ?? 'X-Forwarded-For'
					}
					options={ HEADERS.map( ( header ) => ( {
						value: header,
						label: header,
					} ) ) }
					onChange={ ( value: string ) =>
						onChange( {
							client_address_header:
								HEADERS.find(
									( header ) => header === value
								) ?? 'X-Forwarded-For',
						} )
					}
				/>
			</CardBody>
		</Card>
	);
}
