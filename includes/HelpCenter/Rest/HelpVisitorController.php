<?php
/**
 * `POST aftercare/v1/help/visitor`: a new signed anonymous visitor id for the browser to keep
 * (the storefront scripts ask once, then send it with help-center events and votes). Issued by
 * the server, so votes stay one per visitor per article; public and rate-limited per IP, and
 * never cached, so no two browsers share an id through a cached page or answer.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

use Aftercare\HelpCenter\Visitors;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;

final class HelpVisitorController extends AbstractController {

	public const LIMIT = 30;

	/** @var string */
	protected $rest_base = 'help/visitor';

	public function __construct( private RateLimiter $limiter, private Visitors $visitors, private ClientAddress $client ) {}

	public function resource(): string {
		return 'help-visitor';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => array(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Anyone, within the rate limit.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->help_limit(
			$this->limiter,
			$this->client,
			'visitor',
			self::LIMIT,
			10 * MINUTE_IN_SECONDS,
			__( 'Too many requests. Please wait a moment.', 'aftercare' )
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		$response = rest_ensure_response( array( 'visitor' => $this->visitors->issue() ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_help_visitor',
				'type'       => 'object',
				'properties' => array(
					'visitor' => array(
						'description' => __(
							'A new anonymous visitor id, signed by the store, for the browser to keep and send with help-center events and votes.',
							'aftercare'
						),
						'type'        => 'string',
						'pattern'     => Visitors::PATTERN,
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
				),
			)
		);
	}
}
