/**
 * Jest (through `wp-scripts test-unit-js`): the @wordpress/scripts unit config, looking
 * only where unit tests live (`test/` folders next to the code in src/ and blocks/).
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...defaultConfig,
	roots: [ '<rootDir>/src', '<rootDir>/blocks' ],
	// Added to the preset's own setup files: DOM matchers such as toBeChecked().
	setupFilesAfterEnv: [ '@testing-library/jest-dom' ],
	// Some dependencies ship ES modules only (`.mjs` files such as @wordpress/theme's,
	// uuid, and the self-contained build of @wordpress/dataviews), which Jest cannot require on
	// Node 20: Babel compiles them like our code.
	transform: {
		'\\.m?[jt]sx?$':
			require.resolve( '@wordpress/scripts/config/babel-transform' ),
	},
	transformIgnorePatterns: [
		'/node_modules/(?!uuid/|@wordpress/dataviews/).+\\.c?js$',
	],
};
