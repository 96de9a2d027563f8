<?php
/**
 * The help search's parameters, and their translation into an Articles::search() call.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

final class HelpSearchQuery {

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function params(): array {
		return array(
			'q'      => array(
				'description' => __( 'What to search for.', 'aftercare' ),
				'type'        => 'string',
				'required'    => true,
				'minLength'   => 1,
				'maxLength'   => 190,
			),
			'limit'  => array(
				'description' => __( 'At most this many articles.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 20,
				'default'     => 8,
			),
			'prefix' => array(
				'description' => __( 'Treat the last word as unfinished (search as you type).', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
		);
	}

	/**
	 * The arguments of Articles::search(), by name.
	 *
	 * @param \WP_REST_Request $request Validated request.
	 * @return array{query: string, limit: int, prefix: bool}
	 */
	public function args( \WP_REST_Request $request ): array {
		return array(
			'query'  => (string) $request['q'],
			'limit'  => (int) $request['limit'],
			'prefix' => (bool) $request['prefix'],
		);
	}
}
