/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	CheckboxControl,
	PanelBody,
	RangeControl,
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { store as coreStore } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import type { HelpCenterAttributes } from './types';

interface Category {
	id: number;
	name: string;
}

/**
 * The editor view: the block as shoppers see it, rendered by the server, and its settings.
 *
 * @param props               Block edit props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< HelpCenterAttributes > ) {
	const blockProps = useBlockProps();
	const categories = useSelect(
		( select ) =>
			( select( coreStore ).getEntityRecords(
				'taxonomy',
				'aftercare_article_category',
				{ per_page: 100, hide_empty: false }
			) as Category[] | null ) ?? [],
		[]
	);
	const toggleCategory = ( id: number, checked: boolean ) =>
		setAttributes( {
			categories: checked
				? [ ...attributes.categories, id ]
				: attributes.categories.filter( ( c ) => c !== id ),
		} );

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Search', 'aftercare' ) }>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Heading', 'aftercare' ) }
						placeholder={ __( 'How can we help?', 'aftercare' ) }
						value={ attributes.heading }
						onChange={ ( heading: string ) =>
							setAttributes( { heading } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Placeholder', 'aftercare' ) }
						value={ attributes.placeholder }
						onChange={ ( placeholder: string ) =>
							setAttributes( { placeholder } )
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Search box only', 'aftercare' ) }
						help={ __(
							'A compact box without heading, as in the article templates.',
							'aftercare'
						) }
						checked={ attributes.compact }
						onChange={ ( compact: boolean ) =>
							setAttributes( { compact } )
						}
					/>
				</PanelBody>
				<PanelBody title={ __( 'Categories', 'aftercare' ) }>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Show categories', 'aftercare' ) }
						checked={ attributes.showCategories }
						onChange={ ( showCategories: boolean ) =>
							setAttributes( { showCategories } )
						}
					/>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Layout', 'aftercare' ) }
						value={ attributes.layout }
						options={ [
							{ label: __( 'Grid', 'aftercare' ), value: 'grid' },
							{ label: __( 'List', 'aftercare' ), value: 'list' },
						] }
						onChange={ ( layout ) =>
							setAttributes( {
								layout: layout as HelpCenterAttributes[ 'layout' ],
							} )
						}
					/>
					<RangeControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Number of categories', 'aftercare' ) }
						min={ 1 }
						max={ 24 }
						value={ attributes.categoryCount }
						onChange={ ( categoryCount?: number ) =>
							setAttributes( {
								categoryCount: categoryCount ?? 6,
							} )
						}
					/>
					<p>
						{ __(
							'Only these (none checked: the largest ones):',
							'aftercare'
						) }
					</p>
					{ categories.map( ( category ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ category.id }
							label={ category.name }
							checked={ attributes.categories.includes(
								category.id
							) }
							onChange={ ( checked: boolean ) =>
								toggleCategory( category.id, checked )
							}
						/>
					) ) }
				</PanelBody>
				<PanelBody title={ __( 'Popular articles', 'aftercare' ) }>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Show popular articles', 'aftercare' ) }
						checked={ attributes.showPopular }
						onChange={ ( showPopular: boolean ) =>
							setAttributes( { showPopular } )
						}
					/>
					<RangeControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Number of articles', 'aftercare' ) }
						min={ 1 }
						max={ 20 }
						value={ attributes.popularCount }
						onChange={ ( popularCount?: number ) =>
							setAttributes( { popularCount: popularCount ?? 5 } )
						}
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Link to the contact page', 'aftercare' ) }
						help={ __(
							'The contact page is chosen in Support → Settings.',
							'aftercare'
						) }
						checked={ attributes.showContact }
						onChange={ ( showContact: boolean ) =>
							setAttributes( { showContact } )
						}
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<ServerSideRender
					block="aftercare/help-center"
					attributes={ attributes }
				/>
			</div>
		</>
	);
}
