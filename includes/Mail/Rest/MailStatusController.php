<?php
/**
 * `GET aftercare/v1/mail/status` (supervisors): what Settings → Email shows about mail in. The
 * addresses shoppers write to, the webhook addresses (never the secret: only whether one is
 * set; `POST mail/secret` makes a new one and shows it once), the mailbox and its last run, and
 * how many received mails need attention.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail\Rest;

use Aftercare\Mail\Mailbox;
use Aftercare\Mail\MailboxPoller;
use Aftercare\Mail\Outcome;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Mail\ReplyAddress;
use Aftercare\Rest\AbstractController;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\Rest\TicketSchema;

final class MailStatusController extends AbstractController {

	/** The ticket number the example reply address is made for. */
	public const EXAMPLE_NUMBER = 1042;

	/** @var string */
	protected $rest_base = 'mail/status';

	public function __construct( private ReplyAddress $reply, private Settings $settings, private ReceivedMailRepository $received ) {}

	public function resource(): string {
		return 'mail-status';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
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
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		$mailbox = Mailbox::from_settings( $this->settings );
		$run     = MailboxPoller::last_run();
		return rest_ensure_response(
			array(
				'support_address'       => $this->reply->support(),
				'reply_address_example' => $this->reply->for_ticket( self::EXAMPLE_NUMBER ),
				'webhook_url'           => rest_url( self::NAMESPACE . '/inbound/email' ),
				'postmark_url'          => rest_url( self::NAMESPACE . '/inbound/postmark' ),
				'secret_set'            => '' !== (string) $this->settings->get( 'inbound_secret' ),
				'mailbox'               => array(
					'enabled'      => $mailbox->configured(),
					'host'         => $mailbox->host,
					'user'         => $mailbox->user,
					'folder'       => $mailbox->folder,
					'last_checked' => $run ? TicketSchema::date( (int) $run['checked_at'] ) : null,
					'last_handled' => $run ? (int) $run['handled'] : null,
					'last_error'   => $run ? (string) $run['error'] : '',
					'last_error_kind' => $run ? (string) $run['error_kind'] : '',
				),
				'needs_attention'       => $this->received->count( Outcome::NeedsAttention ),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$prop = static fn( string $description, string|array $type, array $more = array() ): array => array(
			'description' => $description,
			'type'        => $type,
			'readonly'    => true,
		) + $more;
		$uri  = array( 'format' => 'uri' );
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_mail_status',
				'type'       => 'object',
				'properties' => array(
					'support_address'       => $prop( __( 'The address shoppers write to (the setting, else the admin email).', 'aftercare' ), 'string' ),
					'reply_address_example' => $prop(
						/* translators: %d: an example ticket number. */
						sprintf( __( 'What the Reply-To of a mail about ticket #%d looks like: the support address with the ticket\'s tag.', 'aftercare' ), self::EXAMPLE_NUMBER ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
						'string'
					),
					'webhook_url'           => $prop(
						__( 'Where an MTA or a forwarding service posts raw messages, signed with the inbound secret.', 'aftercare' ),
						'string',
						$uri
					),
					'postmark_url'          => $prop( __( 'Where Postmark posts its inbound JSON; add ?key= and the inbound secret.', 'aftercare' ), 'string', $uri ),
					'secret_set'            => $prop( __( 'Whether the store has an inbound secret (POST mail/secret makes a new one).', 'aftercare' ), 'boolean' ),
					'mailbox'               => $prop(
						__( 'The mailbox read over IMAP, and its last run.', 'aftercare' ),
						'object',
						array(
							'properties'           => array(
								'enabled'         => array( 'type' => 'boolean' ),
								'host'            => array( 'type' => 'string' ),
								'user'            => array( 'type' => 'string' ),
								'folder'          => array( 'type' => 'string' ),
								'last_checked'    => array(
									'type'   => array( 'string', 'null' ),
									'format' => 'date-time',
								),
								'last_handled'    => array( 'type' => array( 'integer', 'null' ) ),
								'last_error'      => array( 'type' => 'string' ),
								'last_error_kind' => array(
									'type' => 'string',
									'enum' => array( '', 'connect', 'tls', 'auth', 'server' ),
								),
							),
							'required'             => array( 'enabled', 'host', 'user', 'folder', 'last_checked', 'last_handled', 'last_error', 'last_error_kind' ),
							'additionalProperties' => false,
						)
					),
					'needs_attention'       => $prop( __( 'Received mails kept for an agent because they could not be read or written.', 'aftercare' ), 'integer' ),
				),
			)
		);
	}
}
