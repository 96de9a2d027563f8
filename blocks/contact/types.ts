export interface ContactAttributes {
	[ key: string ]: unknown;
	showOrderField: boolean;
	showAttachments: boolean;
	nameLabel: string;
	emailLabel: string;
	orderLabel: string;
	subjectLabel: string;
	messageLabel: string;
	attachmentsLabel: string;
	submitLabel: string;
}

/** The labels a store owner can change, by attribute. */
export type LabelAttribute =
	| 'nameLabel'
	| 'emailLabel'
	| 'orderLabel'
	| 'subjectLabel'
	| 'messageLabel'
	| 'attachmentsLabel'
	| 'submitLabel';
