/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { Notice, PanelBody, SelectControl } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { SettingsPanel } from '../shared/settings-panel';
import type { ReturnsAttributes } from './types';

declare global {
	interface Window {
		aftercareReturns?: unknown;
	}
}

interface EditorData {
	available: boolean;
	reasons: Array< { key: string; label: string; photos: boolean } >;
	outcomes: Array< { key: string; label: string } >;
}

/**
 * What the server told the editor (Returns\ReturnsBlock::editor_data()), or "unavailable".
 *
 * @param source window.aftercareReturns.
 */
function editorData( source: unknown ): EditorData {
	const data = ( source ?? {} ) as Partial< EditorData >;
	return {
		available: data.available === true,
		reasons: data.reasons ?? [],
		outcomes: data.outcomes ?? [],
	};
}

const STEP_TITLES = (): Record< string, string > => ( {
	order: __( 'Find your order', 'aftercare' ),
	items: __( 'Items to return', 'aftercare' ),
	details: __( 'Tell us more', 'aftercare' ),
	outcome: __( 'What would you like?', 'aftercare' ),
	review: __( 'Review and send', 'aftercare' ),
} );

/** Sample lines: one to return, one already returned, one the policy excludes. */
const sampleLines = () => [
	{
		name: __( 'Linen shirt', 'aftercare' ),
		/* translators: %d: quantity bought. */
		detail: sprintf( __( 'Bought: %d', 'aftercare' ), 2 ),
		note: '',
		quantity: 1,
	},
	{
		name: __( 'Canvas tote', 'aftercare' ),
		/* translators: %d: quantity bought. */
		detail: sprintf( __( 'Bought: %d', 'aftercare' ), 1 ),
		note: __( 'Already returned.', 'aftercare' ),
		quantity: 0,
	},
	{
		name: __( 'Gift card', 'aftercare' ),
		/* translators: %d: quantity bought. */
		detail: sprintf( __( 'Bought: %d', 'aftercare' ), 1 ),
		note: __( 'This product cannot be returned.', 'aftercare' ),
		quantity: 0,
	},
];

