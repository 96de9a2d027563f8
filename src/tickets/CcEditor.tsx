/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { KeyboardEvent } from 'react';

/**
 * Internal dependencies
 */
import type { AftercareTicket } from '../api';

/** As many as the server takes (includes/Tickets/Rest/TicketSchema.php). */
export const MAX_CC = 10;

// The shape the server checks with is_email(): one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/**
 * Why an address cannot be added, or null when it can.
 *
 * @param address The typed address (trimmed).
 * @param ticket  The ticket.
 * @return A message, or null.
 */
export function ccProblem(
	address: string,
	ticket: Pick< AftercareTicket, 'cc' | 'customer' >
): string | null {
	if ( ! EMAIL.test( address ) ) {
		return __(
			'Enter an email address, like name@example.com.',
			'aftercare'
		);
	}
	const lower = address.toLowerCase();
	if ( lower === ticket.customer.email.toLowerCase() ) {
		return __( 'That is the customer’s own address.', 'aftercare' );
	}
	if ( ticket.cc.some( ( cc ) => cc.toLowerCase() === lower ) ) {
		return __( 'That address is already copied.', 'aftercare' );
	}
	if ( ticket.cc.length >= MAX_CC ) {
		return sprintf(
			/* translators: %d: the most addresses a ticket copies. */
			__( 'A ticket copies at most %d addresses.', 'aftercare' ),
			MAX_CC
		);
	}
	return null;
}

interface CcEditorProps {
	ticket: AftercareTicket;
	onChange: ( cc: string[] ) => void;
}

/**
 * The addresses a ticket's replies are copied to; mail from them joins the
 * ticket like the customer's.
 *
 * @param props          Component props.
 * @param props.ticket   The ticket.
 * @param props.onChange Called with the new list.
 */
export function CcEditor( { ticket, onChange }: CcEditorProps ) {
	const [ draft, setDraft ] = useState( '' );
	const [ problem, setProblem ] = useState< string | null >( null );

	const add = () => {
		const address = draft.trim();
		const why = ccProblem( address, ticket );
		setProblem( why );
		if ( ! why ) {
			onChange( [ ...ticket.cc, address ] );
			setDraft( '' );
		}
	};

	return (
		<fieldset className="aftercare-cc">
			<legend className="aftercare-sidebar__label">
				{ __( 'CC', 'aftercare' ) }
			</legend>
			{ ticket.cc.length > 0 ? (
				<ul className="aftercare-cc__list">
					{ ticket.cc.map( ( address ) => (
						<li key={ address }>
							<span>{ address }</span>
							<Button
								size="small"
								variant="tertiary"
								isDestructive
								label={ sprintf(
									/* translators: %s: email address. */
									__( 'Remove %s', 'aftercare' ),
									address
								) }
								onClick={ () =>
									onChange(
										ticket.cc.filter(
											( cc ) => cc !== address
										)
									)
								}
							>
								{ __( 'Remove', 'aftercare' ) }
							</Button>
						</li>
					) ) }
				</ul>
			) : (
				<p className="aftercare-cc__none">
					{ __( 'Nobody is copied.', 'aftercare' ) }
				</p>
			) }
			<div className="aftercare-cc__add">
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="email"
					label={ __( 'Add a CC address', 'aftercare' ) }
					value={ draft }
					aria-invalid={ problem ? true : undefined }
					aria-describedby={
						problem ? 'aftercare-cc-problem' : undefined
					}
					onChange={ ( value ) => {
						setDraft( value );
						setProblem( null );
					} }
					onKeyDown={ (
						event: KeyboardEvent< HTMLInputElement >
					) => {
						if ( event.key === 'Enter' ) {
							event.preventDefault();
							add();
						}
					} }
				/>
				<Button
					__next40pxDefaultSize
					variant="secondary"
					onClick={ add }
				>
					{ __( 'Add', 'aftercare' ) }
				</Button>
			</div>
			<p
				id="aftercare-cc-problem"
				className="aftercare-cc__problem"
				role="alert"
			>
				{ problem }
			</p>
		</fieldset>
	);
}
