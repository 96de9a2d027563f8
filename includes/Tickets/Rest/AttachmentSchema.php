<?php
/**
 * The attachment resource as messages list it; GET attachments/{id} answers with the file itself.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Tickets\Attachment;
use Aftercare\Tickets\AttachmentLinks;
use Aftercare\Tickets\AttachmentStore;

final class AttachmentSchema {

	public function __construct( private AttachmentLinks $links ) {}

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
					'description' => __( 'Download link, signed and short-lived: for a signed-in viewer it works in their login session for 12 hours; for a guest, for whoever holds it for an hour.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => 'string',
					'format'      => 'uri',
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * A file as messages and returns list it, with a link for the current viewer.
	 *
	 * @return array<string, mixed>
	 */
	/**
	 * A message body with its own files' lasting addresses turned into this viewer's signed links.
	 *
	 * @param Attachment[] $files The message's files.
	 */
	public function sign_in( string $body, array $files ): string {
		return $this->links->sign_in( $body, $files );
	}

	public function prepare( Attachment $file ): array {
		return array(
			'id'   => $file->id,
			'name' => $file->name,
			'mime' => $file->mime,
			'size' => $file->size,
			'url'  => $this->links->url( $file ),
		);
	}
}
