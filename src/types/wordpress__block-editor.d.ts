/**
 * The part of @wordpress/block-editor that Aftercare uses.
 *
 * The package ships no type declarations for its public API, and the
 * DefinitelyTyped package pins old copies of @wordpress/components, element
 * and data, which would install twice and disagree with ours.
 * Declare what we use; widen it when a block needs more.
 * @param props
 */
declare module '@wordpress/block-editor' {
	import type {
		ComponentType,
		HTMLAttributes,
		ReactNode,
		RefCallback,
	} from 'react';

	type BlockProps = HTMLAttributes< HTMLElement > & {
		// A callback ref, so it fits any element.
		ref?: RefCallback< HTMLElement >;
		[ key: `data-${ string }` ]: string | undefined;
	};

	export function useBlockProps(
		props?: HTMLAttributes< HTMLElement > & Record< string, unknown >
	): BlockProps;

	export const InspectorControls: ComponentType< {
		children?: ReactNode;
		group?: 'default' | 'advanced' | 'color' | 'styles' | 'settings';
	} >;
}
