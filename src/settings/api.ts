/**
 * The store's products and categories for the settings pickers, through WooCommerce's REST API
 * (`wc/v3`), which answers when WooCommerce is active and the person may manage products.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { addQueryArgs } from '@wordpress/url';

export type ProductKind = 'products' | 'product_categories';

export interface ProductOption {
	id: number;
	name: string;
}

const PATHS: Record< ProductKind, string > = {
	products: '/wc/v3/products',
	product_categories: '/wc/v3/products/categories',
};

/**
 * Product names come HTML-escaped ("Gift &amp; cards").
 *
 * @param html A name as the API sends it.
 * @return The text.
 */
function text( html: string ): string {
	return (
		new window.DOMParser().parseFromString( html, 'text/html' )
			.documentElement.textContent ?? html
	);
}

async function list(
	kind: ProductKind,
	query: Record< string, string | number >
): Promise< ProductOption[] > {
	const items = await apiFetch< ProductOption[] >( {
		path: addQueryArgs( PATHS[ kind ], { ...query, _fields: 'id,name' } ),
	} );
	return items.map( ( item ) => ( {
		id: item.id,
		name: text( item.name ),
	} ) );
}

/**
 * Products or categories whose name matches.
 *
 * @param kind   Products or categories.
 * @param search What the person typed.
 * @return Up to 20 matches.
 */
export function searchProducts(
	kind: ProductKind,
	search: string
): Promise< ProductOption[] > {
	return list( kind, { search, per_page: 20 } );
}

/**
 * The names of chosen products or categories.
 *
 * @param kind Products or categories.
 * @param ids  Their ids.
 * @return Those that still exist.
 */
export function fetchProducts(
	kind: ProductKind,
	ids: number[]
): Promise< ProductOption[] > {
	return list( kind, { include: ids.join( ',' ), per_page: 100 } );
}
