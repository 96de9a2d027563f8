/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

interface CopyButtonProps {
	text: string;
	/** What is copied, for the button's accessible name. */
	label: string;
}

/**
 * Copies a value to the clipboard and says so for a moment.
 *
 * @param props       Component props.
 * @param props.text  The value.
 * @param props.label What the value is.
 */
export function CopyButton( { text, label }: CopyButtonProps ) {
	const [ copied, setCopied ] = useState( false );
	useEffect( () => {
		if ( ! copied ) {
			return;
		}
		const timer = window.setTimeout( () => setCopied( false ), 2000 );
		return () => window.clearTimeout( timer );
	}, [ copied ] );
	return (
		<Button
			__next40pxDefaultSize
			type="button"
			variant="secondary"
			label={ sprintf(
				/* translators: %s: what is copied, e.g. "Webhook secret". */
				__( 'Copy %s', 'aftercare' ),
				label
			) }
			showTooltip={ false }
			onClick={ () =>
				void window.navigator.clipboard
					.writeText( text )
					.then( () => setCopied( true ) )
			}
		>
			{ copied ? __( 'Copied', 'aftercare' ) : __( 'Copy', 'aftercare' ) }
		</Button>
	);
}
