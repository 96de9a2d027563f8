/**
 * Words for what became of a received mail and where it came in.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Option } from '../tickets/labels';
import type { MailOutcome, ReceivedMail } from './api';

export const OUTCOMES = (): Option< MailOutcome >[] => [
	{ value: 'stored', label: __( 'Stored', 'aftercare' ) },
	{ value: 'ignored', label: __( 'Ignored', 'aftercare' ) },
	{ value: 'needs_attention', label: __( 'Needs attention', 'aftercare' ) },
];

export const SOURCES = (): Option< ReceivedMail[ 'source' ] >[] => [
	{ value: 'webhook', label: __( 'Webhook', 'aftercare' ) },
	{ value: 'postmark', label: __( 'Postmark', 'aftercare' ) },
	{ value: 'imap', label: __( 'Mailbox', 'aftercare' ) },
];
