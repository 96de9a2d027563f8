<?php
/**
 * `aftercare/v1/tickets`: the queue (agents) or one's own tickets (customers); creation by guests,
 * customers and agents; one ticket; agents' updates and batch updates.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Http\ClientAddress;
use Aftercare\Http\GuestToken;
use Aftercare\Http\Uploads;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Rest\AbstractController;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketAccess;
use Aftercare\Tickets\TicketRepository;
use Aftercare\Tickets\TicketService;

final class TicketsController extends AbstractController {

	/** Guests: tickets per IP address and per email address per hour, and per email address per day. */
	public const GUEST_LIMITS = array(
		'ip'        => 10,
		'email'     => 5,
		'email_day' => 10,
	);

	/** Signed-in customers: tickets per hour. */
	public const CUSTOMER_LIMIT = 20;

	public const BATCH_MAX = 100;

	/** @var string */
	protected $rest_base = 'tickets';

	public function __construct(
		private TicketService $service,
		private TicketRepository $tickets,
		private TicketAccess $access,
		private Links $links,
		private RateLimiter $limiter,
		private TicketSchema $resource,
		private TicketQuery $query,
		private ClientAddress $client,
		private Sla $sla
	) {}

	public function resource(): string {
		return 'ticket';
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_items' ),
					'permission_callback' => array( $this, 'get_items_permissions_check' ),
					'args'                => $this->query->params(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( \WP_REST_Server::CREATABLE ) + $this->resource->creation_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/batch',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'batch' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->resource->batch_args( $this->changes_args(), self::BATCH_MAX ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Ticket id.', 'aftercare' ),
						'type'        => 'integer',
					),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'context' => $this->query->params()['context'],
						'token'   => GuestToken::arg(),
					),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->changes_args() + $this->cc_arg(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Agents see the queue; signed-in customers their own tickets.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( is_user_logged_in() && $this->context_allowed( $request ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$agent    = current_user_can( 'read_aftercare_tickets' );
				$filter   = $this->query->filter( $request, get_current_user_id(), $agent );
				if ( 'at_risk' === $request['view'] ) {
					if ( ! $agent ) {
						throw DomainError::forbidden( 'forbidden_view', __( 'Only support agents can list the tickets at risk.', 'aftercare' ) );
					}
					$filter->due_before = $this->sla->at_risk_before();
				}
				$page     = $this->tickets->query( $filter );
				$context  = $this->context( $request );
				// One query for every assignee's name, instead of one per ticket.
				cache_users( array_unique( array_filter( array_map( static fn( Ticket $ticket ): int => $ticket->assignee_id, $page['tickets'] ) ) ) );
				$response = rest_ensure_response( $this->resource->prepare_many( $page['tickets'], $context ) );
				$response->header( 'X-WP-Total', (string) $page['total'] );
				$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $page['total'] / max( 1, (int) $request['per_page'] ) ) ) );
				if ( null !== $page['next_cursor'] ) {
					$response->header( 'X-Aftercare-Next-Cursor', $page['next_cursor'] );
				}
				return $response;
			}
		);
	}

	/**
	 * Anyone may open a ticket (guests are rate-limited in the handler); the service decides which
	 * fields each kind of author may set.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item_permissions_check( $request ): bool|\WP_Error {
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function create_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): \WP_REST_Response {
				$actor = get_current_user_id();
				$input = $request->get_params();
				if ( ! $actor ) {
					$input['email'] = TicketService::email( (string) $request['email'], 'email' );
				}
				$this->throttle( $actor, (string) ( $input['email'] ?? '' ) );
				$input['attachments'] = Uploads::from( $request );
				$created              = $this->service->create( $input, $actor );
				$ticket               = $created['ticket'];
				$data                 = $this->resource->prepare( $ticket, TicketService::is_agent( $actor ) ? 'edit' : 'view' );
				if ( $created['replayed'] && ! $actor ) {
					// A guest's replay may come from anyone who learnt the key: only the number.
					$data = array_intersect_key( $data, array_flip( array( 'id', 'number' ) ) );
				}
				if ( '' !== $created['token'] && ! $actor ) {
					$data['access_token'] = $created['token'];
					$data['access_url']   = $this->links->guest_thread( $ticket->id, $created['token'] );
				}
				$data['replayed'] = $created['replayed'];
				$response         = rest_ensure_response( $data );
				$response->set_status( $created['replayed'] ? 200 : 201 );
				$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $ticket->id ) );
				return $response;
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( $this->context_allowed( $request ) && $this->access->allows( (int) $request['id'], GuestToken::from( $request ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond( fn() => $this->resource->prepare( $this->service->get( (int) $request['id'] ), $this->context( $request ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'edit_aftercare_tickets' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item( $request ): \WP_REST_Response {
		$changes = array_intersect_key( $request->get_params(), array_flip( array( ...TicketSchema::CHANGES, 'cc' ) ) );
		return $this->respond( fn() => $this->resource->prepare( $this->service->update( (int) $request['id'], $changes, get_current_user_id() ), 'edit' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function batch( \WP_REST_Request $request ): \WP_REST_Response {
		// Checked here, not as required args: WordPress validates those before permissions.
		return $this->respond(
			function () use ( $request ): array {
				if ( ! $request['ids'] || ! $request['changes'] ) {
					throw DomainError::invalid(
						'invalid_batch',
						__( 'Name the tickets (ids) and what to change (changes).', 'aftercare' ),
						array( 'params' => array( 'ids', 'changes' ) )
					);
				}
				return $this->resource->prepare_many(
					$this->service->update_many( array_map( 'intval', (array) $request['ids'] ), (array) $request['changes'], get_current_user_id() ),
					'edit'
				);
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}

	/**
	 * The arguments of PATCH /tickets/{id}: the item schema's properties agents change.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function changes_args(): array {
		return array_intersect_key( $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ), array_flip( TicketSchema::CHANGES ) );
	}

	/**
	 * PATCH only (a batch has no use for one set of addresses on many tickets): the copied-in addresses.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function cc_arg(): array {
		return array_intersect_key( $this->get_endpoint_args_for_item_schema( \WP_REST_Server::EDITABLE ), array( 'cc' => true ) );
	}

	/**
	 * Counts a creation attempt against the limits of who is asking. A guest's address counts as
	 * the mailbox it reaches: case and a `+tag` make no new one.
	 *
	 * @param string $email A guest's address, already validated.
	 */
	private function throttle( int $actor, string $email ): void {
		if ( TicketService::is_agent( $actor ) ) {
			return;
		}
		$mailbox = (string) preg_replace( '/\+[^@]*@/', '@', strtolower( $email ) );
		$retry   = $actor
			? $this->limiter->hit( 'ticket_create_user', (string) $actor, self::CUSTOMER_LIMIT, HOUR_IN_SECONDS )
			: max(
				$this->limiter->hit( 'ticket_create_ip', $this->client->key(), self::GUEST_LIMITS['ip'], HOUR_IN_SECONDS ),
				$this->limiter->hit( 'ticket_create_email', $mailbox, self::GUEST_LIMITS['email'], HOUR_IN_SECONDS ),
				$this->limiter->hit( 'ticket_create_email_day', $mailbox, self::GUEST_LIMITS['email_day'], DAY_IN_SECONDS )
			);
		if ( $retry ) {
			throw DomainError::throttled( __( 'Too many requests. Please wait a little and try again.', 'aftercare' ), $retry );
		}
	}

	/** Agents get the full (edit) view; everyone else the customer's view. */
	private function context( \WP_REST_Request $request ): string {
		return current_user_can( 'read_aftercare_tickets' ) && 'view' !== $request['context'] ? 'edit' : 'view';
	}

	private function context_allowed( \WP_REST_Request $request ): bool {
		return 'edit' !== $request['context'] || current_user_can( 'read_aftercare_tickets' );
	}
}
