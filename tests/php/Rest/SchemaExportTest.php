<?php
/**
 * The JSON schemas in src/api/schema/ (from which src/api/types.ts is generated) must be exactly
 * what the controllers serve. Run with AFTERCARE_UPDATE_SCHEMAS=1 (npm run schemas) to rewrite them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Rest;

use Aftercare\Plugin;
use Aftercare\Tests\TestCase;

final class SchemaExportTest extends TestCase {

	public function test_exported_schemas_match_what_the_api_serves(): void {
		$dir      = AFTERCARE_DIR . 'src/api/schema/';
		$expected = array();
		foreach ( Plugin::instance()->controllers as $controller ) {
			$file              = $dir . $controller->resource() . '.json';
			$schema            = $controller->get_public_item_schema();
			$expected[ $file ] = true;
			if ( getenv( 'AFTERCARE_UPDATE_SCHEMAS' ) ) {
				// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
				file_put_contents( $file, wp_json_encode( $schema, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n" );
			}
			$this->assertFileExists( $file, 'missing schema export: run npm run schemas' );
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$this->assertSame( $schema, json_decode( (string) file_get_contents( $file ), true ), basename( $file ) . ' is stale: run npm run schemas' );
		}
		$files = array_keys( $expected );
		sort( $files );
		$this->assertSame( $files, glob( $dir . '*.json' ), 'a schema file has no controller' );
	}
}
