/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

interface Props {
	description: string;
	error?: string;
}

/**
 * A control's help: the server's reason first when it refused the value, then what the setting
 * does. Controls pass it as `help`, which their input is described by.
 *
 * @param props             Props.
 * @param props.description What the setting does.
 * @param props.error       Why the last save refused it.
 */
export function FieldHelp( { description, error }: Props ) {
	return (
		<>
			{ error && (
				<span className="aftercare-settings__error">
					<span className="screen-reader-text">
						{ __( 'Error:', 'aftercare' ) }
					</span>{ ' ' }
					{ error }{ ' ' }
				</span>
			) }
			{ description }
		</>
	);
}
