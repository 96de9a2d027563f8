export interface ReturnsAttributes {
	[ key: string ]: unknown;
	heading: string;
	submitLabel: string;
	showSuggestions: boolean;
}
