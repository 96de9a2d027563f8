<?php
/**
 * Base of every Aftercare REST controller: the namespace, and one place that turns domain
 * failures into WP_Error responses with the right status.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest;

use Aftercare\Infrastructure\DomainError;

abstract class AbstractController extends \WP_REST_Controller {

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
	 * Permission callback helper: true, or a uniform error that reveals nothing about the object.
	 */
	protected function allow( bool $allowed ): bool|\WP_Error {
		return $allowed ? true : $this->error( DomainError::forbidden( 'forbidden', __( 'Sorry, you are not allowed to do that.', 'aftercare' ) ) );
	}
}
