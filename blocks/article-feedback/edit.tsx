/**
 * WordPress dependencies
 */
import { useBlockProps } from '@wordpress/block-editor';
import { __ } from '@wordpress/i18n';

/**
 * The editor view: the question and its buttons as shoppers see them (inactive here).
 */
export default function Edit() {
	const blockProps = useBlockProps();
	return (
		<section { ...blockProps }>
			<h2 className="wp-block-aftercare-article-feedback__question">
				{ __( 'Was this article helpful?', 'aftercare' ) }
			</h2>
			<div className="wp-block-aftercare-article-feedback__choices">
				<button type="button" className="wp-element-button" disabled>
					{ __( 'Yes', 'aftercare' ) }
				</button>
				<button type="button" className="wp-element-button" disabled>
					{ __( 'No', 'aftercare' ) }
				</button>
			</div>
		</section>
	);
}
