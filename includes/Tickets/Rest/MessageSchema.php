<?php
/**
 * The message resource (a public reply or an internal note in a ticket's thread).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Tickets\Attachment;
use Aftercare\Tickets\Message;

final class MessageSchema {

	public function __construct( private AttachmentSchema $files ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$view = array( 'view', 'edit' );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_message',
			'type'       => 'object',
			'properties' => array(
				'id'          => array(
					'description' => __( 'Internal id.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => $view,
					'readonly'    => true,
				),
				'ticket_id'   => array(
					'description' => __( 'The ticket this message belongs to.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => $view,
					'readonly'    => true,
				),
				'type'        => array(
					'description' => __( 'A public reply, or an internal note only agents see.', 'aftercare' ),
					'type'        => 'string',
					'enum'        => array( 'reply', 'note' ),
					'context'     => $view,
				),
				'author'      => array(
					'description' => __( 'Who wrote it.', 'aftercare' ),
					'type'        => 'object',
					'context'     => $view,
					'readonly'    => true,
					'properties'  => array(
						'id'   => array( 'type' => 'integer' ),
						'name' => array( 'type' => 'string' ),
						'role' => array(
							'type' => 'string',
							'enum' => array( 'customer', 'agent', 'system' ),
						),
					),
					'required'    => array( 'id', 'name', 'role' ),
					'additionalProperties' => false,
				),
				'body'        => array(
					'description' => __( 'The message as sanitized HTML.', 'aftercare' ),
					'type'        => 'string',
					'context'     => $view,
				),
				'created'     => array(
					'description' => __( 'When it was written (UTC).', 'aftercare' ),
					'type'        => 'string',
					'format'      => 'date-time',
					'context'     => $view,
					'readonly'    => true,
				),
				'attachments' => array(
					'description' => __( 'Files attached to the message.', 'aftercare' ),
					'type'        => 'array',
					'context'     => $view,
					'readonly'    => true,
					'items'       => array(
						'type'                 => 'object',
						'properties'           => array(
							'id'   => array( 'type' => 'integer' ),
							'name' => array( 'type' => 'string' ),
							'mime' => array( 'type' => 'string' ),
							'size' => array( 'type' => 'integer' ),
							'url'  => array( 'type' => 'string' ),
						),
						'required'             => array( 'id', 'name', 'mime', 'size', 'url' ),
						'additionalProperties' => false,
					),
				),
			),
		);
	}

	/**
	 * @param Message      $message     The message.
	 * @param Attachment[] $attachments Its files.
	 * @param string       $token       Guest access token to carry into download links, if any.
	 * @return array<string, mixed>
	 */
	public function prepare( Message $message, array $attachments ): array {
		return array(
			'id'          => $message->id,
			'ticket_id'   => $message->ticket_id,
			'type'        => $message->type,
			'author'      => array(
				'id'   => $message->author_id,
				'name' => $message->author_name,
				'role' => $message->author_role,
			),
			'body'        => $message->body,
			'created'     => TicketSchema::date( $message->created_at ),
			'attachments' => array_map( fn( Attachment $file ): array => $this->files->prepare( $file ), $attachments ),
		);
	}
}
