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
				'email'       => array(
					'description' => __( 'Agents: how the message came by email (null: written on the web or in wp-admin). Gone once the received mail is purged.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					'type'        => array( 'object', 'null' ),
					'context'     => array( 'edit' ),
					'readonly'    => true,
					'properties'  => array(
						'received_id' => array(
							'description' => __( 'Its entry in the log of received mail.', 'aftercare' ),
							'type'        => 'integer',
						),
						'sender'      => array(
							'description' => __( 'The address it came from.', 'aftercare' ),
							'type'        => 'string',
						),
						'matched'     => array(
							'description' => __( 'Whether it was threaded into an existing ticket (by reply address, headers or subject); false: it opened this ticket.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
							'type'        => 'boolean',
						),
						'has_quoted'  => array(
							'description' => __( 'Whether quoted history or a signature was trimmed off (GET …/quoted shows it).', 'aftercare' ),
							'type'        => 'boolean',
						),
					),
					'required'    => array( 'received_id', 'sender', 'matched', 'has_quoted' ),
					'additionalProperties' => false,
				),
			),
		);
	}

	/**
	 * @param Message           $message     The message.
	 * @param Attachment[]      $attachments Its files.
	 * @param object|null|false $mail        For agents: its row in the log of received mail (null: none); false leaves `email` out.
	 * @return array<string, mixed>
	 */
	public function prepare( Message $message, array $attachments, object|null|false $mail = false ): array {
		$data = array(
			'id'          => $message->id,
			'ticket_id'   => $message->ticket_id,
			'type'        => $message->type,
			'author'      => array(
				'id'   => $message->author_id,
				'name' => $message->author_name,
				'role' => $message->author_role,
			),
			'body'        => $this->files->sign_in( $message->body, $attachments ),
			'created'     => TicketSchema::date( $message->created_at ),
			'attachments' => array_map( fn( Attachment $file ): array => $this->files->prepare( $file ), $attachments ),
		);
		if ( false !== $mail ) {
			$data['email'] = $mail ? array(
				'received_id' => (int) $mail->id,
				'sender'      => (string) $mail->sender,
				'matched'     => (bool) $mail->matched,
				'has_quoted'  => (bool) $mail->quoted,
			) : null;
		}
		return $data;
	}
}
