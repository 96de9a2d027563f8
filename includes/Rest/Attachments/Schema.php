<?php
/**
 * The attachment resource as messages list it; GET attachments/{id} answers with the file itself.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Rest\Attachments;

use Aftercare\Tickets\AttachmentStore;

final class Schema {

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_attachment',
			'type'       => 'object',
			'properties' => array(
				'id'   => array(
					'description' => __( 'Internal id.', 'aftercare' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'name' => array(
					'description' => __( 'File name as uploaded (cleaned).', 'aftercare' ),
					'type'        => 'string',
					'readonly'    => true,
				),
				'mime' => array(
					'description' => __( 'Type found in the file\'s contents.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => array_keys( AttachmentStore::TYPES ),
					'readonly'    => true,
				),
				'size' => array(
					'description' => __( 'Size in bytes.', 'aftercare' ),
					'type'        => 'integer',
					'readonly'    => true,
				),
				'url'  => array(
					'description' => __( 'Download link (carries the guest token or a REST nonce).', 'aftercare' ),
					'type'        => 'string',
					'format'      => 'uri',
					'readonly'    => true,
				),
			),
		);
	}
}
