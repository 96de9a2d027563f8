<?php
/**
 * `POST aftercare/v1/ratings`: records the answer a signed survey link carries (the survey page's
 * form posts here through Http\InternalRequest). Public, as the link is the credential: no cookie
 * nonce, a limit per client address, and one uniform refusal for forged, altered and unknown
 * links (expired ones get a 410 that says so).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback\Rest;

use Aftercare\Feedback\FeedbackService;
use Aftercare\Feedback\Rating;
use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Survey;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\Rest\TicketSchema;

final class RatingsController extends AbstractController {

	/** Answers per client address per window (a shopper needs two or three). */
	public const LIMIT = 20;

	public const WINDOW = 10 * MINUTE_IN_SECONDS;

	/** @var string */
	protected $rest_base = 'ratings';

	public function __construct( private FeedbackService $feedback, private RateLimiter $limiter, private ClientAddress $client ) {}

	public function resource(): string {
		return 'rating';
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
					'args'                => array(
						'token'   => array(
							'description' => __( 'The signed answer link\'s token (the `aftercare_survey` argument of the mailed link).', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => 80,
							'required'    => true,
						),
						'comment' => array(
							'description' => __( 'Optional words with the answer; sent again, it replaces the earlier comment.', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => RatingRepository::MAX_COMMENT,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Anyone: the signed link in the body is the credential, checked by the handler after the
	 * limit per client address (there, so a refusal carries Retry-After).
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool {
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$wait = $this->limiter->hit( 'rating_ip', $this->client->key(), self::LIMIT, self::WINDOW );
				if ( $wait > 0 ) {
					throw DomainError::throttled( __( 'Too many answers from your connection. Please wait a few minutes.', 'aftercare' ), $wait );
				}
				$comment = $request->has_param( 'comment' ) ? (string) $request['comment'] : null;
				$result  = $this->feedback->answer( (string) $request['token'], $comment );
				return rest_ensure_response( self::present( $result['rating'] ) + array( 'changed' => $result['changed'] ) );
			}
		);
	}

	/**
	 * An answer as the REST resources show it (the ticket's `rating`, the return's `effort`).
	 *
	 * @return array{survey: string, score: int, label: string, comment: string, rated: ?string}
	 */
	public static function present( Rating $rating ): array {
		return array(
			'survey'  => $rating->survey->value,
			'score'   => $rating->score,
			'label'   => $rating->label(),
			'comment' => $rating->comment,
			'rated'   => TicketSchema::date( $rating->updated_at ),
		);
	}

	/**
	 * The shape of an answer, shared with the ticket and return schemas.
	 *
	 * @return array<string, mixed>
	 */
	public static function rating_properties(): array {
		return array(
			'survey'  => array(
				'description' => __( 'Which question: `csat` (tickets: 3 good, 2 okay, 1 bad) or `ces` (returns: 1 very difficult … 5 very easy).', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array_column( Survey::cases(), 'value' ),
			),
			'score'   => array(
				'description' => __( 'The answer on its scale.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 5,
			),
			'label'   => array(
				'description' => __( 'The answer in words, in the site language.', 'aftercare' ),
				'type'        => 'string',
			),
			'comment' => array(
				'description' => __( 'What the customer added (plain text, may be empty).', 'aftercare' ),
				'type'        => 'string',
			),
			'rated'   => array(
				'description' => __( 'When the answer was last given or changed (UTC).', 'aftercare' ),
				'type'        => array( 'string', 'null' ),
				'format'      => 'date-time',
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_rating',
				'type'       => 'object',
				'properties' => array_map(
					static fn( array $property ): array => $property + array(
						'readonly' => true,
						'context'  => array( 'view' ),
					),
					self::rating_properties()
				) + array(
					'changed' => array(
						'description' => __( 'Whether this request recorded something (false: the same answer was already recorded).', 'aftercare' ),
						'type'        => 'boolean',
						'readonly'    => true,
						'context'     => array( 'view' ),
					),
				),
			)
		);
	}
}
