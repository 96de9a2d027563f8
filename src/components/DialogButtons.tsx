/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

interface DialogButtonsProps {
	/** The main button's words. */
	label: string;
	onCancel?: () => void;
	/** Without it the main button submits the form around it. */
	onConfirm?: () => void;
	busy?: boolean;
	destructive?: boolean;
}

/**
 * The end of every dialog and form: Cancel, then the main button. While busy both wait and
 * screen readers hear that the work is under way.
 * @param root0
 * @param root0.label
 * @param root0.onCancel
 * @param root0.onConfirm
 * @param root0.busy
 * @param root0.destructive
 */
export function DialogButtons( {
	label,
	onCancel,
	onConfirm,
	busy = false,
	destructive = false,
}: DialogButtonsProps ) {
	return (
		<>
			<div className="aftercare-row aftercare-row--end">
				<Button
					__next40pxDefaultSize
					variant="tertiary"
					onClick={ onCancel }
					disabled={ busy }
				>
					{ __( 'Cancel', 'aftercare' ) }
				</Button>
				<Button
					__next40pxDefaultSize
					variant="primary"
					type={ onConfirm ? 'button' : 'submit' }
					onClick={ onConfirm }
					isDestructive={ destructive }
					isBusy={ busy }
					disabled={ busy }
					accessibleWhenDisabled
				>
					{ label }
				</Button>
			</div>
			{ busy && (
				<p role="status" className="screen-reader-text">
					{ __( 'Working…', 'aftercare' ) }
				</p>
			) }
		</>
	);
}
