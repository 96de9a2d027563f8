<?php
/**
 * aftercare/v1/returns: shoppers file returns (guests after the order lookup, customers from
 * their own orders), agents work the queue and move returns along.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Http\ClientAddress;
use Aftercare\Http\GuestToken;
use Aftercare\Http\Uploads;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Orders\OrderLookup;
use Aftercare\Rest\AbstractController;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Returns\ReturnService;
use Aftercare\Returns\ReturnStatus;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;

final class ReturnsController extends AbstractController implements Conditional {

	/** Requests per hour: a guest's address, a signed-in customer. */
	public const CREATE_LIMITS = array(
		'ip'   => 10,
		'user' => 20,
	);

	protected $rest_base = 'returns';

	public function __construct(
		private ?ReturnService $service,
		private ?OrderLookup $lookup,
		private ReturnRepository $returns,
		private ReturnAccess $access,
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private RateLimiter $limiter,
		private ReturnSchema $resource,
		private ClientAddress $client
	) {}

	public function resource(): string {
		return 'return';
	}

	/**
	 * Only with an order source (WooCommerce, or the test environment's).
	 */
	public function can_register(): bool {
		return null !== $this->service && null !== $this->lookup;
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
					'args'                => $this->collection_args(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create_item' ),
					'permission_callback' => array( $this, 'create_item_permissions_check' ),
					'args'                => $this->create_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)',
			array(
				'args'   => array(
					'id'    => array(
						'description' => __( 'Return id.', 'aftercare' ),
						'type'        => 'integer',
					),
					'token' => GuestToken::arg(),
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array( 'context' => $this->get_context_param( array( 'default' => 'view' ) ) ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'status'  => array(
							'description' => __( 'Approve, reject, await the items or close.', 'aftercare' ),
							'type'        => 'string',
							'enum'        => array( 'approved', 'rejected', 'awaiting_items', 'closed' ),
						),
						'message' => array(
							'description' => __( 'A message to the shopper, sent with the change.', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => MessageBody::MAX_LENGTH,
						),
					),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/(?P<id>[\d]+)/actions',
			array(
				'args'   => array(
					'id' => array(
						'description' => __( 'Return id.', 'aftercare' ),
						'type'        => 'integer',
					),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'act' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => array(
						'action'  => array(
							'description' => __( 'Mark the items received, refund, issue store credit or exchange.', 'aftercare' ),
							'type'        => 'string',
							'enum'        => array( 'receive', 'refund', 'credit', 'exchange' ),
						),
						'items'   => array(
							'description' => __( 'Receive: quantity that arrived per order item id (missing lines: all).', 'aftercare' ),
							'type'        => 'object',
							'additionalProperties' => array(
								'type'    => 'integer',
								'minimum' => 0,
							),
						),
						'restock' => array(
							'description' => __( 'Receive and refund: put the items back in stock.', 'aftercare' ),
							'type'        => 'boolean',
							'default'     => false,
						),
						'fee'     => array(
							'description' => __( 'Refund: the restocking fee to keep (default: the store policy\'s).', 'aftercare' ),
							'type'        => 'number',
							'minimum'     => 0,
						),
						'amount'  => array(
							'description' => __( 'Store credit: the amount (default: what the items were paid; at most that unless the user has manage_aftercare).', 'aftercare' ),
							'type'        => 'number',
							'minimum'     => 0,
						),
						'message' => array(
							'description' => __( 'A message to the shopper, sent with the change.', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => MessageBody::MAX_LENGTH,
						),
					),
				),
			)
		);
	}

	/**
	 * The agent's actions that change the order too; each answers with the return.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function act( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$id      = (int) $request['id'];
				$actor   = get_current_user_id();
				$message = (string) $request['message'];
				$number  = static fn( $value ): ?float => null === $value ? null : (float) $value;
				$return  = match ( (string) $request['action'] ) {
					'receive'  => $this->service->receive( $id, array_map( 'intval', (array) $request['items'] ), (bool) $request['restock'], $actor, $message ),
					'refund'   => $this->service->refund( $id, $actor, (bool) $request['restock'], $number( $request['fee'] ), $message ),
					'credit'   => $this->service->credit( $id, $actor, $number( $request['amount'] ), $message ),
					'exchange' => $this->service->exchange( $id, $actor, $message ),
					default    => throw DomainError::invalid(
						'invalid_action',
						__( 'Choose an action: receive, refund, credit or exchange.', 'aftercare' ),
						array( 'params' => array( 'action' ) )
					),
				};
				return $this->present_to_agent( $return );
			}
		);
	}

	/**
	 * Agents see the queue; signed-in customers their own returns.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( is_user_logged_in() && ( 'edit' !== $request['context'] || current_user_can( 'read_aftercare_returns' ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		$agent  = current_user_can( 'read_aftercare_returns' );
		$filter = array_filter(
			array(
				'status'   => $request['status'],
				'reason'   => $request['reason'],
				'outcome'  => $request['outcome'],
				'order_id' => $request['order_id'],
				'after'    => $request['after'] ? (int) rest_parse_date( (string) $request['after'] ) : null,
				'before'   => $request['before'] ? (int) rest_parse_date( (string) $request['before'] ) : null,
				'number'   => $request['number'] ? (int) preg_replace( '/\D/', '', (string) $request['number'] ) : null,
				// Emails are stored lower-case; a customer's own list is theirs whatever they send.
				'customer_email' => $agent && $request['customer_email'] ? strtolower( (string) $request['customer_email'] ) : null,
			),
			static fn( $value ) => null !== $value && '' !== $value && array() !== $value
		);
		if ( ! $agent ) {
			// A customer's returns are those of their account's orders (the ones they may open).
			$filter = array( 'customer_id' => get_current_user_id() ) + $filter;
		}
		$page     = $this->returns->query( $filter, (int) $request['page'], (int) $request['per_page'], (string) $request['orderby'], (string) $request['order'] );
		$context  = $agent && 'view' !== $request['context'] ? 'edit' : 'view';
		$response = rest_ensure_response( array_map( fn( ReturnRequest $r ): array => $this->present( $r, $context ), $page['returns'] ) );
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $page['total'] / max( 1, (int) $request['per_page'] ) ) ) );
		return $response;
	}

	/**
	 * Anyone may ask for a return: guests prove the order with its number and billing email
	 * (the order lookup, with its limits), customers name one of their orders, agents any.
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
				$agent = ReturnService::is_agent( $actor );
				$this->throttle( $actor, $agent );
				if ( $actor ) {
					if ( ! $request['order_id'] ) {
						throw DomainError::invalid( 'missing_order', __( 'Please choose one of your orders.', 'aftercare' ), array( 'params' => array( 'order_id' ) ) );
					}
					$order = $this->service->order_for( (int) $request['order_id'], $actor );
				} else {
					$order = $this->lookup->lookup( (string) $request['order_number'], (string) $request['email'], '' );
				}
				$input           = $request->get_params();
				$input['photos'] = Uploads::from( $request );
				$created         = $this->service->create( $order, $input, $actor );
				$token           = $actor ? '' : $created['token'];
				$data            = $this->present( $created['return'], $agent ? 'edit' : 'view' );
				if ( $created['replayed'] && ! $actor ) {
					// A guest's replay may come from anyone who learnt the key: only the number.
					$data = array_intersect_key( $data, array_flip( array( 'id', 'number' ) ) );
				}
				if ( '' !== $token ) {
					$data['access_token'] = $token;
					$data['access_url']   = $this->access->url( $created['return'], $token );
				}
				$data['replayed'] = $created['replayed'];
				$response         = rest_ensure_response( $data );
				$response->set_status( $created['replayed'] ? 200 : 201 );
				$response->header( 'Location', rest_url( $this->namespace . '/' . $this->rest_base . '/' . $created['return']->id ) );
				return $response;
			}
		);
	}

	/**
	 * Agents, the return's customer, or a guest with its link.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item_permissions_check( $request ): bool|\WP_Error {
		$context = 'edit' !== $request['context'] || current_user_can( 'read_aftercare_returns' );
		return $this->allow( $context && $this->access->allows( (int) $request['id'], GuestToken::from( $request ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$return = $this->service->get( (int) $request['id'] );
				if ( current_user_can( 'read_aftercare_returns' ) && 'view' !== $request['context'] ) {
					return $this->present_to_agent( $return );
				}
				return $this->present( $return, 'view' );
			}
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'edit_aftercare_returns' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function update_item( $request ): \WP_REST_Response {
		return $this->respond(
			fn() => $this->present_to_agent(
				$this->service->move( (int) $request['id'], (string) $request['status'], get_current_user_id(), (string) $request['message'] )
			)
		);
	}

	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}

	/**
	 * A return as the asker may see it, with the photos sent with the request.
	 */
	public function present( ReturnRequest $return, string $context ): array {
		$first  = $return->ticket_id ? ( $this->messages->for_ticket( $return->ticket_id, false )[0] ?? null ) : null;
		$photos = $first ? ( $this->attachments->for_messages( array( $first->id ) )[ $first->id ] ?? array() ) : array();
		return $this->resource->prepare( $return, $photos, $context );
	}

	/**
	 * One return as an agent's screen shows it: with what settling it would give, while a
	 * settlement is possible (one order read, so never in lists).
	 *
	 * @return array<string, mixed>
	 */
	private function present_to_agent( ReturnRequest $return ): array {
		$settling      = $return->status->can_move_to( ReturnStatus::Refunded ) || $return->status->can_move_to( ReturnStatus::Credited );
		$data          = $this->present( $return, 'edit' );
		$data['quote'] = $settling ? $this->service->quote( $return, get_current_user_id() ) : null;
		return $data;
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function collection_args(): array {
		return array(
			'context'  => $this->get_context_param( array( 'default' => 'view' ) ),
			'status'   => array(
				'description' => __( 'Only returns in these statuses.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => array_column( ReturnStatus::cases(), 'value' ),
				),
			),
			'reason'   => array(
				'description' => __( 'Only returns with a line for this reason.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[a-z0-9_-]{1,40}$',
			),
			'outcome'  => array(
				'description' => __( 'Only returns asking for this outcome.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => Policy::OUTCOMES,
			),
			'order_id' => array(
				'description' => __( 'Only returns from this order.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'number'   => array(
				'description' => __( 'A return number, e.g. R-1001.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^(R-)?[0-9]{1,18}$',
			),
			'after'    => array(
				'description' => __( 'Requested at or after this time.', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'before'   => array(
				'description' => __( 'Requested before this time.', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'customer_email' => array(
				'description' => __( 'Agents: only the returns of this customer email (their return history).', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'email',
			),
			'orderby'  => array(
				'description' => __( 'Sort by the last change or by when the return was requested.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'updated', 'created' ),
				'default'     => 'updated',
			),
			'order'    => array(
				'description' => __( 'Sort direction.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'desc', 'asc' ),
				'default'     => 'desc',
			),
			'page'     => array(
				'description' => __( 'Page of results.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'default'     => 1,
			),
			'per_page' => array(
				'description' => __( 'Returns per page.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 20,
			),
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	private function create_args(): array {
		return array(
			'order_number'    => array(
				'description' => __( 'Guests: the order number.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => OrderLookup::MAX_NUMBER_LENGTH,
			),
			'email'           => array(
				'description' => __( 'Guests: the billing email of the order.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 190,
			),
			'order_id'        => array(
				'description' => __( 'Signed-in customers (their own orders) and agents: the order.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
			'items'           => array(
				'description' => __( 'The lines to return, with a quantity and a reason each.', 'aftercare' ),
				'type'        => 'array',
				'required'    => true,
				'minItems'    => 1,
				'maxItems'    => 100,
				'items'       => array(
					'type'                 => 'object',
					'properties'           => array(
						'order_item_id' => array(
							'type'     => 'integer',
							'minimum'  => 1,
							'required' => true,
						),
						'quantity'      => array(
							'type'     => 'integer',
							'minimum'  => 1,
							'maximum'  => 10000,
							'required' => true,
						),
						'reason'        => array(
							'type'     => 'string',
							'pattern'  => '^[a-z0-9_-]{1,40}$',
							'required' => true,
						),
					),
					'additionalProperties' => false,
				),
			),
			'outcome'         => array(
				'description' => __( 'What the shopper would like: a refund, store credit or an exchange.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => Policy::OUTCOMES,
				'required'    => true,
			),
			'comment'         => array(
				'description' => __( 'Anything the store should know.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => ReturnService::MAX_COMMENT,
			),
			'idempotency_key' => array(
				'description' => __( 'A key unique to this submission: sending it again returns the same return.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9_-]{8,100}$',
			),
		);
	}

	private function throttle( int $actor, bool $agent ): void {
		if ( $agent ) {
			return;
		}
		$retry = $actor
			? $this->limiter->hit( 'return_create_user', (string) $actor, self::CREATE_LIMITS['user'], HOUR_IN_SECONDS )
			: $this->limiter->hit( 'return_create_ip', $this->client->key(), self::CREATE_LIMITS['ip'], HOUR_IN_SECONDS );
		if ( $retry ) {
			throw DomainError::throttled( __( 'Too many requests. Please wait a little and try again.', 'aftercare' ), $retry );
		}
	}
}
