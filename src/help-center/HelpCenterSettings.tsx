/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
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
 * The lines of a one-entry-per-line box as a list setting keeps them: trimmed, blank lines dropped.
 *
 * @param text What the box holds.
 * @return The entries.
 */
export function nonEmptyLines( text: string ): string[] {
	return text
		.split( '\n' )
		.map( ( line ) => line.trim() )
		.filter( ( line ) => line !== '' );
}

/**
 * Store-wide help-center settings: where articles live, the search's synonyms, and how long
 * search analytics are kept.
 *
 * @param props          Props.
 * @param props.settings Edited settings.
 * @param props.onChange Records edits.
 */
export function HelpCenterSettings( { settings, onChange }: Props ) {
	// The box keeps what is typed (blank lines too, while typing); the setting gets the groups.
	const [ synonyms, setSynonyms ] = useState(
		( settings.help_synonyms ?? [] ).join( '\n' )
	);
	return (
		<Card>
			<CardHeader>
				<h2 className="aftercare-settings__section-title">
					{ __( 'Help center', 'aftercare' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Address of help articles', 'aftercare' ) }
					help={ __(
						'Articles live under this path, e.g. “help” gives /help/how-to-return/.',
						'aftercare'
					) }
					value={ settings.help_base ?? 'help' }
					onChange={ ( base: string ) =>
						onChange( { help_base: base } )
					}
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __( 'Search synonyms', 'aftercare' ) }
					help={ __(
						'One group per line, words or phrases separated by commas: a search for one finds the others (“refund, money back”).',
						'aftercare'
					) }
					rows={ 6 }
					value={ synonyms }
					onChange={ ( text: string ) => {
						setSynonyms( text );
						onChange( { help_synonyms: nonEmptyLines( text ) } );
					} }
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 0 }
					max={ 120 }
					label={ __(
						'Keep search analytics for (months)',
						'aftercare'
					) }
					help={ __(
						'Searches, clicks, votes with their comments and which visitors opened tickets are deleted after this many months; 0 keeps them. Reports cannot look further back.',
						'aftercare'
					) }
					value={ String(
						settings.help_analytics_retention_months ?? 12
					) }
					onChange={ ( months: string ) =>
						onChange( {
							help_analytics_retention_months: Number( months ),
						} )
					}
				/>
			</CardBody>
		</Card>
	);
}
