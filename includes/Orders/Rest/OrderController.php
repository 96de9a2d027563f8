<?php
/**
 * `aftercare/v1/orders/{order_id}`: an order as an agent needs it beside a ticket or a return
 * (OrderSource::details()): lines with pictures, totals, payment method, each refund, coupons,
 * tracking. Agents only (whoever may read tickets or returns); 404 for an unknown order.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\OrderSource;
use Aftercare\Rest\AbstractController;

final class OrderController extends AbstractController implements Conditional {

	/** @var string */
	protected $rest_base = 'orders/(?P<order_id>[\d]+)';

	public function __construct( private ?OrderSource $orders, private OrderSchema $resource ) {}

	public function resource(): string {
		return 'order';
	}

	public function can_register(): bool {
		return null !== $this->orders;
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
					'args'                => array(
						'order_id' => array(
							'description' => __( 'Order id.', 'aftercare' ),
							'type'        => 'integer',
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
		return $this->allow( current_user_can( 'read_aftercare_tickets' ) || current_user_can( 'read_aftercare_returns' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$details = $this->orders?->details( (int) $request['order_id'] );
				if ( ! $details ) {
					throw DomainError::not_found( 'order_not_found', __( 'That order no longer exists.', 'aftercare' ) );
				}
				return $this->resource->prepare( $details );
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
