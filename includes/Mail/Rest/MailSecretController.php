<?php
/**
 * `POST aftercare/v1/mail/secret` (supervisors): replaces the inbound secret with a new random
 * one and answers it, this once. From then on only bodies signed with the new secret (and
 * Postmark posts with it as their key) are read; the old one is refused at once.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Mail\ReplyAddress;
use Aftercare\Rest\AbstractController;

final class MailSecretController extends AbstractController {

	/** @var string */
	protected $rest_base = 'mail/secret';

	public function __construct( private ReplyAddress $reply ) {}

	public function resource(): string {
		return 'mail-secret';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		$secret   = $this->reply->rotate();
		$response = rest_ensure_response(
			array(
				'secret'       => $secret,
				'postmark_url' => add_query_arg( 'key', $secret, rest_url( self::NAMESPACE . '/inbound/postmark' ) ),
			)
		);
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_mail_secret',
				'type'       => 'object',
				'properties' => array(
					'secret'       => array(
						'description' => __( 'The new inbound secret (shown once): sign webhook bodies with it.', 'aftercare' ),
						'type'        => 'string',
						'readonly'    => true,
					),
					'postmark_url' => array(
						'description' => __( 'The address to give Postmark as its inbound webhook, with the new secret as its key.', 'aftercare' ),
						'type'        => 'string',
						'format'      => 'uri',
						'readonly'    => true,
					),
				),
			)
		);
	}
}
