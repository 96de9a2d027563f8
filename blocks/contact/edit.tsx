/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody, TextControl, ToggleControl } from '@wordpress/components';
import { useId } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { getDefaultLabels, getLabels } from './labels';
import type { ContactAttributes } from './types';

/**
 * The editor view: the form as a guest sees it (its fields disabled), and the
 * block's settings. The markup mirrors render.php.
 *
 * @param props               Block edit props.
 * @param props.attributes    Block attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< ContactAttributes > ) {
	const blockProps = useBlockProps();
	const id = useId();
	const labels = getLabels( attributes );
	const defaults = getDefaultLabels();

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Form', 'aftercare' ) }>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Ask for an order number', 'aftercare' ) }
						help={ __(
							'An optional field that links the ticket to an order.',
							'aftercare'
						) }
						checked={ attributes.showOrderField }
						onChange={ ( showOrderField: boolean ) =>
							setAttributes( { showOrderField } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Subject label', 'aftercare' ) }
						value={ attributes.subjectLabel }
						placeholder={ defaults.subject }
						onChange={ ( subjectLabel: string ) =>
							setAttributes( { subjectLabel } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Message label', 'aftercare' ) }
						value={ attributes.messageLabel }
						placeholder={ defaults.message }
						onChange={ ( messageLabel: string ) =>
							setAttributes( { messageLabel } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Button text', 'aftercare' ) }
						value={ attributes.submitLabel }
						placeholder={ defaults.submit }
						onChange={ ( submitLabel: string ) =>
							setAttributes( { submitLabel } )
						}
					/>
					<p className="components-base-control__help">
						{ __(
							'Signed-in customers are not asked for their name and email: the form shows who they are signed in as.',
							'aftercare'
						) }
					</p>
				</PanelBody>
			</InspectorControls>
			<div { ...blockProps }>
				<form
					className="wp-block-aftercare-contact__form"
					onSubmit={ ( event ) => event.preventDefault() }
				>
					<Field id={ `${ id }-name` } label={ labels.name }>
						<input
							id={ `${ id }-name` }
							className="wp-block-aftercare-contact__input"
							type="text"
							autoComplete="name"
							required
							disabled
						/>
					</Field>
					<Field id={ `${ id }-email` } label={ labels.email }>
						<input
							id={ `${ id }-email` }
							className="wp-block-aftercare-contact__input"
							type="email"
							autoComplete="email"
							required
							disabled
						/>
					</Field>
					{ attributes.showOrderField && (
						<Field
							id={ `${ id }-order` }
							label={ labels.order }
							optional={ labels.optional }
						>
							<input
								id={ `${ id }-order` }
								className="wp-block-aftercare-contact__input"
								type="text"
								disabled
							/>
						</Field>
					) }
					<Field id={ `${ id }-subject` } label={ labels.subject }>
						<input
							id={ `${ id }-subject` }
							className="wp-block-aftercare-contact__input"
							type="text"
							required
							disabled
						/>
					</Field>
					<Field id={ `${ id }-message` } label={ labels.message }>
						<textarea
							id={ `${ id }-message` }
							className="wp-block-aftercare-contact__input wp-block-aftercare-contact__textarea"
							rows={ 6 }
							required
							disabled
						/>
					</Field>
					<div className="wp-block-button wp-block-aftercare-contact__actions">
						<button
							type="submit"
							className="wp-block-button__link wp-element-button"
							disabled
						>
							{ labels.submit }
						</button>
					</div>
				</form>
			</div>
		</>
	);
}

interface FieldProps {
	id: string;
	label: string;
	optional?: string;
	children: JSX.Element;
}

function Field( { id, label, optional, children }: FieldProps ) {
	return (
		<div className="wp-block-aftercare-contact__field">
			<label className="wp-block-aftercare-contact__label" htmlFor={ id }>
				{ label }
				{ optional && (
					<>
						{ ' ' }
						<span className="wp-block-aftercare-contact__optional">
							{ optional }
						</span>
					</>
				) }
			</label>
			{ children }
		</div>
	);
}
