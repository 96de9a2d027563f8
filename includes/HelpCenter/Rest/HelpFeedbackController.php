<?php
/**
 * `POST aftercare/v1/help/articles/{id}/feedback`: "Was this helpful?" with an optional comment.
 * Public and rate-limited per IP; one vote per visitor per article (voting again changes the
 * vote), keyed by an HMAC of the visitor id the server issued and signed (forged ids get a 400)
 * — no IP address is stored.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Articles;
use Aftercare\HelpCenter\Visitors;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;

final class HelpFeedbackController extends AbstractController {

	public const LIMIT = 20;

	/** @var string */
	protected $rest_base = 'help/articles/(?P<id>[\d]+)/feedback';

	public function __construct(
		private Articles $articles,
		private ArticleVotes $votes,
		private RateLimiter $limiter,
		private Visitors $visitors,
		private ClientAddress $client
	) {}

	public function resource(): string {
		return 'help-feedback';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'The article.', 'aftercare' ),
						'type'        => 'integer',
						'minimum'     => 1,
					),
				),
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
			'feedback',
			self::LIMIT,
			10 * MINUTE_IN_SECONDS,
			__( 'Too many votes. Please wait a moment.', 'aftercare' )
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$visitor = $this->visitors->verify( (string) $request['visitor'] );
				$id      = (int) $request['id'];
				if ( ! $this->articles->is_public( $id ) ) {
					throw DomainError::not_found( 'article_not_found', __( 'There is no such help article.', 'aftercare' ) );
				}
				$comment = $request->has_param( 'comment' ) ? trim( sanitize_textarea_field( (string) $request['comment'] ) ) : null;
				$new     = $this->votes->vote( $id, $this->visitors->hash( $visitor ), (bool) $request['helpful'], $comment );
				$response = rest_ensure_response(
					array(
						'article' => $id,
						'helpful' => (bool) $request['helpful'],
						'commented' => null !== $comment && '' !== $comment,
						'changed' => ! $new,
					)
				);
				$response->set_status( $new ? 201 : 200 );
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
				'title'      => 'aftercare_help_feedback',
				'type'       => 'object',
				'properties' => array(
					'article' => array(
						'description' => __( 'The article voted on.', 'aftercare' ),
						'type'        => 'integer',
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
					'helpful' => array(
						'description' => __( 'Whether the article helped.', 'aftercare' ),
						'type'        => 'boolean',
						'required'    => true,
						'context'     => array( 'view' ),
					),
					'comment'   => array(
						'description' => __( 'What was missing or unclear (optional; sent again, it replaces the earlier comment).', 'aftercare' ),
						'type'        => 'string',
						'maxLength'   => ArticleVotes::MAX_COMMENT,
						'context'     => array(),
					),
					'commented' => array(
						'description' => __( 'Whether a comment was saved with this vote.', 'aftercare' ),
						'type'        => 'boolean',
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
					'visitor' => array(
						'description' => __( 'The anonymous visitor id the store issued to this browser (POST help/visitor).', 'aftercare' ),
						'type'        => 'string',
						'maxLength'   => 65,
						'required'    => true,
						'context'     => array( 'view' ),
					),
					'changed' => array(
						'description' => __( 'Whether an earlier vote of this visitor was changed.', 'aftercare' ),
						'type'        => 'boolean',
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
				),
			)
		);
	}
}
