/**
 * ESLint: the WordPress coding standards (@wordpress/eslint-plugin's recommended
 * config, TypeScript-aware because typescript is installed), plus the Jest rules for
 * unit tests next to the code and the Playwright rules for tests/e2e.
 */
import { createRequire } from 'node:module';
import wordpress from '@wordpress/eslint-plugin';

const require = createRequire( import.meta.url );

export default [
	{
		ignores: [
			'build/**',
			'node_modules/**',
			'vendor/**',
			'.cache/**',
			'test-results/**',
			'playwright-report/**',
			'artifacts/**',
			// Generated from the REST schemas (scripts/generate-types.mjs), whose
			// comments carry JSON-schema keywords such as @maxItems.
			'src/api/types.ts',
		],
	},

	...wordpress.configs.recommended,

	// JavaScript goes through Babel's parser; without a Babel config file, give it
	// the WordPress preset (as @wordpress/scripts' default ESLint config does).
	{
		languageOptions: {
			parserOptions: {
				requireConfigFile: false,
				babelOptions: {
					presets: [
						require.resolve( '@wordpress/babel-preset-default' ),
					],
				},
			},
		},
	},

	...wordpress.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: [ '**/test/**/*.[jt]s?(x)', '**/?(*.)test.[jt]s?(x)' ],
	} ) ),

	// Command-line tools: printing is their job.
	{
		files: [ 'scripts/**' ],
		rules: {
			'no-console': 'off',
		},
	},

	...wordpress.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: [ 'tests/e2e/**/*.[jt]s' ],
	} ) ),
];
