/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { SelectControl } from '@wordpress/components';
import { useId, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { SettingsPanel } from '../shared/settings-panel';
import { getDefaultLabels, getLabels } from './labels';
import type { ContactAttributes, LabelAttribute } from './types';

type Visitor = 'guest' | 'customer';

/**
 * The editor view: the form as a guest or a signed-in customer sees it (its
 * fields disabled), and the block's settings. The markup mirrors render.php.
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
	const bound = { attributes, setAttributes };
	const id = useId();
	const [ visitor, setVisitor ] = useState< Visitor >( 'guest' );
	const labels = getLabels( attributes );
	const defaults = getDefaultLabels();
	const optional = __( '(optional)', 'aftercare' );

	const labelControls: Array< [ LabelAttribute, string ] > = [
		[ 'nameLabel', __( 'Name label', 'aftercare' ) ],
		[ 'emailLabel', __( 'Email label', 'aftercare' ) ],
		[ 'orderLabel', __( 'Order label', 'aftercare' ) ],
		[ 'subjectLabel', __( 'Subject label', 'aftercare' ) ],
		[ 'messageLabel', __( 'Message label', 'aftercare' ) ],
		[ 'attachmentsLabel', __( 'Attachments label', 'aftercare' ) ],
		[ 'submitLabel', __( 'Button text', 'aftercare' ) ],
	];

	return (
		<>
			<InspectorControls>
				<SettingsPanel
					title={ __( 'Fields', 'aftercare' ) }
					{ ...bound }
					settings={ [
						{
							type: 'toggle',
							name: 'showOrderField',
							label: __( 'Ask about an order', 'aftercare' ),
							help: __(
								'Guests may type an order number (checked against their email); signed-in customers pick one of their orders.',
								'aftercare'
							),
						},
						{
							type: 'toggle',
							name: 'showAttachments',
							label: __( 'Allow attachments', 'aftercare' ),
							help: __(
								'Photos, PDFs and text files, within the size limit of the Aftercare settings.',
								'aftercare'
							),
						},
					] }
				>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Preview as', 'aftercare' ) }
						value={ visitor }
						options={ [
							{
								value: 'guest',
								label: __( 'Guest', 'aftercare' ),
							},
							{
								value: 'customer',
								label: __( 'Signed-in customer', 'aftercare' ),
							},
						] }
						onChange={ ( value: string ) =>
							setVisitor( value as Visitor )
						}
						help={ __(
							'Signed-in customers are not asked for their name and email: the form shows who they are signed in as.',
							'aftercare'
						) }
					/>
				</SettingsPanel>
				<SettingsPanel
					title={ __( 'Labels', 'aftercare' ) }
					initialOpen={ false }
					{ ...bound }
					settings={ labelControls.map( ( [ name, label ] ) => ( {
						type: 'text',
						name,
						label,
						placeholder: defaults[ name ],
					} ) ) }
				/>
			</InspectorControls>
			<div { ...blockProps }>
				<form
					className="wp-block-aftercare-contact__form"
					onSubmit={ ( event ) => event.preventDefault() }
				>
					{ visitor === 'customer' && (
						<p className="wp-block-aftercare-contact__signed-in">
							{ __( 'Signed in as', 'aftercare' ) }{ ' ' }
							<strong>{ __( 'Customer', 'aftercare' ) }</strong>
						</p>
					) }
					{ visitor === 'guest' && (
						<>
							<Field
								id={ `${ id }-name` }
								label={ labels.nameLabel }
							>
								<input
									id={ `${ id }-name` }
									className="wp-block-aftercare-contact__input"
									type="text"
									autoComplete="name"
									required
									disabled
								/>
							</Field>
							<Field
								id={ `${ id }-email` }
								label={ labels.emailLabel }
							>
								<input
									id={ `${ id }-email` }
									className="wp-block-aftercare-contact__input"
									type="email"
									autoComplete="email"
									required
									disabled
								/>
							</Field>
						</>
					) }
					{ attributes.showOrderField && (
						<Field
							id={ `${ id }-order` }
							label={
								visitor === 'guest' || attributes.orderLabel
									? labels.orderLabel
									: __( 'Order', 'aftercare' )
							}
							optional={ optional }
						>
							{ visitor === 'guest' ? (
								<input
									id={ `${ id }-order` }
									className="wp-block-aftercare-contact__input"
									type="text"
									disabled
								/>
							) : (
								<select
									id={ `${ id }-order` }
									className="wp-block-aftercare-contact__input"
									disabled
								>
									<option>
										{ __(
											'Not about a particular order',
											'aftercare'
										) }
									</option>
								</select>
							) }
						</Field>
					) }
					<Field
						id={ `${ id }-subject` }
						label={ labels.subjectLabel }
					>
						<input
							id={ `${ id }-subject` }
							className="wp-block-aftercare-contact__input"
							type="text"
							required
							disabled
						/>
					</Field>
					<Field
						id={ `${ id }-message` }
						label={ labels.messageLabel }
					>
						<textarea
							id={ `${ id }-message` }
							className="wp-block-aftercare-contact__input wp-block-aftercare-contact__textarea"
							rows={ 6 }
							required
							disabled
						/>
					</Field>
					{ attributes.showAttachments && (
						<Field
							id={ `${ id }-files` }
							label={ labels.attachmentsLabel }
							optional={ optional }
						>
							<input
								id={ `${ id }-files` }
								className="wp-block-aftercare-contact__input wp-block-aftercare-contact__files"
								type="file"
								multiple
								disabled
							/>
						</Field>
					) }
					<div className="wp-block-button wp-block-aftercare-contact__actions">
						<button
							type="submit"
							className="wp-block-button__link wp-element-button"
							disabled
						>
							{ labels.submitLabel }
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
