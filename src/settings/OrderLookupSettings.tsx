/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	SelectControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../api';

interface Props {
	settings: AftercareSettings;
	onChange: ( edits: Partial< AftercareSettings > ) => void;
}

interface PageRecord {
	id: number;
	title: { rendered: string };
}

/**
 * Settings of the order-status block that belong to the store, not to one block: what guests
 * type to find an order, and the pages its two actions lead to.
 *
 * @param props          Props.
 * @param props.settings Edited settings.
 * @param props.onChange Records edits.
 */
export function OrderLookupSettings( { settings, onChange }: Props ) {
	// The core-data store by name: importing it would pull its sync providers into this bundle's
	// tests; the app's page loads it anyway.
	const pages = useSelect( ( select ) => {
		const core = select( 'core' ) as
			| {
					getEntityRecords: (
						kind: string,
						name: string,
						query: Record< string, unknown >
					) => PageRecord[] | null;
			  }
			| undefined;
		return (
			core?.getEntityRecords( 'postType', 'page', {
				per_page: 100,
				status: 'publish',
				_fields: 'id,title',
			} ) ?? null
		);
	}, [] );
	const pageOptions = [
		{ value: '0', label: __( '— None —', 'aftercare' ) },
		...( pages ?? [] ).map( ( page ) => ( {
			value: String( page.id ),
			label: page.title.rendered || `#${ page.id }`,
		} ) ),
	];

	return (
		<Card>
			<CardHeader>
				<h2 className="aftercare-settings__section-title">
					{ __( 'Order status', 'aftercare' ) }
				</h2>
			</CardHeader>
			<CardBody>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Guests find an order with', 'aftercare' ) }
					value={ settings.order_lookup_keys }
					options={ [
						{
							value: 'email',
							label: __(
								'Order number and billing email',
								'aftercare'
							),
						},
						{
							value: 'email_or_postcode',
							label: __(
								'Order number and billing email or postcode',
								'aftercare'
							),
						},
					] }
					onChange={ ( value: string ) =>
						onChange( {
							order_lookup_keys:
								value === 'email_or_postcode'
									? 'email_or_postcode'
									: 'email',
						} )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Return portal page', 'aftercare' ) }
					help={ __(
						'"Return items" leads here from completed orders.',
						'aftercare'
					) }
					value={ String( settings.return_portal_page ?? 0 ) }
					options={ pageOptions }
					onChange={ ( value: string ) =>
						onChange( { return_portal_page: Number( value ) } )
					}
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Contact page', 'aftercare' ) }
					help={ __(
						'"Get help with this order" leads here, with the order number filled in.',
						'aftercare'
					) }
					value={ String( settings.contact_page ?? 0 ) }
					options={ pageOptions }
					onChange={ ( value: string ) =>
						onChange( { contact_page: Number( value ) } )
					}
				/>
			</CardBody>
		</Card>
	);
}
