/**
 * WordPress dependencies
 */
import { Button, Modal, Notice, Spinner } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../api';
import { mailStore, settingsStore } from '../store';
import { formatDateTime } from '../utils/time';
import type {
	MailSecret,
	MailStatus,
	MailboxTestInput,
	MailboxTestResult,
} from './api';
import { CopyButton } from './CopyButton';
import { RECEIVED_MAIL_PAGE, adminPageUrl } from './links';
import './mail.scss';

/** The settings Test connection tries unsaved values of. */
const MAILBOX_FIELDS = [
	'mailbox_host',
	'mailbox_port',
	'mailbox_security',
	'mailbox_user',
	'mailbox_password',
	'mailbox_folder',
	'mailbox_allow_self_signed',
] as const;

/**
 * The mailbox settings the person changed but has not saved, so Test connection
 * tries what is in the form.
 *
 * @param edits The settings form's unsaved changes.
 * @return The mailbox fields among them.
 */
export function unsavedMailbox(
	edits: Partial< AftercareSettings >
): MailboxTestInput {
	const values: Record< string, unknown > = {};
	for ( const field of MAILBOX_FIELDS ) {
		if ( edits[ field ] !== undefined ) {
			values[ field ] = edits[ field ];
		}
	}
	return values as MailboxTestInput;
}

/**
 * A value to copy: shown as code, with a copy button named after it.
 *
 * @param props       Component props.
 * @param props.label What the value is.
 * @param props.value The value.
 */
function CopyRow( { label, value }: { label: string; value: string } ) {
	return (
		<div className="aftercare-mail__row">
			<dt>{ label }</dt>
			<dd>
				<code className="aftercare-mail__value">{ value }</code>
				<CopyButton text={ value } label={ label } />
			</dd>
		</div>
	);
}

const MASK = '••••••••••••••••••••••••';

/**
 * The webhook secret. The server never sends it back: a new one, made with
 * "Rotate secret" after a confirmation that says what breaks, is in hand only
 * until the page is left, masked until the person asks to see it.
 *
 * @param props           Component props.
 * @param props.secretSet Whether the store has a secret.
 */
