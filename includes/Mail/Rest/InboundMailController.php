<?php
/**
 * The webhooks mail comes in by. Both hand the message to Mail\Inbox and answer only after its
 * outcome is written: 201 stored, 200 a duplicate or an ignored auto-reply, 202 needs attention
 * (kept for an agent; a 2xx, so the sender does not retry forever).
 *
 * - `POST aftercare/v1/inbound/email`: the raw RFC 5322 message as the body (Content-Type
 *   message/rfc822 or text/plain), signed: `X-Aftercare-Signature: sha256=<hex HMAC-SHA256 of the
 *   body with the inbound secret>`.
 * - `POST aftercare/v1/inbound/postmark`: Postmark's inbound JSON. Postmark cannot sign, so the
 *   secret goes in the webhook URL (`?key=<inbound secret>`); a signature header works as well.
 *
 * Without a valid signature or key: 401, and nothing is read or stored.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Mail\Inbox;
use Aftercare\Mail\Outcome;
use Aftercare\Mail\PostmarkMessage;
use Aftercare\Mail\Receipt;
use Aftercare\Mail\ReplyAddress;
use Aftercare\Rest\AbstractController;

final class InboundMailController extends AbstractController {

	public const SIGNATURE_HEADER = 'X-Aftercare-Signature';

	/** @var string */
	protected $rest_base = 'inbound';

	public function __construct( private Inbox $inbox, private ReplyAddress $reply ) {}

	public function resource(): string {
		return 'inbound-mail';
	}

	public function register_routes(): void {
		foreach ( array( 'email', 'postmark' ) as $route ) {
			register_rest_route(
				$this->namespace,
				'/' . $this->rest_base . '/' . $route,
				array(
					array(
						'methods'             => \WP_REST_Server::CREATABLE,
						'callback'            => array( $this, 'email' === $route ? 'receive_raw' : 'receive_postmark' ),
						'permission_callback' => array( $this, 'create_item_permissions_check' ),
						'args'                => array(),
					),
					'schema' => array( $this, 'get_public_item_schema' ),
				)
			);
		}
	}

	/**
	 * Only a body signed with the inbound secret (or, for Postmark, the secret in the URL).
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		$signed = $this->reply->verify( $request->get_body(), (string) $request->get_header( self::SIGNATURE_HEADER ) );
		$key    = (string) ( $request->get_query_params()['key'] ?? '' );
		if ( $signed || ( str_ends_with( $request->get_route(), '/postmark' ) && '' !== $key && hash_equals( $this->reply->secret(), $key ) ) ) {
			return true;
		}
		return new \WP_Error( 'aftercare_bad_signature', __( 'The request is not signed with the store\'s inbound secret.', 'aftercare' ), array( 'status' => 401 ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function receive_raw( $request ): \WP_REST_Response {
		return $this->answer( $this->inbox->receive( $request->get_body(), 'webhook' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function receive_postmark( $request ): \WP_REST_Response|\WP_Error {
		$json = json_decode( $request->get_body(), true );
		if ( ! is_array( $json ) ) {
			return new \WP_Error( 'aftercare_invalid_payload', __( 'The body is not Postmark\'s inbound JSON.', 'aftercare' ), array( 'status' => 400 ) );
		}
		return $this->answer( $this->inbox->receive( PostmarkMessage::to_raw( $json ), 'postmark' ) );
	}

	private function answer( Receipt $receipt ): \WP_REST_Response {
		$response = rest_ensure_response( $receipt->to_array() );
		$response->set_status(
			match ( $receipt->outcome ) {
				Outcome::Stored         => 201,
				Outcome::NeedsAttention => 202,
				default                 => 200,
			}
		);
		return $response;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_inbound_mail',
				'type'       => 'object',
				'properties' => array(
					'outcome'     => array(
						'description' => __(
							'What became of the mail: stored in a ticket, a duplicate, ignored (auto-reply, bounce, our own mail, over a limit) or kept for an agent.',
							'aftercare'
						),
						'type'        => 'string',
						'enum'        => array_map( static fn( Outcome $outcome ): string => $outcome->value, Outcome::cases() ),
						'context'     => array( 'view' ),
						'readonly'    => true,
					),
					'ticket_id'   => array(
						'description' => __( 'The ticket the mail went to (0: none).', 'aftercare' ),
						'type'        => 'integer',
						'context'     => array( 'view' ),
						'readonly'    => true,
					),
					'message_id'  => array(
						'description' => __( 'The ticket message the mail became (0: none).', 'aftercare' ),
						'type'        => 'integer',
						'context'     => array( 'view' ),
						'readonly'    => true,
					),
					'reason'      => array(
						'description' => __( 'Why, when the mail was not simply stored.', 'aftercare' ),
						'type'        => 'string',
						'context'     => array( 'view' ),
						'readonly'    => true,
					),
					'reason_code' => array(
						'description' => __( 'The first reason as a code, e.g. not_customer or attachments_refused (empty: none).', 'aftercare' ),
						'type'        => 'string',
						'context'     => array( 'view' ),
						'readonly'    => true,
					),
					'received_id' => array(
						'description' => __( 'The mail\'s entry in the log of received mail.', 'aftercare' ),
						'type'        => 'integer',
						'context'     => array( 'view' ),
						'readonly'    => true,
					),
				),
			)
		);
	}
}
