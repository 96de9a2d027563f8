<?php
/**
 * aftercare/v1/returns/check: whether a return request holds up to one step of the return form
 * (order, items, details, outcome, review), by the rules POST /returns applies (ReturnRules).
 * The returns block asks it before each step, with JavaScript and without, so the rules live on
 * the server once. The order is proved as for POST /returns (guests: number and billing email
 * through the order lookup, its limits and its uniform failure; customers: one of their orders);
 * nothing is written (no lookup is recorded: the eligibility route that showed the order did).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Http\Uploads;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderLookup;
use Aftercare\Rest\AbstractController;
use Aftercare\Returns\ReturnRules;
use Aftercare\Returns\ReturnService;

final class ReturnCheckController extends AbstractController implements Conditional {

	protected $rest_base = 'returns/check';

	public function __construct( private ?ReturnService $service, private ?OrderLookup $lookup ) {}

	public function resource(): string {
		return 'return-check';
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
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'check' ),
					'permission_callback' => array( $this, 'check_permissions_check' ),
					'args'                => ReturnSchema::check_args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Anyone: the order's proof (the lookup's limits and uniform failure, or the login) protects it.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function check_permissions_check( $request ): bool|\WP_Error {
		return true;
	}

	/**
	 * 200 when every step up to the one asked for holds, else the first rule broken as POST
	 * /returns would answer it (code, message, `params` naming the field).
	 *
	 * @param \WP_REST_Request $request Request (multipart `attachments[]` for the review step).
	 */
	public function check( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				$actor           = get_current_user_id();
				$input           = $request->get_params();
				$input['photos'] = Uploads::from( $request );
				$this->service->check( (string) $request['step'], self::proven_order( $this->service, $this->lookup, $request, false ), $input, $actor );
				return array( 'step' => (string) $request['step'] );
			}
		);
	}

	/**
	 * The order a return request names, proved for this visitor: signed-in, one of theirs (agents:
	 * any); guests, its number and billing email through the order lookup.
	 *
	 * @param \WP_REST_Request $request Request with `order_id`, or `order_number` and `email`.
	 * @param bool             $record  Whether a guest's lookup is recorded with the order.
	 * @throws DomainError 400 without an order, 404 uniform for a wrong one, 429 when throttled.
	 */
	public static function proven_order( ReturnService $service, OrderLookup $lookup, \WP_REST_Request $request, bool $record ): Order {
		$actor = get_current_user_id();
		if ( $actor ) {
			if ( ! $request['order_id'] ) {
				throw DomainError::invalid( 'missing_order', __( 'Please choose one of your orders.', 'aftercare' ), array( 'params' => array( 'order_id' ) ) );
			}
			return $service->order_for( (int) $request['order_id'], $actor );
		}
		$number = (string) $request['order_number'];
		$email  = (string) $request['email'];
		return $record ? $lookup->lookup( $number, $email, '' ) : $lookup->check( $number, $email );
	}

	public function get_item_schema(): array {
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_return_check',
				'type'       => 'object',
				'properties' => array(
					'step' => array(
						'description' => __( 'The step checked: it and every step before it hold.', 'aftercare' ),
						'type'        => 'string',
						'enum'        => ReturnRules::STEPS,
						'context'     => array( 'view', 'edit' ),
						'readonly'    => true,
					),
				),
			)
		);
	}
}
