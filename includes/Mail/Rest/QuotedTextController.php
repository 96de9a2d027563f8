<?php
/**
 * `GET aftercare/v1/tickets/{ticket_id}/messages/{message_id}/quoted` (agents): what was trimmed
 * off a message that came by email (the quoted history and the signature), as message HTML under
 * the same rules as every message; `html` is '' when nothing was trimmed. Read from the raw mail
 * in the log of received mail, so it is gone once retention has purged that.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Mail\Html;
use Aftercare\Mail\MimeParser;
use Aftercare\Mail\QuoteTrimmer;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Mail\UnparseableMessage;
use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;

final class QuotedTextController extends AbstractController {

	/** @var string */
	protected $rest_base = 'tickets/(?P<ticket_id>[\d]+)/messages/(?P<message_id>[\d]+)/quoted';

	public function __construct( private ReceivedMailRepository $received, private MessageRepository $messages ) {}

	public function resource(): string {
		return 'message-quoted';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				'args'   => array(
					'ticket_id'  => array(
						'description' => __( 'Ticket id.', 'aftercare' ),
						'type'        => 'integer',
					),
					'message_id' => array(
						'description' => __( 'Message id.', 'aftercare' ),
						'type'        => 'integer',
					),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'read_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$message = $this->messages->find( (int) $request['message_id'] );
				$row     = $message && $message->ticket_id === (int) $request['ticket_id'] ? $this->received->of_message( $message->id ) : null;
				if ( ! $row ) {
					throw DomainError::not_found( 'not_found', __( 'That message did not come by email, or its mail is no longer kept.', 'aftercare' ) );
				}
				try {
					$trimmed = QuoteTrimmer::message( MimeParser::parse( (string) $row->raw ) );
				} catch ( UnparseableMessage ) {
					return array( 'html' => '' );
				}
				$html = $trimmed->html ? Html::sanitize( Html::inline_images( $trimmed->quoted, array() ) ) : MessageBody::sanitize( $trimmed->quoted );
				return array( 'html' => $html );
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
				'title'      => 'aftercare_message_quoted',
				'type'       => 'object',
				'properties' => array(
					'html' => array(
						'description' => __( 'The quoted history and signature trimmed off the message, as sanitized HTML (empty: nothing was trimmed).', 'aftercare' ),
						'type'        => 'string',
						'readonly'    => true,
					),
				),
			)
		);
	}
}
