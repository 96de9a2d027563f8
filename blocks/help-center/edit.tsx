/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { CheckboxControl } from '@wordpress/components';
import { store as coreStore } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import { SettingsPanel } from '../shared/settings-panel';
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
	const bound = { attributes, setAttributes };
	const toggleCategory = ( id: number, checked: boolean ) =>
		setAttributes( {
			categories: checked
				? [ ...attributes.categories, id ]
				: attributes.categories.filter( ( c ) => c !== id ),
		} );

	return (
		<>
			<InspectorControls>
				<SettingsPanel
					title={ __( 'Search', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'text',
							name: 'heading',
							label: __( 'Heading', 'aftercare' ),
							placeholder: __( 'How can we help?', 'aftercare' ),
						},
						{
							type: 'text',
							name: 'placeholder',
							label: __( 'Placeholder', 'aftercare' ),
						},
						{
							type: 'toggle',
							name: 'compact',
							label: __( 'Search box only', 'aftercare' ),
							help: __(
								'A compact box without heading, as in the article templates.',
								'aftercare'
							),
						},
					] }
				/>
				<SettingsPanel
					title={ __( 'Categories', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'toggle',
							name: 'showCategories',
							label: __( 'Show categories', 'aftercare' ),
						},
						{
							type: 'select',
							name: 'layout',
							label: __( 'Layout', 'aftercare' ),
							options: [
								{
									label: __( 'Grid', 'aftercare' ),
									value: 'grid',
								},
								{
									label: __( 'List', 'aftercare' ),
									value: 'list',
								},
							],
						},
						{
							type: 'range',
							name: 'categoryCount',
							label: __( 'Number of categories', 'aftercare' ),
							min: 1,
							max: 24,
						},
					] }
				>
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
				</SettingsPanel>
				<SettingsPanel
					title={ __( 'Popular articles', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'toggle',
							name: 'showPopular',
							label: __( 'Show popular articles', 'aftercare' ),
						},
						{
							type: 'range',
							name: 'popularCount',
							label: __( 'Number of articles', 'aftercare' ),
							min: 1,
							max: 20,
						},
						{
							type: 'toggle',
							name: 'showContact',
							label: __(
								'Link to the contact page',
								'aftercare'
							),
							help: __(
								'The contact page is chosen in Support → Settings.',
								'aftercare'
							),
						},
					] }
				/>
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
