<?php
/**
 * aftercare/v1/returns/{id}/messages: the conversation about a return (its ticket thread), for
 * agents, the return's customer and a guest with its link.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Http\GuestToken;
use Aftercare\Http\Uploads;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Rest\AbstractController;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnService;
use Aftercare\Tickets\Rest\MessageThread;
use Aftercare\Tickets\TicketAccess;

final class ReturnMessagesController extends AbstractController implements Conditional {

	/** @var string */
	protected $rest_base = 'returns/(?P<return_id>[\d]+)/messages';

	public function __construct(
		private ?ReturnService $service,
		private ReturnAccess $access,
		private MessageThread $thread
	) {}

	/** The same message resource as a ticket's thread (and so the same exported schema). */
	public function resource(): string {
		return 'message';
	}

	public function can_register(): bool {
		return null !== $this->service;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			$this->thread->route(
				'return_id',
				__( 'Return id.', 'aftercare' ),
				array(
					'list'              => array( $this, 'get_items' ),
					'list_permission'   => array( $this, 'permissions_check' ),
					'create'            => array( $this, 'create_item' ),
					'create_permission' => array( $this, 'create_item_permissions_check' ),
					'schema'            => array( $this, 'get_public_item_schema' ),
				)
			)
		);
	}

	/**
	 * Agents, the return's customer, or a guest with its link.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->access->allows( (int) $request['return_id'], GuestToken::from( $request ) ) );
	}

	/**
	 * The same people; a message with a token only as the token's holder.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->access->allows( (int) $request['return_id'], GuestToken::from( $request ), true ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return $this->respond(
			fn(): array => $this->thread->list( $this->service->get( (int) $request['return_id'] )->ticket_id, current_user_can( 'read_aftercare_returns' ) )
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$actor = TicketAccess::author( $request );
				if ( ! ReturnService::is_agent( $actor ) ) {
					$this->thread->throttle( 'return', (int) $request['return_id'] );
				}
				return $this->thread->created( $this->service->message( (int) $request['return_id'], (string) $request['body'], $actor, Uploads::from( $request ) ) );
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->thread->item_schema() );
	}
}
