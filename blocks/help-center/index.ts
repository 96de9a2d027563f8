/**
 * WordPress dependencies
 */
import { registerBlockType } from '@wordpress/blocks';
import type { BlockConfiguration } from '@wordpress/blocks';
import { search as icon } from '@wordpress/icons';

/**
 * Internal dependencies
 */
import Edit from './edit';
import metadata from './block.json';
import type { HelpCenterAttributes } from './types';
import './style.scss';

// block.json is the source of truth (see blocks/contact/index.ts for the cast).
const blockType =
	metadata as unknown as BlockConfiguration< HelpCenterAttributes >;

registerBlockType< HelpCenterAttributes >( blockType, {
	icon,
	edit: Edit,
	// Dynamic block: render.php renders it on the server.
	save: () => null,
} );
