<?php
/**
 * `POST aftercare/v1/returns/policy/simulate`: what a proposed return policy (the return_* settings,
 * validated exactly as the settings route validates them) would do on the orders of a period,
 * beside the current policy. One batch of orders per request; the answer's `next_cursor` asks
 * for the next. Writes nothing. Store managers only (`manage_aftercare`).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Rest;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Rest\AbstractController;
use Aftercare\Returns\Policy;
use Aftercare\Returns\PolicySimulator;
use Aftercare\Settings\Rest\SettingsSchema;
use Aftercare\Tickets\Rest\TicketSchema;

final class PolicySimulationController extends AbstractController implements Conditional {

	/** @var string */
	protected $rest_base = 'returns/policy';

	public function __construct( private ?PolicySimulator $simulator, private SettingsSchema $settings, private Clock $clock ) {}

	public function resource(): string {
		return 'return-policy-simulation';
	}

	public function can_register(): bool {
		return null !== $this->simulator;
	}

	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base . '/simulate',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'simulate' ),
					'permission_callback' => array( $this, 'simulate_permissions_check' ),
					'args'                => $this->args(),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * The proposed policy's settings exactly as the settings route takes and checks them (the
	 * same refusals, in the same words), and the period.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private function args(): array {
		$policy = array_intersect_key( $this->settings->item_schema()['properties'], Policy::setting_fields() );
		return rest_get_endpoint_args_for_schema( array( 'properties' => $policy ), \WP_REST_Server::EDITABLE ) + array(
			'days'         => array(
				'description' => __( 'The period: orders placed in the last this many days (unless from is given).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 3650,
				'default'     => 90,
			),
			'from'         => array(
				'description' => __( 'The period\'s first day instead (UTC date-time).', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'to'           => array(
				'description' => __( 'The period\'s end (UTC date-time; default now).', 'aftercare' ),
				'type'        => 'string',
				'format'      => 'date-time',
			),
			'cursor'       => array(
				'description' => __( 'The next_cursor of the previous answer: the next batch of the same period.', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[0-9]+\.[0-9]+\.[0-9]+$',
			),
			'per_page'     => array(
				'description' => __( 'Orders checked in this batch.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 500,
				'default'     => 200,
			),
			'changed_only' => array(
				'description' => __( 'List only the lines whose verdict the proposed policy changes.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function simulate_permissions_check( $request ): bool|\WP_Error {
		return $this->allow( current_user_can( 'manage_aftercare' ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 */
	public function simulate( $request ): \WP_REST_Response {
		return $this->respond(
			function () use ( $request ): array {
				list( $from, $to, $after ) = $this->period( $request );
				$changes = array_intersect_key( $request->get_params(), Policy::setting_fields() );
				$batch   = $this->simulator->run( $changes, $from, $to, $after, (int) $request['per_page'], (bool) $request['changed_only'] );
				foreach ( $batch['lines'] as &$line ) {
					$line['order_date'] = TicketSchema::date( $line['order_date'] );
				}
				unset( $line );
				return array(
					'from'        => TicketSchema::date( $from ),
					'to'          => TicketSchema::date( $to ),
					'total'       => $batch['total'],
					'orders'      => $batch['orders'],
					'current'     => $batch['current'],
					'proposed'    => $batch['proposed'],
					'lines'       => $batch['lines'],
					'next_cursor' => $batch['done'] ? null : "{$from}.{$to}.{$batch['last_id']}",
				);
			}
		);
	}

	/**
	 * The period's bounds and where this batch starts: from the cursor, else from `from`/`to`,
	 * else the last `days` days.
	 *
	 * @return array{0: int, 1: int, 2: int} From, to (Unix times, both included), the last order id already checked.
	 */
	private function period( \WP_REST_Request $request ): array {
		if ( null !== $request['cursor'] ) {
			return array_map( 'intval', explode( '.', (string) $request['cursor'] ) );
		}
		$now  = $this->clock->now();
		$to   = null !== $request['to'] ? (int) strtotime( (string) $request['to'] ) : $now;
		$from = null !== $request['from'] ? (int) strtotime( (string) $request['from'] ) : $to - (int) $request['days'] * DAY_IN_SECONDS;
		if ( $from > $to ) {
			throw DomainError::invalid( 'invalid_period', __( 'The period must start before it ends.', 'aftercare' ), array( 'params' => array( 'from', 'to' ) ) );
		}
		return array( $from, $to, 0 );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function get_item_schema(): array {
		$view    = array( 'view', 'edit' );
		$counts  = array(
			'type'                 => 'object',
			'properties'           => array(
				'orders' => array( 'type' => 'integer' ),
				'lines'  => array( 'type' => 'integer' ),
			),
			'required'             => array( 'orders', 'lines' ),
			'additionalProperties' => false,
		);
		$verdict = array(
			'type'                 => 'object',
			'properties'           => array(
				'returnable' => array( 'type' => 'integer' ),
				'reason'     => array( 'type' => 'string' ),
			),
			'required'             => array( 'returnable', 'reason' ),
			'additionalProperties' => false,
		);
		$line    = array(
			'order_id'     => array( 'type' => 'integer' ),
			'order_number' => array( 'type' => 'string' ),
			'order_date'   => array( 'type' => 'string' ),
			'item_id'      => array( 'type' => 'integer' ),
			'product_id'   => array( 'type' => 'integer' ),
			'name'         => array( 'type' => 'string' ),
			'quantity'     => array( 'type' => 'integer' ),
			'current'      => $verdict,
			'proposed'     => $verdict,
			'changed'      => array( 'type' => 'boolean' ),
		);
		$field   = static fn( string $description, array $schema ): array => array(
			'description' => $description,
			'context'     => $view,
			'readonly'    => true,
		) + $schema;
		return $this->add_additional_fields_schema(
			array(
				'$schema'    => 'http://json-schema.org/draft-04/schema#',
				'title'      => 'aftercare_return_policy_simulation',
				'type'       => 'object',
				'properties' => array(
					'from'        => $field( __( 'The period\'s start (UTC).', 'aftercare' ), array( 'type' => 'string' ) ),
					'to'          => $field( __( 'The period\'s end (UTC).', 'aftercare' ), array( 'type' => 'string' ) ),
					'total'       => $field(
						__( 'Orders placed in the period (first batch only; null after).', 'aftercare' ),
						array( 'type' => array( 'integer', 'null' ) )
					),
					'orders'      => $field( __( 'Orders checked in this batch.', 'aftercare' ), array( 'type' => 'integer' ) ),
					'current'     => $field( __( 'Of this batch, the orders and lines returnable under the current policy.', 'aftercare' ), $counts ),
					'proposed'    => $field( __( 'Of this batch, the orders and lines returnable under the proposed policy.', 'aftercare' ), $counts ),
					'lines'       => $field(
						__( 'The batch\'s lines (or only those whose verdict changes) with the verdict of each policy: how many can be returned, and why not.', 'aftercare' ),
						array(
							'type'  => 'array',
							'items' => array(
								'type'                 => 'object',
								'properties'           => $line,
								'required'             => array_keys( $line ),
								'additionalProperties' => false,
							),
						)
					),
					'next_cursor' => $field(
						__( 'Pass it back for the next batch; null when the period is done.', 'aftercare' ),
						array( 'type' => array( 'string', 'null' ) )
					),
				),
			)
		);
	}
}
