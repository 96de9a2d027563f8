export interface ContactAttributes {
	[ key: string ]: unknown;
	showOrderField: boolean;
	subjectLabel: string;
	messageLabel: string;
	submitLabel: string;
}
