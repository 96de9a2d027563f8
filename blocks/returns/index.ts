/**
 * WordPress dependencies
 */
import { registerBlockType } from '@wordpress/blocks';
import type { BlockConfiguration } from '@wordpress/blocks';
import { undo as icon } from '@wordpress/icons';

/**
 * Internal dependencies
 */
import Edit from './edit';
import metadata from './block.json';
import type { ReturnsAttributes } from './types';
import './style.scss';

// block.json is the source of truth; TypeScript reads its JSON with widened types.
const blockType =
	metadata as unknown as BlockConfiguration< ReturnsAttributes >;

registerBlockType< ReturnsAttributes >( blockType, {
	icon,
	edit: Edit,
	// Dynamic block: render.php renders it on the server.
	save: () => null,
} );
