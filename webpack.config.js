/**
 * One webpack run for the whole plugin, built on the @wordpress/scripts defaults:
 *
 * - blocks/<name>/block.json → build/blocks/<name>/ (editor script, styles, render.php,
 *   block.json, and the Interactivity API view script module), and
 * - src/index.tsx (the wp-admin app) → build/admin/index.{js,asset.php,css}.
 *
 * After each blocks build (in watch mode too) it writes build/blocks-manifest.php
 * with wp-scripts' build-blocks-manifest, for
 * wp_register_block_types_from_metadata_collection( build/blocks, build/blocks-manifest.php ).
 */
const { execFileSync } = require( 'child_process' );
const fs = require( 'fs' );
const path = require( 'path' );

// Blocks are discovered from block.json files under blocks/, not src/. The
// @wordpress/scripts config reads these when it is loaded and when it resolves entries.
process.env.WP_SOURCE_PATH = 'blocks';
process.env.WP_EXPERIMENTAL_MODULES = 'true';

const defaultConfigs = require( '@wordpress/scripts/config/webpack.config' );

const [ blocksScriptConfig, blocksModuleConfig ] = Array.isArray(
	defaultConfigs
)
	? defaultConfigs
	: [ defaultConfigs ];

const blocksOutput = path.resolve( __dirname, 'build/blocks' );
const blocksManifest = path.resolve( __dirname, 'build/blocks-manifest.php' );

// The two blocks compilations share build/blocks, so neither may clean it (each
// would delete the other's files): start from an empty folder instead, so a
// removed block leaves nothing behind.
fs.rmSync( blocksOutput, { recursive: true, force: true } );
fs.rmSync( blocksManifest, { force: true } );

class BlocksManifestPlugin {
	apply( compiler ) {
		compiler.hooks.afterEmit.tap( 'AftercareBlocksManifest', () => {
			execFileSync(
				process.execPath,
				[
					require.resolve( '@wordpress/scripts/scripts/build-blocks-manifest' ),
					`--input=${ path.relative( process.cwd(), blocksOutput ) }`,
					`--output=${ path.relative( process.cwd(), blocksManifest ) }`,
				],
				{ stdio: 'inherit' }
			);
		} );
	}
}

/** @type {import('webpack').Configuration} */
const blocksScripts = {
	...blocksScriptConfig,
	name: 'blocks',
	output: { ...blocksScriptConfig.output, path: blocksOutput },
	// block.json files are copied by this compilation, so it writes the manifest.
	plugins: [ ...blocksScriptConfig.plugins, new BlocksManifestPlugin() ],
};

/** @type {import('webpack').Configuration} */
const blocksModules = {
	...blocksModuleConfig,
	name: 'blocks-modules',
	output: { ...blocksModuleConfig.output, path: blocksOutput },
};

/** @type {import('webpack').Configuration} */
const admin = {
	...blocksScriptConfig,
	name: 'admin',
	entry: { index: path.resolve( __dirname, 'src/index.tsx' ) },
	output: {
		...blocksScriptConfig.output,
		path: path.resolve( __dirname, 'build/admin' ),
		clean: true,
	},
	// The admin app has no block.json or render.php to copy.
	plugins: blocksScriptConfig.plugins.filter(
		( plugin ) =>
			! [ 'CopyPlugin', 'PhpFilePathsPlugin' ].includes(
				plugin.constructor.name
			)
	),
	devServer: undefined,
};

module.exports = [ admin, blocksScripts, blocksModules ];
