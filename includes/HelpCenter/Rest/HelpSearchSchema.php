<?php
/**
 * A search result: an article's id, title, excerpt, link and category.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter\Rest;

final class HelpSearchSchema {

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_help_search',
			'type'       => 'object',
			'properties' => array(
				'id'       => array(
					'description' => __( 'Article id.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'title'    => array(
					'description' => __( 'Article title, plain text.', 'aftercare' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'excerpt'  => array(
					'description' => __( 'A short plain-text summary.', 'aftercare' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'url'      => array(
					'description' => __( 'The article’s address.', 'aftercare' ),
					'type'        => 'string',
					'format'      => 'uri',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
				'category' => array(
					'description' => __( 'Name of the article’s first category, or an empty string.', 'aftercare' ),
					'type'        => 'string',
					'context'     => array( 'view' ),
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * @param array<string, mixed> $article From Articles::search().
	 * @return array<string, mixed>
	 */
	public function prepare( array $article ): array {
		return array(
			'id'       => (int) $article['id'],
			'title'    => (string) $article['title'],
			'excerpt'  => (string) $article['excerpt'],
			'url'      => (string) $article['url'],
			'category' => (string) $article['category'],
		);
	}
}