function Secret( { secretSet }: { secretSet: boolean } ) {
	const { rotateSecret } = useDispatch( mailStore );
	const [ fresh, setFresh ] = useState< MailSecret | null >( null );
	const [ shown, setShown ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const [ confirming, setConfirming ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );

	const rotate = async () => {
		setBusy( true );
		const result = await rotateSecret();
		setBusy( false );
		setConfirming( false );
		setError( result.ok ? null : result.error );
		if ( result.ok ) {
			setFresh( result.value );
			setShown( false );
		}
	};

	let value: string;
	if ( fresh ) {
		value = shown ? fresh.secret : MASK;
	} else {
		value = secretSet ? MASK : __( 'None yet', 'aftercare' );
	}

	return (
		<>
			<div className="aftercare-mail__row">
				<dt id="aftercare-mail-secret">
					{ __( 'Webhook secret', 'aftercare' ) }
				</dt>
				<dd>
					<code
						className="aftercare-mail__value"
						aria-labelledby="aftercare-mail-secret"
					>
						{ value }
					</code>
					{ fresh && (
						<>
							<Button
								__next40pxDefaultSize
								type="button"
								variant="secondary"
								aria-pressed={ shown }
								onClick={ () => setShown( ! shown ) }
							>
								{ __( 'Show secret', 'aftercare' ) }
							</Button>
							<CopyButton
								text={ fresh.secret }
								label={ __( 'Webhook secret', 'aftercare' ) }
							/>
						</>
					) }
					<Button
						__next40pxDefaultSize
						type="button"
						variant="secondary"
						isDestructive
						disabled={ busy }
						accessibleWhenDisabled
						onClick={ () => setConfirming( true ) }
					>
						{ __( 'Rotate secret', 'aftercare' ) }
					</Button>
					<span className="aftercare-mail__help">
						{ fresh
							? __(
									'The new secret is shown only now: copy it to your mail server’s pipe, and the Postmark address below to Postmark.',
									'aftercare'
								)
							: __(
									'The secret is never shown again once made. Rotate it to get a new one to give your senders.',
									'aftercare'
								) }
					</span>
					{ error && (
						<Notice status="error" isDismissible={ false }>
							{ error }
						</Notice>
					) }
				</dd>
				{ confirming && (
					<Modal
						title={ __(
							'Rotate the webhook secret?',
							'aftercare'
						) }
						onRequestClose={ () => setConfirming( false ) }
						size="small"
					>
						<p>
							{ __(
								'A new secret replaces the current one at once. Everything that sends mail to the webhooks with the current secret (your mail server’s pipe, Postmark’s webhook URL) is refused until you update it with the new secret.',
								'aftercare'
							) }
						</p>
						<div className="aftercare-mail__dialog-actions">
							<Button
								__next40pxDefaultSize
								type="button"
								variant="tertiary"
								onClick={ () => setConfirming( false ) }
							>
								{ __( 'Cancel', 'aftercare' ) }
							</Button>
							<Button
								__next40pxDefaultSize
								type="button"
								variant="primary"
								isDestructive
								isBusy={ busy }
								disabled={ busy }
								accessibleWhenDisabled
								onClick={ rotate }
							>
								{ __( 'Rotate secret', 'aftercare' ) }
							</Button>
						</div>
					</Modal>
				) }
			</div>
			{ fresh && (
				<div className="aftercare-mail__row">
					<dt>
						{ __(
							'Postmark webhook with the new secret',
							'aftercare'
						) }
					</dt>
					<dd>
						<code className="aftercare-mail__value">
							{ shown
								? fresh.postmark_url
								: fresh.postmark_url.replace(
										fresh.secret,
										MASK
									) }
						</code>
						<CopyButton
							text={ fresh.postmark_url }
							label={ __(
								'Postmark webhook with the new secret',
								'aftercare'
							) }
						/>
					</dd>
				</div>
			) }
		</>
	);
}

/**
 * What the mail server said to Test connection, in a sentence.
 *
 * @param result The server's answer.
 * @return The sentence.
 */
function describeTest( result: MailboxTestResult ): string {
	return sprintf(
		/* translators: 1: folder name, 2: number of messages, 3: the server's greeting. */
		_n(
			'Connected. The folder %1$s holds %2$d message. The server said: %3$s',
			'Connected. The folder %1$s holds %2$d messages. The server said: %3$s',
			result.messages,
			'aftercare'
		),
		result.folder,
		result.messages,
		result.greeting
	);
}

/**
 * The mailbox Aftercare reads: its last check, and a test of the connection
 * with the form's values (saved or not).
 *
 * @param props        Component props.
 * @param props.status The mailbox part of the mail status.
 */
function Mailbox( { status }: { status: MailStatus[ 'mailbox' ] } ) {
	const edits = useSelect(
		( select ) => select( settingsStore ).getSettingsEdits(),
		[]
	);
	const { testMailbox } = useDispatch( mailStore );
	const [ testing, setTesting ] = useState( false );
	const [ result, setResult ] = useState<
		{ ok: true; text: string } | { ok: false; text: string } | null
	>( null );

	const test = async () => {
		setTesting( true );
		setResult( null );
		const answer = await testMailbox( unsavedMailbox( edits ) );
		setTesting( false );
		setResult(
			answer.ok
				? { ok: true, text: describeTest( answer.value ) }
				: { ok: false, text: answer.error }
		);
	};

	let state: string;
	if ( ! status.enabled ) {
		state = __(
			'No mailbox is read. Enter its server, user name and password above to read one.',
			'aftercare'
		);
	} else {
		state = sprintf(
			/* translators: 1: user name, 2: IMAP server, 3: folder. */
			__( '%1$s on %2$s, folder %3$s.', 'aftercare' ),
			status.user,
			status.host,
			status.folder
		);
	}
	let lastRun: string = __( 'Not checked yet.', 'aftercare' );
	if ( status.last_checked && status.last_error ) {
		lastRun = sprintf(
			/* translators: 1: date and time, 2: why the check failed. */
			__( 'Last checked %1$s: failed. %2$s', 'aftercare' ),
			formatDateTime( status.last_checked ),
			status.last_error
		);
	} else if ( status.last_checked ) {
		lastRun = sprintf(
			/* translators: 1: date and time, 2: number of messages. */
			_n(
				'Last checked %1$s: %2$d new message.',
				'Last checked %1$s: %2$d new messages.',
				status.last_handled ?? 0,
				'aftercare'
			),
			formatDateTime( status.last_checked ),
			status.last_handled ?? 0
		);
	}

	return (
		<div className="aftercare-mail__row">
			<dt>{ __( 'Mailbox', 'aftercare' ) }</dt>
			<dd>
				<span>{ state }</span>
				{ status.enabled && (
					<span className="aftercare-mail__help">{ lastRun }</span>
				) }
				<Button
					__next40pxDefaultSize
					type="button"
					variant="secondary"
					isBusy={ testing }
					disabled={ testing }
					accessibleWhenDisabled
					onClick={ test }
				>
					{ testing
						? __( 'Testing…', 'aftercare' )
						: __( 'Test connection', 'aftercare' ) }
				</Button>
				<div aria-live="polite">
					{ result && (
						<Notice
							status={ result.ok ? 'success' : 'error' }
							isDismissible={ false }
						>
							{ result.ok
								? result.text
								: sprintf(
										/* translators: %s: why the connection failed. */
										__(
											'The connection failed: %s',
											'aftercare'
										),
										result.text
									) }
						</Notice>
					) }
				</div>
			</dd>
		</div>
	);
}

/**
 * Settings → Email, the parts that are not plain fields: where mail comes in
 * (support address, webhooks and their secret, the mailbox and its test) and a
 * link to the log of received mail with the count needing attention.
 */
export function EmailTools() {
	const { status, error } = useSelect(
		( select ) => ( {
			status: select( mailStore ).getMailStatus(),
			error: select( mailStore ).getError( 'status' ),
		} ),
		[]
	);
	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! status ) {
		return <Spinner />;
	}
	return (
		<div className="aftercare-mail">
			<h3 className="aftercare-mail__title">
				{ __( 'How mail comes in', 'aftercare' ) }
			</h3>
			<dl className="aftercare-mail__list">
				<div className="aftercare-mail__row">
					<dt>{ __( 'Support address', 'aftercare' ) }</dt>
					<dd>
						<code className="aftercare-mail__value">
							{ status.support_address }
						</code>
					</dd>
				</div>
				<div className="aftercare-mail__row">
					<dt>{ __( 'Replies come back to', 'aftercare' ) }</dt>
					<dd>
						<code className="aftercare-mail__value">
							{ status.reply_address_example }
						</code>
						<span className="aftercare-mail__help">
							{ __(
								'Each ticket’s mail has its own Reply-To like this one; your mailbox must deliver it to the support address.',
								'aftercare'
							) }
						</span>
					</dd>
				</div>
				<CopyRow
					label={ __( 'Webhook URL (raw message)', 'aftercare' ) }
					value={ status.webhook_url }
				/>
				<CopyRow
					label={ __( 'Webhook URL (Postmark)', 'aftercare' ) }
					value={ status.postmark_url }
				/>
				<Secret secretSet={ status.secret_set } />
				<Mailbox status={ status.mailbox } />
			</dl>
			<p>
				<a href={ adminPageUrl( RECEIVED_MAIL_PAGE ) }>
					{ __( 'Received mail', 'aftercare' ) }
				</a>
				{ status.needs_attention > 0 &&
					' ' +
						sprintf(
							/* translators: %d: number of messages. */
							_n(
								'(%d needs attention)',
								'(%d need attention)',
								status.needs_attention,
								'aftercare'
							),
							status.needs_attention
						) }
			</p>
		</div>
	);
}
