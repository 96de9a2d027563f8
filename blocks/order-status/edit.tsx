/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { Notice, PanelBody, SelectControl } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { SettingsPanel } from '../shared/settings-panel';
import { getLabels } from './labels';
import { editorData, sampleOrder } from './sample';
import type { OrderStatus, OrderStatusAttributes } from './types';

declare global {
	interface Window {
		aftercareOrderStatus?: unknown;
	}
}

type Shown = Pick<
	OrderStatusAttributes,
	'showItems' | 'showTracking' | 'showTimeline'
>;

/**
 * The editor view: the block's settings, and a preview with sample orders (as a
 * guest who looked an order up, or as a signed-in customer). The markup mirrors
 * render.php, so the preview is what shoppers get.
 *
 * @param props               Block edit props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< OrderStatusAttributes > ) {
	const blockProps = useBlockProps();
	const bound = { attributes, setAttributes };
	const id = useId();
	const store = editorData( window.aftercareOrderStatus );
	const labels = getLabels( attributes, store.allowsPostcode );
	const defaults = getLabels(
		{ heading: '', submitLabel: '' },
		store.allowsPostcode
	);
	const [ viewer, setViewer ] = useState< 'guest' | 'customer' >( 'guest' );
	const recent = Array.from(
		{ length: Math.min( attributes.recentOrders, 2 ) },
		( _, i ) => sampleOrder( String( 1042 - i ), true )
	);

	return (
		<>
			<InspectorControls>
				<SettingsPanel
					title={ __( 'Texts', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'text',
							name: 'heading',
							label: __( 'Heading', 'aftercare' ),
							placeholder: defaults.heading,
						},
						{
							type: 'text',
							name: 'submitLabel',
							label: __( 'Button text', 'aftercare' ),
							placeholder: defaults.submit,
						},
					] }
				/>
				<SettingsPanel
					title={ __( 'What to show', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'toggle',
							name: 'showTracking',
							label: __( 'Tracking links', 'aftercare' ),
						},
						{
							type: 'toggle',
							name: 'showItems',
							label: __( 'Items and quantities', 'aftercare' ),
						},
						{
							type: 'toggle',
							name: 'showTimeline',
							label: __( 'History', 'aftercare' ),
						},
						{
							type: 'range',
							name: 'recentOrders',
							label: __(
								'Recent orders for signed-in customers',
								'aftercare'
							),
							min: 1,
							max: 20,
						},
					] }
				>
					<p className="components-base-control__help">
						{ __(
							'Guests never see addresses, phone numbers, prices or download links. Lookup keys, the return portal and the contact page are store settings (Support → Settings).',
							'aftercare'
						) }
					</p>
				</SettingsPanel>
				<PanelBody title={ __( 'Preview', 'aftercare' ) }>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Preview as', 'aftercare' ) }
						value={ viewer }
						options={ [
							{
								value: 'guest',
								label: __(
									'A guest who looked an order up',
									'aftercare'
								),
							},
							{
								value: 'customer',
								label: __(
									'A signed-in customer',
									'aftercare'
								),
							},
						] }
						onChange={ ( value: string ) =>
							setViewer(
								value === 'customer' ? 'customer' : 'guest'
							)
						}
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				{ ! store.available && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'Order status needs WooCommerce. Until WooCommerce is active, this block shows nothing to shoppers.',
							'aftercare'
						) }
					</Notice>
				) }
				<h2 className="wp-block-aftercare-order-status__heading">
					{ labels.heading }
				</h2>
				{ viewer === 'customer' && (
					<section className="wp-block-aftercare-order-status__mine">
						<h3>{ __( 'Your recent orders', 'aftercare' ) }</h3>
						{ recent.map( ( order ) => (
							<article
								key={ order.number }
								className="wp-block-aftercare-order-status__order"
							>
								<OrderPreview
									order={ order }
									show={ attributes }
								/>
							</article>
						) ) }
					</section>
				) }
				<form
					className="wp-block-aftercare-order-status__form"
					onSubmit={ ( event ) => event.preventDefault() }
				>
					<h3 className="wp-block-aftercare-order-status__form-title">
						{ viewer === 'customer'
							? __( 'Look up another order', 'aftercare' )
							: __( 'Look up your order', 'aftercare' ) }
					</h3>
					<div className="wp-block-aftercare-order-status__field">
						<label htmlFor={ `${ id }-number` }>
							{ labels.number }
						</label>
						<input
							id={ `${ id }-number` }
							className="wp-block-aftercare-order-status__input"
							type="text"
							defaultValue={ viewer === 'guest' ? '1042' : '' }
							disabled
						/>
					</div>
					<div className="wp-block-aftercare-order-status__field">
						<label htmlFor={ `${ id }-key` }>{ labels.key }</label>
						<input
							id={ `${ id }-key` }
							className="wp-block-aftercare-order-status__input"
							type="text"
							defaultValue={
								viewer === 'guest' ? 'sam@example.com' : ''
							}
							disabled
						/>
					</div>
					<div className="wp-block-button wp-block-aftercare-order-status__submit">
						<button
							type="submit"
							className="wp-block-button__link wp-element-button"
							disabled
						>
							{ labels.submit }
						</button>
					</div>
				</form>
				{ viewer === 'guest' && (
					<div className="wp-block-aftercare-order-status__result">
						<div className="wp-block-aftercare-order-status__order">
							<OrderPreview
								order={ sampleOrder( '1042', false ) }
								show={ attributes }
							/>
						</div>
					</div>
				) }
			</div>
		</>
	);
}

interface OrderPreviewProps {
	order: OrderStatus;
	show: Shown;
}

/**
 * One order, as render.php's order template renders it.
 *
 * @param props       Props.
 * @param props.order The order.
 * @param props.show  What the site builder chose to show.
 */
