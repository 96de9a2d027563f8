<?php
/**
 * The store's return policy: its settings fields (merged into Settings) and typed reads of them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Settings\Settings;

final class Policy {

	public const OUTCOMES = array( 'refund', 'store_credit', 'exchange' );

	/**
	 * @param Settings                  $settings The store's settings.
	 * @param array<string, mixed>|null $values   Fixed values (a proposed policy, see with()); null reads the settings.
	 */
	public function __construct( private Settings $settings, private ?array $values = null ) {}

	/**
	 * This policy with some settings changed, read once: a proposed policy for the simulator, which
	 * asks it about every line of thousands of orders.
	 *
	 * @param array<string, mixed> $changes Validated return_* settings.
	 */
	public function with( array $changes ): self {
		return new self( $this->settings, array_merge( $this->settings->all(), array_intersect_key( $changes, self::setting_fields() ) ) );
	}

	private function get( string $name ): mixed {
		return null === $this->values ? $this->settings->get( $name ) : ( $this->values[ $name ] ?? null );
	}

	/**
	 * JSON-schema properties of the return-policy settings.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function setting_fields(): array {
		$ids = array(
			'type'        => 'array',
			'items'       => array(
				'type'    => 'integer',
				'minimum' => 1,
			),
			'uniqueItems' => true,
			'maxItems'    => 500,
			'default'     => array(),
		);
		return array(
			'return_window_days'           => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Return window', 'aftercare' ), array( 'unit' => __( 'days', 'aftercare' ) ) ),
				'description' => __( 'Days after an order is completed (or delivered, when known) during which items can be returned.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 3650,
				'default'     => 30,
			),
			'return_order_statuses'        => array(
				'x-aftercare' => Settings::ui(
					'returns',
					__( 'Order statuses that can be returned', 'aftercare' ),
					array(
						'control' => 'lines',
						'invalid' => __(
							'Order statuses that can be returned: one status per line, as lowercase letters, digits, dashes or underscores (e.g. completed).',
							'aftercare'
						),
					)
				),
				'description' => __( 'Order statuses (slugs without "wc-") whose items can be returned.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type'    => 'string',
					'pattern' => '^[a-z0-9_-]{1,40}$',
				),
				'uniqueItems' => true,
				'maxItems'    => 50,
				'default'     => array( 'completed' ),
			),
			'return_excluded_categories'   => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Categories that cannot be returned', 'aftercare' ), array( 'control' => 'product_categories' ) ),
				'description' => __( 'Product categories that cannot be returned.', 'aftercare' ),
			) + $ids,
			'return_excluded_products'     => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Products that cannot be returned', 'aftercare' ), array( 'control' => 'products' ) ),
				'description' => __( 'Products that cannot be returned.', 'aftercare' ),
			) + $ids,
			'return_exclude_sale_items'    => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Sale items cannot be returned', 'aftercare' ) ),
				'description' => __( 'Items bought below their regular price cannot be returned.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'return_minimum_order_total'   => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Minimum order total', 'aftercare' ) ),
				'description' => __( 'Orders below this total cannot be returned (0 for no minimum).', 'aftercare' ),
				'type'        => 'number',
				'minimum'     => 0,
				'default'     => 0,
			),
			'return_reasons'               => array(
				'x-aftercare' => Settings::ui(
					'returns',
					__( 'Return reasons', 'aftercare' ),
					array(
						'control' => 'reasons',
						'invalid' => __( 'Return reasons: each reason needs a label of 1 to 120 characters.', 'aftercare' ),
					)
				),
				'description' => __( 'Reasons a shopper chooses from, and whether each needs photos.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type'                 => 'object',
					'properties'           => array(
						'key'    => array(
							'type'     => 'string',
							'pattern'  => '^[a-z0-9_-]{1,40}$',
							'required' => true,
						),
						'label'  => array(
							'type'      => 'string',
							'minLength' => 1,
							'maxLength' => 120,
							'required'  => true,
						),
						'photos' => array(
							'type'    => 'boolean',
							'default' => false,
						),
						// Retired reasons stay in the list (and on past returns) but are no longer offered.
						'active' => array(
							'type'    => 'boolean',
							'default' => true,
						),
					),
					'additionalProperties' => false,
				),
				'minItems'    => 1,
				'maxItems'    => 30,
				'default'     => self::default_reasons(),
				'arg_options' => array( 'validate_callback' => array( self::class, 'validate_reasons' ) ),
			),
			'return_outcomes'              => array(
				'x-aftercare' => Settings::ui(
					'returns',
					__( 'Shoppers may ask for', 'aftercare' ),
					array(
						'options' => array(
							'refund'   => __( 'A refund', 'aftercare' ),
							'store_credit' => __( 'Store credit', 'aftercare' ),
							'exchange' => __( 'An exchange', 'aftercare' ),
						),
					)
				),
				'description' => __( 'What a shopper may ask for: a refund to the original payment, store credit, or an exchange.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => self::OUTCOMES,
				),
				'uniqueItems' => true,
				'minItems'    => 1,
				'default'     => self::OUTCOMES,
			),
			'return_restocking_fee_type'   => array(
				'x-aftercare' => Settings::ui(
					'returns',
					__( 'Restocking fee', 'aftercare' ),
					array(
						'options' => array(
							'none'    => __( 'None', 'aftercare' ),
							'percent' => __( 'A percentage of the refunded items', 'aftercare' ),
							'fixed'   => __( 'A fixed amount per return', 'aftercare' ),
						),
					)
				),
				'description' => __( 'Restocking fee kept from refunds: none, a percentage of the refunded items, or a fixed amount per return.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'none', 'percent', 'fixed' ),
				'default'     => 'none',
			),
			'return_restocking_fee'        => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Restocking fee amount', 'aftercare' ) ),
				'description' => __( 'The restocking fee: a percentage (0-100) or an amount in the store currency.', 'aftercare' ),
				'type'        => 'number',
				'minimum'     => 0,
				'default'     => 0,
			),
			'return_shipping_instructions' => array(
				'x-aftercare' => Settings::ui( 'returns', __( 'Return shipping instructions', 'aftercare' ), array( 'control' => 'textarea' ) ),
				'description' => __( 'How to send items back, shown once a return is approved.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 2000,
				'default'     => '',
			),
		);
	}

	/**
	 * The reasons list beyond its schema: keys are unique (a return stores the key), and at least
	 * one reason is offered.
	 *
	 * @param mixed            $value   Reasons as sent.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Argument name.
	 * @return true|\WP_Error
	 */
	public static function validate_reasons( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		$keys = array_column( (array) $value, 'key' );
		if ( count( $keys ) !== count( array_unique( $keys ) ) ) {
			$message = __( 'Return reasons: two reasons have the same key. Each reason needs its own.', 'aftercare' );
			return new \WP_Error( 'rest_invalid_param', $message, array( 'status' => 400 ) );
		}
		if ( ! array_filter( (array) $value, static fn( $reason ): bool => (bool) ( $reason['active'] ?? true ) ) ) {
			$message = __( 'Return reasons: keep at least one reason active, so shoppers can choose one.', 'aftercare' );
			return new \WP_Error( 'rest_invalid_param', $message, array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * @return array<int, array{key: string, label: string, photos: bool, active: bool}>
	 */
	private static function default_reasons(): array {
		return array(
			array(
				'key'    => 'damaged',
				'label'  => __( 'Arrived damaged or faulty', 'aftercare' ),
				'photos' => true,
				'active' => true,
			),
			array(
				'key'    => 'wrong_item',
				'label'  => __( 'Wrong item sent', 'aftercare' ),
				'photos' => true,
				'active' => true,
			),
			array(
				'key'    => 'size',
				'label'  => __( 'Does not fit', 'aftercare' ),
				'photos' => false,
				'active' => true,
			),
			array(
				'key'    => 'not_as_described',
				'label'  => __( 'Not as described', 'aftercare' ),
				'photos' => false,
				'active' => true,
			),
			array(
				'key'    => 'changed_mind',
				'label'  => __( 'Changed my mind', 'aftercare' ),
				'photos' => false,
				'active' => true,
			),
		);
	}

	public function window_days(): int {
		return max( 1, (int) $this->get( 'return_window_days' ) );
	}

	/**
	 * @return string[]
	 */
	public function statuses(): array {
		return array_map( 'strval', (array) $this->get( 'return_order_statuses' ) );
	}

	/**
	 * @return int[]
	 */
	public function excluded_categories(): array {
		return array_map( 'intval', (array) $this->get( 'return_excluded_categories' ) );
	}

	/**
	 * @return int[]
	 */
	public function excluded_products(): array {
		return array_map( 'intval', (array) $this->get( 'return_excluded_products' ) );
	}

	public function excludes_sale_items(): bool {
		return (bool) $this->get( 'return_exclude_sale_items' );
	}

	public function minimum_total(): float {
		return (float) $this->get( 'return_minimum_order_total' );
	}

	/**
	 * The reasons shoppers are offered now (retired ones left out).
	 *
	 * @return array<string, array{label: string, photos: bool}> By key.
	 */
	public function reasons(): array {
		$active = array_filter( $this->all_reasons(), static fn( array $reason ): bool => $reason['active'] );
		return array_map( static fn( array $reason ): array => array_diff_key( $reason, array( 'active' => true ) ), $active );
	}

	/**
	 * Every reason in the settings, retired ones too (past returns and the queue's filter name them).
	 *
	 * @return array<string, array{label: string, photos: bool, active: bool}> By key.
	 */
	public function all_reasons(): array {
		$reasons = array();
		foreach ( (array) $this->get( 'return_reasons' ) as $reason ) {
			if ( is_array( $reason ) && isset( $reason['key'], $reason['label'] ) ) {
				$reasons[ (string) $reason['key'] ] = array(
					'label'  => (string) $reason['label'],
					'photos' => ! empty( $reason['photos'] ),
					'active' => (bool) ( $reason['active'] ?? true ),
				);
			}
		}
		return $reasons;
	}

	/**
	 * @return string[]
	 */
	public function outcomes(): array {
		return array_values( array_intersect( self::OUTCOMES, (array) $this->get( 'return_outcomes' ) ) );
	}

	/**
	 * The restocking fee for refunding items worth $amount.
	 */
	public function restocking_fee( float $amount ): float {
		$fee = (float) $this->get( 'return_restocking_fee' );
		return match ( (string) $this->get( 'return_restocking_fee_type' ) ) {
			'percent' => round( $amount * min( 100.0, $fee ) / 100, 2 ),
			'fixed'   => min( $amount, round( $fee, 2 ) ),
			default   => 0.0,
		};
	}

	public function shipping_instructions(): string {
		return (string) $this->get( 'return_shipping_instructions' );
	}
}
