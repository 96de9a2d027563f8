<?php
/**
 * The help-center report's shape (what HelpCenter\Reports::build() returns).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

final class HelpReportsSchema {

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$int    = array( 'type' => 'integer' );
		$string = array( 'type' => 'string' );
		$object = static fn( array $properties ): array => array(
			'type'                 => 'object',
			'properties'           => $properties,
			'required'             => array_keys( $properties ),
			'additionalProperties' => false,
		);
		$list   = static fn( array $properties ): array => array(
			'type'  => 'array',
			'items' => $object( $properties ),
		);
		$field  = static fn( array $schema, string $description ): array => $schema + array(
			'description' => $description,
			'readonly'    => true,
			'context'     => array( 'view', 'edit' ),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_help_reports',
			'type'       => 'object',
			'properties' => array(
				'days'         => $field( $int, __( 'Days covered, today included.', 'aftercare' ) ),
				'since'        => $field( $string, __( 'First day covered (UTC, Y-m-d).', 'aftercare' ) ),
				'totals'       => $field(
					$object(
						array(
							'searches'  => $int,
							'zero'      => $int,
							'clicks'    => $int,
							'helpful'   => $int,
							'unhelpful' => $int,
							'visitors'  => $int,
							'deflected' => $int,
						)
					),
					__( 'Totals of the period; visitors searched or saw suggestions, deflected ones opened no ticket within 7 days.', 'aftercare' )
				),
				'top_queries'  => $field(
					$list(
						array(
							'query'     => $string,
							'searches'  => $int,
							'zero'      => $int,
							'clicks'    => $int,
							'visitors'  => $int,
							'deflected' => $int,
						)
					),
					__( 'Most searched normalized queries, with their deflection.', 'aftercare' )
				),
				'zero_results' => $field(
					$list(
						array(
							'query'    => $string,
							'searches' => $int,
							'last'     => $string,
						)
					),
					__( 'Queries that found no article.', 'aftercare' )
				),
				'articles'     => $field(
					$list(
						array(
							'id'        => $int,
							'title'     => $string,
							'url'       => $string,
							'edit_url'  => $string,
							'helpful'   => $int,
							'unhelpful' => $int,
							'clicks'    => $int,
							'visitors'  => $int,
							'deflected' => $int,
							'comments'  => $list(
								array(
									'helpful' => array( 'type' => 'boolean' ),
									'comment' => $string,
									'date'    => $string,
								)
							),
						)
					),
					__( 'Articles with votes, clicks or suggestions: helpfulness and deflection.', 'aftercare' )
				),
				'trend'        => $field(
					$list(
						array(
							'date'      => $string,
							'searches'  => $int,
							'zero'      => $int,
							'clicks'    => $int,
							'helpful'   => $int,
							'unhelpful' => $int,
						)
					),
					__( 'One point per UTC day.', 'aftercare' )
				),
			),
		);
	}

	/**
	 * Arguments of GET /help/reports.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function read_args(): array {
		return array(
			'days' => array(
				'description' => __( 'How many days back, today included.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 365,
				'default'     => 30,
			),
		);
	}
}