/**
 * The editor view: the block's settings, and a preview of each step with sample data. The
 * markup mirrors render.php, so the preview is what shoppers get.
 *
 * @param props               Block edit props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< ReturnsAttributes > ) {
	const blockProps = useBlockProps();
	const bound = { attributes, setAttributes };
	const id = useId();
	const data = editorData( window.aftercareReturns );
	const [ step, setStep ] = useState( 'items' );
	const titles = STEP_TITLES();
	const steps = Object.keys( titles );
	const reason =
		data.reasons[ 0 ]?.label ?? __( 'Does not fit', 'aftercare' );
	const heading = attributes.heading || __( 'Return items', 'aftercare' );
	const submit =
		attributes.submitLabel || __( 'Send return request', 'aftercare' );

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
							placeholder: __( 'Return items', 'aftercare' ),
						},
						{
							type: 'text',
							name: 'submitLabel',
							label: __( 'Send button text', 'aftercare' ),
							placeholder: __(
								'Send return request',
								'aftercare'
							),
						},
					] }
				/>
				<SettingsPanel
					title={ __( 'Options', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'toggle',
							name: 'showSuggestions',
							label: __(
								'Suggest help articles while the shopper writes a comment',
								'aftercare'
							),
						},
					] }
				>
					<p className="components-base-control__help">
						{ __(
							'Reasons, outcomes, the return window and which items can be returned are the store’s return policy (Support → Settings). Set this page as the return portal there, so order status results and emails link to it.',
							'aftercare'
						) }
					</p>
				</SettingsPanel>
				<PanelBody title={ __( 'Preview', 'aftercare' ) }>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Step shown', 'aftercare' ) }
						value={ step }
						options={ steps.map( ( value, i ) => ( {
							value,
							label: sprintf(
								/* translators: 1: step number, 2: step title. */
								__( 'Step %1$d: %2$s', 'aftercare' ),
								i + 1,
								titles[ value ] ?? ''
							),
						} ) ) }
						onChange={ setStep }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				{ ! data.available && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'Returns need WooCommerce. Until WooCommerce is active, this block shows nothing to shoppers.',
							'aftercare'
						) }
					</Notice>
				) }
				<h2 className="wp-block-aftercare-returns__heading">
					{ heading }
				</h2>
				<ol className="wp-block-aftercare-returns__progress">
					{ steps.map( ( value ) => (
						<li
							key={ value }
							aria-current={ value === step ? 'step' : undefined }
						>
							{ titles[ value ] }
						</li>
					) ) }
				</ol>
				<form
					className="wp-block-aftercare-returns__form"
					onSubmit={ ( event ) => event.preventDefault() }
				>
					<section className="wp-block-aftercare-returns__step">
						<h3 className="wp-block-aftercare-returns__step-title">
							<span className="wp-block-aftercare-returns__step-count">
								{ sprintf(
									/* translators: 1: step number, 2: number of steps. */
									__( 'Step %1$d of %2$d:', 'aftercare' ),
									steps.indexOf( step ) + 1,
									steps.length
								) }
							</span>{ ' ' }
							{ titles[ step ] }
						</h3>
						{ step === 'order' && (
							<>
								<div className="wp-block-aftercare-returns__field">
									<label htmlFor={ `${ id }-number` }>
										{ __( 'Order number', 'aftercare' ) }
									</label>
									<input
										id={ `${ id }-number` }
										className="wp-block-aftercare-returns__input"
										defaultValue="1042"
										disabled
									/>
								</div>
								<div className="wp-block-aftercare-returns__field">
									<label htmlFor={ `${ id }-email` }>
										{ __( 'Email address', 'aftercare' ) }
									</label>
									<input
										id={ `${ id }-email` }
										className="wp-block-aftercare-returns__input"
										defaultValue="sam@example.com"
										disabled
									/>
								</div>
							</>
						) }
						{ step === 'items' && (
							<ul className="wp-block-aftercare-returns__lines">
								{ sampleLines().map( ( line ) => (
									<li
										key={ line.name }
										className="wp-block-aftercare-returns__line"
									>
										<fieldset>
											<legend className="wp-block-aftercare-returns__line-name">
												{ line.name }
											</legend>
											<p className="wp-block-aftercare-returns__detail">
												{ line.detail }
											</p>
											{ line.note ? (
												<p className="wp-block-aftercare-returns__why-not">
													{ line.note }
												</p>
											) : (
												<div className="wp-block-aftercare-returns__line-fields">
													<div className="wp-block-aftercare-returns__field">
														<label
															htmlFor={ `${ id }-qty` }
														>
															{ __(
																'Quantity to return',
																'aftercare'
															) }
														</label>
														<input
															id={ `${ id }-qty` }
															className="wp-block-aftercare-returns__input wp-block-aftercare-returns__quantity"
															type="number"
															defaultValue={
																line.quantity
															}
															disabled
														/>
													</div>
													<div className="wp-block-aftercare-returns__field">
														<label
															htmlFor={ `${ id }-reason` }
														>
															{ __(
																'Reason',
																'aftercare'
															) }
														</label>
														<select
															id={ `${ id }-reason` }
															className="wp-block-aftercare-returns__input"
															disabled
														>
															<option>
																{ reason }
															</option>
														</select>
													</div>
												</div>
											) }
										</fieldset>
									</li>
								) ) }
							</ul>
						) }
						{ step === 'details' && (
							<div className="wp-block-aftercare-returns__field">
								<label htmlFor={ `${ id }-comment` }>
									{ __(
										'Anything else we should know?',
										'aftercare'
									) }{ ' ' }
									<span className="wp-block-aftercare-returns__optional">
										{ __( '(optional)', 'aftercare' ) }
									</span>
								</label>
								<textarea
									id={ `${ id }-comment` }
									className="wp-block-aftercare-returns__input"
									rows={ 5 }
									defaultValue={ __(
										'The collar is too tight.',
										'aftercare'
									) }
									disabled
								/>
								{ attributes.showSuggestions && (
									<div className="aftercare-help-suggestions">
										<p className="aftercare-help-suggestions__heading">
											{ __(
												'These articles may answer your question:',
												'aftercare'
											) }
										</p>
										<ul className="aftercare-help-suggestions__list">
											<li>
												{ __(
													'How to find your size',
													'aftercare'
												) }
											</li>
										</ul>
									</div>
								) }
							</div>
						) }
						{ step === 'outcome' && (
							<fieldset className="wp-block-aftercare-returns__outcomes">
								<legend>
									{ __(
										'What would you like instead?',
										'aftercare'
									) }
								</legend>
								{ data.outcomes.map( ( outcome, i ) => (
									<div
										key={ outcome.key }
										className="wp-block-aftercare-returns__choice"
									>
										<input
											type="radio"
											id={ `${ id }-${ outcome.key }` }
											name={ `${ id }-outcome` }
											defaultChecked={ i === 0 }
											disabled
										/>
										<label
											htmlFor={ `${ id }-${ outcome.key }` }
										>
											{ outcome.label }
										</label>
									</div>
								) ) }
							</fieldset>
						) }
						{ step === 'review' && (
							<dl className="wp-block-aftercare-returns__summary">
								<dt>{ __( 'Order', 'aftercare' ) }</dt>
								<dd>#1042</dd>
								<dt>{ __( 'Items', 'aftercare' ) }</dt>
								<dd>
									{ sprintf(
										/* translators: 1: quantity, 2: product name, 3: reason. */
										__( '%1$d × %2$s — %3$s', 'aftercare' ),
										1,
										__( 'Linen shirt', 'aftercare' ),
										reason
									) }
								</dd>
								<dt>{ __( 'You would like', 'aftercare' ) }</dt>
								<dd>{ data.outcomes[ 0 ]?.label ?? '' }</dd>
							</dl>
						) }
						<div className="wp-block-aftercare-returns__nav">
							<div className="wp-block-button">
								<button
									type="submit"
									className="wp-block-button__link wp-element-button"
									disabled
								>
									{ step === 'review'
										? submit
										: __( 'Continue', 'aftercare' ) }
								</button>
							</div>
						</div>
					</section>
				</form>
			</div>
		</>
	);
}
