<?php
/**
 * `GET aftercare/v1/ratings/summary?days=30`: how customers answered in a period — CSAT answers by
 * score and the share rated good, CES answers by score and their mean — for people who may view
 * reports.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback\Rest;

use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Survey;
use Aftercare\Infrastructure\Clock;
use Aftercare\Rest\AbstractController;

final class RatingSummaryController extends AbstractController {

	/** @var string */
	protected $rest_base = 'ratings/summary';

	public function __construct( private RatingRepository $ratings, private Clock $clock ) {}

	public function resource(): string {
		return 'rating-summary';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'days' => array(
							'description' => __( 'The period: answers given or changed in the last this many days.', 'aftercare' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'maximum'     => 366,
							'default'     => 30,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'view_aftercare_reports' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		$to   = $this->clock->now() + 1;
		$from = $to - (int) $request['days'] * DAY_IN_SECONDS;
		$csat = $this->ratings->counts( Survey::Satisfaction, $from, $to );
		$ces  = $this->ratings->counts( Survey::Effort, $from, $to );
		$sum  = 0;
		foreach ( $ces as $score => $count ) {
			$sum += $score * $count;
		}
		return rest_ensure_response(
			array(
				'days' => (int) $request['days'],
				'csat' => array(
					'answers'   => array_sum( $csat ),
					'counts'    => self::by_score( $csat ),
					'satisfied' => array_sum( $csat ) ? round( 100 * $csat[3] / array_sum( $csat ), 1 ) : null,
				),
				'ces'  => array(
					'answers' => array_sum( $ces ),
					'counts'  => self::by_score( $ces ),
					'mean'    => array_sum( $ces ) ? round( $sum / array_sum( $ces ), 2 ) : null,
				),
			)
		);
	}

	/**
	 * @param array<int, int> $counts Score => count.
	 * @return array<int, array{score: int, count: int}>
	 */
	private static function by_score( array $counts ): array {
		return array_map(
			static fn( int $score, int $count ): array => array(
				'score' => $score,
				'count' => $count,
			),
			array_keys( $counts ),
			array_values( $counts )
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$counts = array(
			'type'  => 'array',
			'items' => array(
				'type'                 => 'object',
				'properties'           => array(
					'score' => array( 'type' => 'integer' ),
					'count' => array( 'type' => 'integer' ),
				),
				'required'             => array( 'score', 'count' ),
				'additionalProperties' => false,
			),
		);
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_rating_summary',
				'type'       => 'object',
				'properties' => array(
					'days' => array(
						'description' => __( 'The period, in days up to now.', 'aftercare' ),
						'type'        => 'integer',
						'readonly'    => true,
					),
					'csat' => array(
						'description' => __( 'Satisfaction with solved tickets: answers, answers by score (3 good, 2 okay, 1 bad) and the percentage rated good (null without answers).', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
						'type'        => 'object',
						'readonly'    => true,
						'properties'  => array(
							'answers'   => array( 'type' => 'integer' ),
							'counts'    => $counts,
							'satisfied' => array( 'type' => array( 'number', 'null' ) ),
						),
						'required'    => array( 'answers', 'counts', 'satisfied' ),
						'additionalProperties' => false,
					),
					'ces'  => array(
						'description' => __( 'Effort of settled returns: answers, answers by score (1 very difficult … 5 very easy) and their mean (null without answers).', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
						'type'        => 'object',
						'readonly'    => true,
						'properties'  => array(
							'answers' => array( 'type' => 'integer' ),
							'counts'  => $counts,
							'mean'    => array( 'type' => array( 'number', 'null' ) ),
						),
						'required'    => array( 'answers', 'counts', 'mean' ),
						'additionalProperties' => false,
					),
				),
			)
		);
	}
}
