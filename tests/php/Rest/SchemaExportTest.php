<?php
/**
 * The JSON schemas in src/api/schema/ (from which src/api/types.ts is generated) must be exactly
 * what the controllers serve: each resource's item schema, and in requests/ the arguments each
 * handler takes. Run with AFTERCARE_UPDATE_SCHEMAS=1 (npm run schemas) to rewrite them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Rest;

use Aftercare\Plugin;
use Aftercare\Rest\AbstractController;
use Aftercare\Tests\TestCase;

final class SchemaExportTest extends TestCase {

	private const DIR = AFTERCARE_DIR . 'src/api/schema/';

	public function test_exported_schemas_match_what_the_api_serves(): void {
		$schemas = array();
		foreach ( Plugin::instance()->controllers as $controller ) {
			$schemas[ self::DIR . $controller->resource() . '.json' ] = $controller->get_public_item_schema();
		}
		$this->assert_exported( $schemas, self::DIR );
	}

	public function test_exported_request_schemas_match_the_arguments_the_api_takes(): void {
		$schemas = array();
		foreach ( rest_get_server()->get_routes( AbstractController::NAMESPACE ) as $route => $endpoints ) {
			foreach ( $endpoints as $endpoint ) {
				list( $controller, $handler ) = is_array( $endpoint['callback'] ) ? $endpoint['callback'] : array( null, '' );
				if ( ! $controller instanceof AbstractController ) {
					continue;
				}
				$schema = $this->request_schema( $controller->request_name( $handler ), $route, $endpoint );
				if ( null === $schema ) {
					continue;
				}
				$file = self::DIR . 'requests/' . $controller->request_name( $handler ) . '.json';
				$this->assertArrayNotHasKey( $file, $schemas, basename( $file ) . ': two handlers share a request name' );
				$schemas[ $file ] = $schema;
			}
		}
		$this->assertNotEmpty( $schemas );
		$this->assert_exported( $schemas, self::DIR . 'requests/' );
	}

	/**
	 * An endpoint's arguments as one object schema, the path's own parameters left out; null
	 * when it takes none.
	 *
	 * @param array<string, mixed> $endpoint As the REST server holds it.
	 * @return array<string, mixed>|null
	 */
	private function request_schema( string $name, string $route, array $endpoint ): ?array {
		preg_match_all( '/\(\?P<(\w+)>/', $route, $path );
		$args = array_diff_key( $endpoint['args'], array_flip( $path[1] ) );
		if ( ! $args ) {
			return null;
		}
		return array(
			'$schema'     => 'http://json-schema.org/draft-04/schema#',
			'title'       => 'aftercare_' . str_replace( '-', '_', $name ),
			'description' => implode( ', ', array_keys( $endpoint['methods'] ) ) . ' ' . preg_replace( '/\(\?P<(\w+)>[^)]*\)/', '{$1}', $route ),
			'type'        => 'object',
			'properties'  => $this->without_callbacks( $args ),
		);
	}

	/**
	 * @param array<mixed> $schema An argument schema.
	 * @return array<mixed> The same without what only PHP runs.
	 */
	private function without_callbacks( array $schema ): array {
		$schema = array_diff_key( $schema, array_flip( array( 'validate_callback', 'sanitize_callback', 'arg_options' ) ) );
		return array_map( fn( $value ) => is_array( $value ) ? $this->without_callbacks( $value ) : $value, $schema );
	}

	/**
	 * @param array<string, array<string, mixed>> $schemas File => schema.
	 * @param string                              $dir     Where they are, and nothing else.
	 */
	private function assert_exported( array $schemas, string $dir ): void {
		if ( getenv( 'AFTERCARE_UPDATE_SCHEMAS' ) ) {
			array_map( 'unlink', array_diff( glob( $dir . '*.json' ), array_keys( $schemas ) ) );
		}
		foreach ( $schemas as $file => $schema ) {
			if ( getenv( 'AFTERCARE_UPDATE_SCHEMAS' ) ) {
				wp_mkdir_p( dirname( $file ) );
				// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
				file_put_contents( $file, wp_json_encode( $schema, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n" );
			}
			$this->assertFileExists( $file, 'missing schema export: run npm run schemas' );
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$this->assertSame( $schema, json_decode( (string) file_get_contents( $file ), true ), basename( $file ) . ' is stale: run npm run schemas' );
		}
		$files = array_keys( $schemas );
		sort( $files );
		$this->assertSame( $files, glob( $dir . '*.json' ), 'a schema file in ' . basename( $dir ) . '/ has no handler' );
	}
}
