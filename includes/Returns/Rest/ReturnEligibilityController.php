<?php
/**
 * aftercare/v1/returns/eligibility: what in an order can be returned, and why not. Signed-in
 * customers ask with one of their order ids (GET); guests with the order number and billing
 * email (POST, so the email stays out of URLs and logs), through the order lookup and its limits.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Infrastructure\Conditional;
use Aftercare\Orders\OrderLookup;
use Aftercare\Rest\AbstractController;
use Aftercare\Returns\ReturnService;

final class ReturnEligibilityController extends AbstractController implements Conditional {

	protected $rest_base = 'returns/eligibility';

	public function __construct( private ?ReturnService $service, private ?OrderLookup $lookup, private ReturnEligibilitySchema $resource ) {}

	public function resource(): string {
		return 'return-eligibility';
	}

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
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
					'args'                => array(
						'order_id' => array(
							'description' => __( 'One of your orders (agents: any order).', 'aftercare' ),
							'type'        => 'integer',
							'minimum'     => 1,
							'required'    => true,
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'lookup' ),
					'permission_callback' => array( $this, 'lookup_permissions_check' ),
					'args'                => array(
						'order_number' => array(
							'description' => __( 'The order number.', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => OrderLookup::MAX_NUMBER_LENGTH,
							'required'    => true,
						),
						'email'        => array(
							'description' => __( 'The billing email of the order.', 'aftercare' ),
							'type'        => 'string',
							'maxLength'   => 190,
							'required'    => true,
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
		return $this->allow( is_user_logged_in() );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_item( $request ): \WP_REST_Response {
		return $this->respond(
			fn() => $this->resource->prepare( $this->service->eligibility( $this->service->order_for( (int) $request['order_id'], get_current_user_id() ) ) )
		);
	}

	/**
	 * Anyone: the order lookup's limits and uniform failures protect it.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function lookup_permissions_check( $request ): bool|\WP_Error {
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function lookup( $request ): \WP_REST_Response {
		return $this->respond(
			fn() => $this->resource->prepare( $this->service->eligibility( $this->lookup->lookup( (string) $request['order_number'], (string) $request['email'], '' ) ) )
		);
	}

	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
