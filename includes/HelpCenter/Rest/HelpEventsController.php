<?php
/**
 * `POST aftercare/v1/help/events`: what a shopper did with the help center — a search they
 * settled on, a result they clicked, suggestions they were shown — logged with their anonymous
 * visitor id for the analytics. Public, rate-limited per IP; no cookie nonce, so it works on
 * cached pages. Counts are measured on the server, never taken from the request.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

use Aftercare\HelpCenter\Articles;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\HelpCenter\Visitors;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;

final class HelpEventsController extends AbstractController {

	public const LIMIT = 60;

	/** @var string */
	protected $rest_base = 'help/events';

	public function __construct( private Articles $articles, private RateLimiter $limiter, private Visitors $visitors, private ClientAddress $client ) {}

	public function resource(): string {
		return 'help-events';
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
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::CREATABLE ),
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
			'events',
			self::LIMIT,
			MINUTE_IN_SECONDS,
			__( 'Too many requests. Please wait a moment.', 'aftercare' )
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$kind     = (string) $request['kind'];
				$query    = (string) $request['query'];
				$visitor  = $this->visitors->verify( (string) $request['visitor'] );
				$source   = (string) $request['source'];
				$articles = array_values( array_unique( array_map( 'intval', (array) $request['articles'] ) ) );
				if ( 'search' !== $kind && ! $articles ) {
					throw DomainError::invalid( 'invalid_event', __( 'Name the articles of this event.', 'aftercare' ), array( 'params' => array( 'articles' ) ) );
				}
				if ( ( 'search' === $kind || 'suggest' === $kind ) && '' === trim( $query ) ) {
					throw DomainError::invalid( 'invalid_event', __( 'A search event needs its query.', 'aftercare' ), array( 'params' => array( 'query' ) ) );
				}
				if ( 'click' === $kind && count( $articles ) !== 1 ) {
					throw DomainError::invalid( 'invalid_event', __( 'A click is on one article.', 'aftercare' ), array( 'params' => array( 'articles' ) ) );
				}
				foreach ( $articles as $id ) {
					if ( ! $this->articles->is_public( $id ) ) {
						throw DomainError::invalid( 'invalid_event', __( 'That is not a published help article.', 'aftercare' ), array( 'params' => array( 'articles' ) ) );
					}
				}
				$count = 'search' === $kind
					? $this->articles->log_search( $query, $source, $visitor )
					: count( $articles );
				if ( 'search' !== $kind ) {
					$this->articles->log_articles( $kind, $source, $query, $articles, $visitor );
				}
				$response = rest_ensure_response(
					array(
						'kind'     => $kind,
						'recorded' => true,
						'results'  => 'search' === $kind ? $count : count( $articles ),
					)
				);
				$response->set_status( 202 );
				return $response;
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_help_events',
				'type'       => 'object',
				'properties' => array(
					'kind'     => array(
						'description' => __( 'search: a query the shopper settled on; click: a result they opened; suggest: suggestions they were shown.', 'aftercare' ),
						'type'        => 'string',
						'enum'        => SearchLog::KINDS,
						'required'    => true,
						'context'     => array( 'view' ),
					),
					'source'   => array(
						'description' => __( 'Where it happened.', 'aftercare' ),
						'type'        => 'string',
						'enum'        => SearchLog::SOURCES,
						'default'     => 'help-center',
						'context'     => array( 'view' ),
					),
					'query'    => array(
						'description' => __( 'What the shopper searched for or typed.', 'aftercare' ),
						'type'        => 'string',
						'maxLength'   => 190,
						'default'     => '',
						'context'     => array( 'view' ),
					),
					'articles' => array(
						'description' => __( 'The clicked article, or the suggested ones.', 'aftercare' ),
						'type'        => 'array',
						'items'       => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
						'maxItems'    => 10,
						'default'     => array(),
						'context'     => array( 'view' ),
					),
					'visitor'  => array(
						'description' => __( 'The anonymous visitor id the store issued to this browser (POST help/visitor).', 'aftercare' ),
						'type'        => 'string',
						'maxLength'   => 65,
						'required'    => true,
						'context'     => array( 'view' ),
					),
					'recorded' => array(
						'description' => __( 'Whether the event was logged.', 'aftercare' ),
						'type'        => 'boolean',
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
					'results'  => array(
						'description' => __( 'Articles the query finds (search), or articles logged.', 'aftercare' ),
						'type'        => 'integer',
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
				),
			)
		);
	}
}
