/**
 * WordPress dependencies
 */
import {
	Button,
	ComboboxControl,
	FormFileUpload,
	TextareaControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { FormEvent, KeyboardEvent } from 'react';

/**
 * Internal dependencies
 */
import { getAdminData } from '../admin-data';
import { savedRepliesStore, ticketsStore } from '../store';
import { htmlToText, textToHtml } from '../utils/html';

interface ComposerProps {
	ticketId: number;
	/** Called when a draft starts or ends, for the presence heartbeat. */
	onDraftChange?: ( hasDraft: boolean ) => void;
}

/**
 * Writes a public reply or an internal note, with saved replies (their variables
 * filled in by the server for this ticket) and attachments.
 *
 * @param props               Component props.
 * @param props.ticketId      The ticket.
 * @param props.onDraftChange Told whether there is a draft.
 */
export function Composer( { ticketId, onDraftChange }: ComposerProps ) {
	const [ type, setType ] = useState< 'reply' | 'note' >( 'reply' );
	const [ text, setText ] = useState( '' );
	const [ files, setFiles ] = useState< File[] >( [] );
	const [ savedReply, setSavedReply ] = useState< string | null >( null );
	const { savedReplies, progress } = useSelect(
		( select ) => ( {
			savedReplies: select( savedRepliesStore ).getSavedReplies(),
			progress: select( ticketsStore ).getSendProgress( ticketId ),
		} ),
		[ ticketId ]
	);
	const { sendMessage } = useDispatch( ticketsStore );
	const { renderSavedReply } = useDispatch( savedRepliesStore );
	const isSending = progress !== null;

	const changeText = ( value: string ) => {
		if ( ! value.trim() !== ! text.trim() ) {
			onDraftChange?.( !! value.trim() );
		}
		setText( value );
	};

	const insertSavedReply = async ( value: string | null | undefined ) => {
		setSavedReply( value ?? null );
		if ( ! value ) {
			return;
		}
		const html = await renderSavedReply( Number( value ), ticketId );
		if ( html !== null ) {
			changeText(
				text.trim()
					? `${ text.trimEnd() }\n\n${ htmlToText( html ) }`
					: htmlToText( html )
			);
		}
		setSavedReply( null );
	};

	const submit = async () => {
		if ( ! text.trim() || isSending ) {
			return;
		}
		const saved = await sendMessage( ticketId, {
			type,
			body: textToHtml( text ),
			files,
		} );
		if ( saved ) {
			changeText( '' );
			setFiles( [] );
		}
	};

	const onSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		void submit();
	};

	const onKeyDown = ( event: KeyboardEvent< HTMLTextAreaElement > ) => {
		if ( event.key === 'Enter' && ( event.ctrlKey || event.metaKey ) ) {
			event.preventDefault();
			void submit();
		}
	};

	const isNote = type === 'note';

	return (
		<form
			className={ `aftercare-composer${ isNote ? ' aftercare-composer--note' : '' }` }
			onSubmit={ onSubmit }
			aria-label={ __( 'Write a reply or a note', 'aftercare' ) }
		>
			<div className="aftercare-row aftercare-row--bottom">
				<div
					className="aftercare-composer__type"
					role="group"
					aria-label={ __( 'Message type', 'aftercare' ) }
				>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						isPressed={ ! isNote }
						onClick={ () => setType( 'reply' ) }
					>
						{ __( 'Reply to customer', 'aftercare' ) }
					</Button>
					<Button
						__next40pxDefaultSize
						variant="secondary"
						isPressed={ isNote }
						onClick={ () => setType( 'note' ) }
					>
						{ __( 'Internal note', 'aftercare' ) }
					</Button>
				</div>
				<ComboboxControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					className="aftercare-composer__saved-replies"
					label={ __( 'Insert a saved reply', 'aftercare' ) }
					value={ savedReply }
					options={ ( savedReplies ?? [] ).map( ( reply ) => ( {
						value: String( reply.id ),
						label: reply.title,
					} ) ) }
					onChange={ ( value ) => void insertSavedReply( value ) }
				/>
			</div>
			<TextareaControl
				__nextHasNoMarginBottom
				label={
					isNote
						? __( 'Internal note', 'aftercare' )
						: __( 'Reply', 'aftercare' )
				}
				help={
					isNote
						? __( 'Only agents see notes.', 'aftercare' )
						: __(
								'The customer gets this by email. Ctrl+Enter sends.',
								'aftercare'
							)
				}
				value={ text }
				onChange={ changeText }
				rows={ 7 }
				onKeyDown={ onKeyDown }
			/>
			{ files.length > 0 && (
				<ul
					className="aftercare-composer__files"
					aria-label={ __( 'Files to attach', 'aftercare' ) }
				>
					{ files.map( ( file, index ) => (
						<li key={ `${ file.name }-${ index }` }>
							{ file.name }{ ' ' }
							<Button
								variant="link"
								isDestructive
								disabled={ isSending }
								onClick={ () =>
									setFiles(
										files.filter( ( _, i ) => i !== index )
									)
								}
								label={ sprintf(
									/* translators: %s: file name. */
									__( 'Remove %s', 'aftercare' ),
									file.name
								) }
							>
								{ __( 'Remove', 'aftercare' ) }
							</Button>
						</li>
					) ) }
				</ul>
			) }
			{ isSending && files.length > 0 && (
				<div className="aftercare-composer__progress">
					<label htmlFor={ `aftercare-upload-${ ticketId }` }>
						{ __( 'Uploading attachments', 'aftercare' ) }
					</label>
					<progress
						id={ `aftercare-upload-${ ticketId }` }
						max={ 100 }
						value={ Math.round( progress * 100 ) }
					>
						{ Math.round( progress * 100 ) }%
					</progress>
				</div>
			) }
			<div className="aftercare-row aftercare-row--between">
				<FormFileUpload
					multiple
					accept={ getAdminData().attachmentAccept || undefined }
					onChange={ ( event ) => {
						const chosen = Array.from(
							event.currentTarget.files ?? []
						);
						setFiles( [ ...files, ...chosen ] );
						event.currentTarget.value = '';
					} }
					render={ ( { openFileDialog } ) => (
						<Button
							__next40pxDefaultSize
							variant="secondary"
							disabled={ isSending }
							onClick={ openFileDialog }
						>
							{ __( 'Attach files', 'aftercare' ) }
						</Button>
					) }
				/>
				<Button
					__next40pxDefaultSize
					variant="primary"
					type="submit"
					isBusy={ isSending }
					disabled={ isSending || ! text.trim() }
					accessibleWhenDisabled
				>
					{ isNote
						? __( 'Add note', 'aftercare' )
						: __( 'Send reply', 'aftercare' ) }
				</Button>
			</div>
		</form>
	);
}