function OrderPreview( { order, show }: OrderPreviewProps ) {
	return (
		<>
			<h3 className="wp-block-aftercare-order-status__title">
				{ order.title }
			</h3>
			<p className="wp-block-aftercare-order-status__status">
				<strong className="wp-block-aftercare-order-status__badge">
					{ order.status_label }
				</strong>{ ' ' }
				<span>{ order.status_text }</span>
			</p>
			<p className="wp-block-aftercare-order-status__placed">
				{ order.placed }
			</p>
			{ order.total && (
				<p className="wp-block-aftercare-order-status__total">
					{ __( 'Total:', 'aftercare' ) } <span>{ order.total }</span>
				</p>
			) }
			{ show.showTracking && (
				<div className="wp-block-aftercare-order-status__section">
					<h4>{ __( 'Tracking', 'aftercare' ) }</h4>
					<ul className="wp-block-aftercare-order-status__tracking">
						{ order.tracking.map( ( shipment ) => (
							<li key={ shipment.number }>
								<span>{ shipment.carrier }</span>{ ' ' }
								<a href={ shipment.url }>{ shipment.number }</a>
							</li>
						) ) }
					</ul>
				</div>
			) }
			{ show.showItems && (
				<div className="wp-block-aftercare-order-status__section">
					<h4>{ __( 'Items', 'aftercare' ) }</h4>
					<ul className="wp-block-aftercare-order-status__items">
						{ order.items.map( ( item ) => (
							<li key={ item.name }>
								<span>{ item.name }</span>{ ' ' }
								<span className="wp-block-aftercare-order-status__quantity">
									× { item.quantity }
								</span>
							</li>
						) ) }
					</ul>
				</div>
			) }
			{ show.showTimeline && (
				<div className="wp-block-aftercare-order-status__section">
					<h4>{ __( 'History', 'aftercare' ) }</h4>
					<ol className="wp-block-aftercare-order-status__timeline">
						{ order.timeline.map( ( event, index ) => (
							<li key={ index } data-type={ event.type }>
								<time dateTime={ event.time }>
									{ event.date }
								</time>{ ' ' }
								<span className="wp-block-aftercare-order-status__event">
									{ event.label }
								</span>{ ' ' }
								<span className="wp-block-aftercare-order-status__detail">
									{ event.detail }
								</span>
							</li>
						) ) }
					</ol>
				</div>
			) }
			<p className="wp-block-aftercare-order-status__actions">
				<a
					className="wp-block-aftercare-order-status__action"
					href={ order.return_url }
				>
					{ __( 'Return items', 'aftercare' ) }
				</a>
				<a
					className="wp-block-aftercare-order-status__action"
					href={ order.help_url }
				>
					{ __( 'Get help with this order', 'aftercare' ) }
				</a>
			</p>
		</>
	);
}
