export interface HelpCenterAttributes {
	[ key: string ]: unknown;
	heading: string;
	placeholder: string;
	showCategories: boolean;
	categories: number[];
	categoryCount: number;
	showPopular: boolean;
	popularCount: number;
	showContact: boolean;
	layout: 'grid' | 'list';
	compact: boolean;
}
