<?php
/**
 * `GET aftercare/v1/help/search?q=…`: the help center's search, for anyone. Rate-limited per IP,
 * and cacheable by any page cache or CDN: the answer depends on the query alone.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

use Aftercare\HelpCenter\Articles;
use Aftercare\Http\CachePolicy;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;

final class HelpSearchController extends AbstractController {

	/** Searches one address may make per minute (search as you type makes several per query). */
	public const LIMIT = 120;

	/** @var string */
	protected $rest_base = 'help/search';

	public function __construct( private Articles $articles, private RateLimiter $limiter, private ClientAddress $client, private HelpSearchSchema $resource ) {}

	public function resource(): string {
		return 'help-search';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->resource->collection_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Anyone may search, within the rate limit.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->help_limit(
			$this->limiter,
			$this->client,
			'search',
			self::LIMIT,
			MINUTE_IN_SECONDS,
			__( 'Too many searches. Please wait a moment and try again.', 'aftercare' )
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		$query    = (string) $request['q'];
		$results  = $this->articles->search( $query, (int) $request['limit'], (bool) $request['prefix'] );
		$response = rest_ensure_response( array_map( array( $this->resource, 'prepare' ), $results ) );
		$response->header( 'X-WP-Total', (string) count( $results ) );
		$response->header( 'X-WP-TotalPages', '1' );
		// A guest's answer depends on the query alone; a signed-in one may show private articles.
		return is_user_logged_in() ? $response : CachePolicy::cache_publicly( $response, 5 * MINUTE_IN_SECONDS );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
