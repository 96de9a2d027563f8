<?php
/**
 * `POST aftercare/v1/settings/email/test` (supervisors): connects to the mailbox, logs in and
 * opens the folder, and answers what the server said (greeting, capabilities, message count),
 * or why it failed in plain words with a 400. Values in the body (the form's unsaved ones) are
 * tried instead of the saved settings; a password left out is the saved one.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Mail\ImapClient;
use Aftercare\Mail\ImapError;
use Aftercare\Mail\Mailbox;
use Aftercare\Rest\AbstractController;
use Aftercare\Settings\Settings;

final class MailboxTestController extends AbstractController {

	/** @var string */
	protected $rest_base = 'settings/email/test';

	public function __construct( private Settings $settings ) {}

	public function resource(): string {
		return 'mailbox-test';
	}

	public function register_routes(): void {
		$args = array();
		foreach ( Mailbox::setting_fields() as $name => $field ) {
			unset( $field['default'], $field['context'], $field['x-aftercare'] );
			$args[ $name ] = $field;
		}
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $args,
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
		return $this->respond(
			function () use ( $request ): array {
				$values  = array_intersect_key( $request->get_params(), Mailbox::setting_fields() ) + $this->settings->all();
				$mailbox = Mailbox::from_values( $values );
				if ( ! $mailbox->configured() ) {
					throw DomainError::invalid( 'mailbox_not_configured', __( 'Enter the server, user name and password of the mailbox first.', 'aftercare' ) );
				}
				$client = new ImapClient( $mailbox, 15.0 );
				try {
					$client->connect();
					$client->login();
					$status = $client->select( $mailbox->folder );
				} catch ( ImapError $error ) {
					throw DomainError::invalid( 'mailbox_' . $error->kind, $error->getMessage() );
				} finally {
					$client->logout();
				}
				return array(
					'greeting'     => $client->greeting(),
					'capabilities' => $client->capabilities(),
					'folder'       => $mailbox->folder,
					'messages'     => $status['exists'],
				);
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
				'title'      => 'aftercare_mailbox_test',
				'type'       => 'object',
				'properties' => array(
					'greeting'     => array(
						'description' => __( 'What the server said on connecting.', 'aftercare' ),
						'type'        => 'string',
						'readonly'    => true,
					),
					'capabilities' => array(
						'description' => __( 'What the server announced it can do.', 'aftercare' ),
						'type'        => 'array',
						'items'       => array( 'type' => 'string' ),
						'readonly'    => true,
					),
					'folder'       => array(
						'description' => __( 'The folder that was opened.', 'aftercare' ),
						'type'        => 'string',
						'readonly'    => true,
					),
					'messages'     => array(
						'description' => __( 'Messages in the folder.', 'aftercare' ),
						'type'        => 'integer',
						'readonly'    => true,
					),
				),
			)
		);
	}
}
