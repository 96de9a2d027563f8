<?php
/**
 * `aftercare/v1/attachments/{id}`: the only way to a stored file. Whoever may read the ticket (and,
 * for files of internal notes, only agents) gets it with `nosniff`; only safe raster images may be
 * shown inline, everything else is always a download. Browsers follow the signed links the
 * messages carry (AttachmentLinks); API clients authenticate as on any other route.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Http\GuestToken;
use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\AttachmentLinks;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\TicketAccess;

final class AttachmentsController extends AbstractController {

	/** @var string */
	protected $rest_base = 'attachments';

	public function __construct(
		private AttachmentStore $attachments,
		private MessageRepository $messages,
		private TicketAccess $access,
		private AttachmentSchema $resource,
		private AttachmentLinks $links
	) {}

	public function resource(): string {
		return 'attachment';
	}

	public function register(): void {
		parent::register();
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_file' ), 10, 2 );
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'id'    => array(
							'description' => __( 'Attachment id.', 'aftercare' ),
							'type'        => 'integer',
						),
						'token'     => GuestToken::arg(),
						'expires'   => array(
							'description' => __( 'A signed link: when it stops working (Unix time).', 'aftercare' ),
							'type'        => 'integer',
							'minimum'     => 0,
						),
						'signature' => array(
							'description' => __( 'A signed link: its signature.', 'aftercare' ),
							'type'        => 'string',
							'pattern'     => '^[0-9a-f]{64}$',
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		$file    = $this->attachments->find( (int) $request['id'] );
		$message = $file ? $this->messages->find( $file->message_id ) : null;
		if ( ! $file || ! $message ) {
			return $this->allow( false );
		}
		// A signed link was made for someone allowed to read the file; notes' files stay with agents.
		$viewer = null !== $request['signature'] ? $this->links->viewer( $file->id, (int) $request['expires'], (string) $request['signature'] ) : null;
		if ( null !== $viewer ) {
			return $this->allow( ! $message->is_note() || user_can( $viewer, 'read_aftercare_tickets' ) );
		}
		return $this->allow(
			( ! $message->is_note() || current_user_can( 'read_aftercare_tickets' ) )
			&& $this->access->allows( $file->ticket_id, GuestToken::from( $request ) )
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		$file = $this->attachments->find( (int) $request['id'] );
		$path = $file ? $this->attachments->path( $file ) : '';
		if ( ! $file || ! is_file( $path ) ) {
			return rest_ensure_response( new \WP_Error( 'aftercare_not_found', __( 'That file is no longer available.', 'aftercare' ), array( 'status' => 404 ) ) );
		}
		$inline   = in_array( $file->mime, AttachmentStore::INLINE_TYPES, true );
		$response = new FileResponse( $path );
		$response->header( 'Content-Type', $inline ? $file->mime : 'application/octet-stream' );
		$response->header(
			'Content-Disposition',
			sprintf(
				'%s; filename="%s"; filename*=UTF-8\'\'%s',
				$inline ? 'inline' : 'attachment',
				preg_replace( '/[^A-Za-z0-9._-]/', '_', $file->name ),
				rawurlencode( $file->name )
			)
		);
		$response->header( 'Content-Length', (string) filesize( $path ) );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		$response->header( 'Content-Security-Policy', "default-src 'none'; sandbox" );
		return $response;
	}

	/**
	 * Sends a file response's bytes instead of JSON (WordPress has sent its headers already).
	 *
	 * @param bool              $served Whether the request was served already.
	 * @param \WP_HTTP_Response $result Result to send.
	 */
	public function serve_file( $served, $result ): bool {
		if ( $served || ! $result instanceof FileResponse ) {
			return (bool) $served;
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_readfile -- streams a private file to its permitted reader.
		readfile( $result->path );
		return true;
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
