<?php
/**
 * `aftercare/v1/orders/{order_id}/timeline`: an order's story, page by page, as the asker may
 * see it (Orders\OrderTimeline): agents everything; the signed-in customer their own order; a
 * guest the one order their lookup's signed token names. Anyone else, and an order that does not
 * exist, get the same 404. Guests' wrong tokens are counted per client address (429 after 20 in
 * 15 minutes). Every answer is private and uncacheable.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

use Aftercare\Http\ClientAddress;
use Aftercare\Http\GuestToken;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Orders\Order;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\OrderTimeline;
use Aftercare\Orders\TimelineToken;
use Aftercare\Rest\AbstractController;

final class OrderTimelineController extends AbstractController implements Conditional {

	/** Wrong guest tokens per client address in WINDOW. */
	public const MAX_FAILURES = 20;

	public const WINDOW = 15 * MINUTE_IN_SECONDS;

	/** @var string */
	protected $rest_base = 'orders/(?P<order_id>[\d]+)/timeline';

	public function __construct(
		private ?OrderSource $orders,
		private ?OrderTimeline $timeline,
		private TimelineToken $tokens,
		private RateLimiter $limiter,
		private ClientAddress $client,
		private OrderTimelineSchema $resource
	) {}

	public function resource(): string {
		return 'order-timeline';
	}

	public function can_register(): bool {
		return null !== $this->orders && null !== $this->timeline;
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
					'args'                => $this->resource->args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Public on purpose, as a guest's signed token is a credential: the handler checks the account
	 * or the token against the order (audience()) and answers everyone else with the uniform 404,
	 * or 429 with Retry-After once an address has sent too many wrong tokens.
	 *
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items_permissions_check( $request ): bool {
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function get_items( $request ): \WP_REST_Response {
		$response = $this->respond(
			function () use ( $request ): array {
				list( $order, $audience ) = $this->audience( $request );
				return $this->timeline->page( $order, $audience, (int) $request['page'], (int) $request['per_page'] );
			}
		);
		$page = $response->get_data();
		if ( ! $response->is_error() && isset( $page['events'] ) ) {
			$response->set_data( $page['events'] );
			$response->header( 'X-WP-Total', (string) $page['total'] );
			$response->header( 'X-WP-TotalPages', (string) max( 1, (int) ceil( $page['total'] / max( 1, (int) $request['per_page'] ) ) ) );
		}
		return $response;
	}

	/**
	 * The order and who is asking: `agent`, `customer` (their own order) or `guest` (a valid
	 * token for this order).
	 *
	 * @return array{0: Order, 1: string}
	 * @throws DomainError 404 for anyone else (and unknown orders), 429 after too many wrong tokens.
	 */
	private function audience( \WP_REST_Request $request ): array {
		$order = $this->orders?->find( (int) $request['order_id'] );
		if ( $order && ( current_user_can( 'read_aftercare_tickets' ) || current_user_can( 'read_aftercare_returns' ) ) ) {
			return array( $order, 'agent' );
		}
		if ( $order && $order->customer_id > 0 && get_current_user_id() === $order->customer_id ) {
			return array( $order, 'customer' );
		}
		$token = GuestToken::from( $request );
		if ( '' !== $token ) {
			$retry = $this->limiter->retry_after( 'order_timeline_ip', $this->client->key(), self::MAX_FAILURES );
			if ( $retry > 0 ) {
				throw DomainError::throttled( __( 'Too many requests. Please wait a little and try again.', 'aftercare' ), $retry );
			}
			if ( $order && $this->tokens->verify( $order->id, $token ) ) {
				return array( $order, 'guest' );
			}
			$this->limiter->fail( 'order_timeline_ip', $this->client->key(), self::MAX_FAILURES, self::WINDOW );
		}
		throw DomainError::not_found( 'order_not_found', __( 'We could not find that order.', 'aftercare' ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		return $this->add_additional_fields_schema( $this->resource->item_schema() );
	}
}
