<?php
/**
 * `aftercare/v1/order-status`: "where is my order?".
 *
 * POST (public on purpose, no cookie nonce: it must work on cached pages): a guest's lookup by
 * order number + billing email (or postcode when the store allows it), rate-limited as OrderLookup
 * explains. GET: the signed-in customer's own recent orders. Every response is private and
 * uncacheable.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLookup;
use Aftercare\Orders\OrderView;
use Aftercare\Rest\AbstractController;

final class OrderStatusController extends AbstractController implements Conditional {

	/** @var string */
	protected $rest_base = 'order-status';

	public function __construct(
		private ?OrderLookup $lookup,
		private OrderView $view,
		private OrderStatusSchema $resource,
		private OrderStatusQuery $query = new OrderStatusQuery()
	) {}

	/**
	 * Only with an order source (WooCommerce, or the test environment's).
	 */
	public function can_register(): bool {
		return null !== $this->lookup;
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
					'callback'            => array( $this, 'lookup' ),
					'permission_callback' => array( $this, 'lookup_permissions_check' ),
					'args'                => $this->resource->lookup_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Signed-in shoppers only; each sees only their own orders.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( is_user_logged_in() );
	}

	/**
	 * Anyone may look up an order: the lookup is protected by what it asks for, by rate limits and
	 * by what it refuses to reveal (see OrderLookup), not by a capability.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function lookup_permissions_check( $request ): bool {
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		return $this->respond(
			fn() => array_map(
				fn( Order $order ) => $this->view->prepare( $order, 'customer' ),
				$this->lookup?->customer_orders( ...$this->query->args( $request, get_current_user_id() ) ) ?? array()
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function lookup( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ) {
				$order = $this->lookup?->lookup( (string) $request['number'], (string) $request['email'], (string) $request['postcode'] );
				return $order ? $this->view->prepare( $order, 'guest' ) : array();
			}
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
