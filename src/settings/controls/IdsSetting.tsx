/**
 * WordPress dependencies
 */
import { FormTokenField } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getAdminData } from '../../admin-data';
import { fetchProducts, searchProducts } from '../api';
import type { ProductKind, ProductOption } from '../api';
import { FieldHelp } from './FieldHelp';
import type { ControlProps } from './types';

/**
 * A token for an id: "Gift cards (#12)", or "#12" before (or without) its name.
 *
 * @param id    The id.
 * @param names Names known so far.
 * @return The token.
 */
function token( id: number, names: Map< number, string > ): string {
	const name = names.get( id );
	return name ? `${ name } (#${ id })` : `#${ id }`;
}

/**
 * The id in a token or in what was typed ("12", "#12", "Gift cards (#12)").
 *
 * @param value A token.
 * @return The id, or null.
 */
function idOf( value: string ): number | null {
	const match = /^(?:.*\(#(\d+)\)|#?(\d+))$/.exec( value.trim() );
	const id = match ? Number( match[ 1 ] ?? match[ 2 ] ) : 0;
	return id > 0 ? id : null;
}

/**
 * A list of ids: products or categories picked by name when WooCommerce is active (its REST
 * search), else typed as ids.
 *
 * @param props Control props.
 */
export function IdsSetting( props: ControlProps< number[] > ) {
	const { field, value, onChange, error } = props;
	const ids = value ?? [];
	const kind =
		field.control === 'products' || field.control === 'product_categories'
			? ( field.control as ProductKind )
			: null;
	const searchable = kind !== null && getAdminData().wooCommerce;
	const [ names, setNames ] = useState( () => new Map< number, string >() );
	const [ suggestions, setSuggestions ] = useState< ProductOption[] >( [] );
	const [ search, setSearch ] = useState( '' );

	const remember = ( options: ProductOption[] ) =>
		setNames( ( known ) => {
			const next = new Map( known );
			options.forEach( ( option ) => next.set( option.id, option.name ) );
			return next;
		} );

	// The names of the saved ids, once.
	useEffect( () => {
		if ( searchable && kind && ids.length ) {
			fetchProducts( kind, ids ).then( remember, () => {} );
		}
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the ids the screen opened with.
	}, [] );

	// Search as the person types, a moment after they stop.
	useEffect( () => {
		if ( ! searchable || ! kind || search.trim().length < 2 ) {
			setSuggestions( [] );
			return;
		}
		const timer = window.setTimeout( () => {
			searchProducts( kind, search.trim() ).then(
				( found ) => {
					remember( found );
					setSuggestions( found );
				},
				() => setSuggestions( [] )
			);
		}, 300 );
		return () => window.clearTimeout( timer );
	}, [ search, searchable, kind ] );

	const help = searchable
		? field.description
		: `${ field.description } ${
				kind
					? __(
							'Type their IDs (WooCommerce is not active, so they cannot be searched by name).',
							'aftercare'
						)
					: __( 'Type the IDs.', 'aftercare' )
			}`;

	return (
		<div className="aftercare-settings__ids">
			<FormTokenField
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ field.label }
				value={ ids.map( ( id ) => token( id, names ) ) }
				suggestions={ suggestions.map( ( option ) =>
					token( option.id, names )
				) }
				onInputChange={ setSearch }
				__experimentalValidateInput={ ( input: string ) =>
					idOf( input ) !== null
				}
				__experimentalExpandOnFocus={ searchable }
				onChange={ ( tokens ) => {
					const next = tokens
						.map( ( item ) =>
							idOf( typeof item === 'string' ? item : item.value )
						)
						.filter( ( id ): id is number => id !== null );
					onChange( [ ...new Set( next ) ] );
				} }
				messages={ {
					added: __( 'Added.', 'aftercare' ),
					removed: __( 'Removed.', 'aftercare' ),
					remove: __( 'Remove', 'aftercare' ),
					__experimentalInvalid: searchable
						? __( 'Choose one of the suggestions.', 'aftercare' )
						: __( 'Type a number.', 'aftercare' ),
				} }
			/>
			<p className="aftercare-settings__help">
				<FieldHelp description={ help } error={ error } />
			</p>
		</div>
	);
}
