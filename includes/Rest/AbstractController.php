<?php
/**
 * Base of every Aftercare REST controller: the namespace, and one place that turns domain
 * failures into WP_Error responses with the right status.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest;

use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Infrastructure\Registrable;

abstract class AbstractController extends \WP_REST_Controller implements Registrable {

	public const NAMESPACE = 'aftercare/v1';

	/** @var string */
	protected $namespace = self::NAMESPACE;

	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Resource name used for the exported schema file, e.g. `settings` → src/api/schema/settings.json.
	 */
	public function resource(): string {
		return $this->rest_base;
	}

	/**
	 * Name of the exported argument schema of one of this controller's handlers: the route base
	 * without its path parameters, and what the handler does (`returns` + `act` → `returns-act`,
	 * src/api/schema/requests/returns-act.json, TypeScript `AftercareReturnsAct`).
	 *
	 * @param string $handler The handler's method name.
	 */
	public function request_name( string $handler ): string {
		$base   = (string) preg_replace( array( '/\(\?P<\w+>[^)]*\)/', '#/+#' ), array( '', '/' ), $this->rest_base );
		$action = array(
			'get_items'   => 'query',
			'get_item'    => 'read',
			'create_item' => 'create',
			'update_item' => 'update',
		)[ $handler ] ?? $handler;
		return str_replace( array( '/', '_' ), '-', trim( $base, '/' ) . '/' . $action );
	}

	/**
	 * Runs a handler and maps a DomainError to an error response; anything else is a bug and is left
	 * to WordPress's own fatal-error handling rather than disguised as a client error.
	 *
	 * @param callable(): (\WP_REST_Response|array<mixed>) $handler Handler body.
	 */
	protected function respond( callable $handler ): \WP_REST_Response {
		try {
			return rest_ensure_response( $handler() );
		} catch ( DomainError $error ) {
			$response = rest_convert_error_to_response( $this->error( $error ) );
			if ( isset( $error->data['retry_after'] ) ) {
				$response->header( 'Retry-After', (string) $error->data['retry_after'] );
			}
			return $response;
		}
	}

	protected function error( DomainError $error ): \WP_Error {
		return new \WP_Error( 'aftercare_' . $error->reason, $error->getMessage(), array_merge( $error->data, array( 'status' => $error->status ) ) );
	}

	/**
	 * Permission callback helper for a public help-center route: true, or a 429 once this client
	 * has used its window. The `aftercare_help_rate_limit` filter (documented in
	 * includes/HelpCenter/Articles.php) changes the count per route.
	 *
	 * @param string $route search|events|feedback|visitor.
	 */
	protected function help_limit( RateLimiter $limiter, ClientAddress $client, string $route, int $limit, int $window, string $message ): bool|\WP_Error {
		$limit = (int) apply_filters( 'aftercare_help_rate_limit', $limit, $route );
		$wait  = $limiter->hit( 'help_' . $route . '_ip', $client->key(), $limit, $window );
		return $wait > 0 ? $this->error( DomainError::throttled( $message, $wait ) ) : true;
	}

	/**
	 * Permission callback helper: true, or a uniform error that reveals nothing about the object.
	 */
	protected function allow( bool $allowed ): bool|\WP_Error {
		return $allowed ? true : $this->error( DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) ) );
	}
}
