<?php
/**
 * Priority from the order: rules the store sets (setting `priority_rules`) that raise a ticket's
 * priority and/or tighten its SLA targets when its order or customer matches. This class holds
 * the setting, its validation and the decisions; OrderPriority gathers the facts and
 * TicketService::apply_rules() writes what fired.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Orders\Money;
use Aftercare\Orders\Order;
use Aftercare\Settings\Settings;

final class PriorityRules {

	/** What a rule looks at. */
	public const CONDITIONS = array( 'order_total', 'lifetime_value', 'first_order', 'order_late', 'return_refused' );

	/** What a rule does to the priority: nothing, one step up, or up to a level. */
	public const RAISES = array( 'keep', 'raise', 'normal', 'high', 'urgent' );

	public const MAX_RULES = 20;

	/**
	 * The setting, merged into Settings::fields().
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function setting_fields(): array {
		return array(
			'priority_rules' => array(
				'x-aftercare' => Settings::ui(
					'tickets',
					__( 'Priority from the order', 'aftercare' ),
					array(
						'control' => 'priority_rules',
						'invalid' => __( 'Priority from the order: each rule needs a condition from the list, amounts of 0 or more, 1 to 365 days, a priority change from the list, an SLA share from 10 to 100 % and a first reply within 0 to 525,600 minutes.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					)
				),
				'description' => __( 'Rules that raise a ticket\'s priority or tighten its SLA targets when its order or customer matches. Checked when a ticket is opened and whenever its order changes; each rule fires once per ticket and never lowers a priority.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'array',
				'items'       => array(
					'type'                 => 'object',
					'properties'           => array(
						'key'                    => array(
							'type'     => 'string',
							'pattern'  => '^[a-z0-9_-]{1,40}$',
							'required' => true,
						),
						'when'                   => array(
							'type'     => 'string',
							'enum'     => self::CONDITIONS,
							'required' => true,
						),
						'amount'                 => array(
							'type'    => 'number',
							'minimum' => 0,
							'default' => 0,
						),
						'days'                   => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 365,
							'default' => 3,
						),
						'priority'               => array(
							'type'    => 'string',
							'enum'    => self::RAISES,
							'default' => 'keep',
						),
						'sla_percent'            => array(
							'type'    => 'integer',
							'minimum' => 10,
							'maximum' => 100,
							'default' => 100,
						),
						'first_response_minutes' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'maximum' => 525600,
							'default' => 0,
						),
					),
					'additionalProperties' => false,
				),
				'maxItems'    => self::MAX_RULES,
				'default'     => array(),
				'arg_options' => array(
					'validate_callback' => array( self::class, 'validate' ),
					'sanitize_callback' => array( self::class, 'sanitize' ),
				),
			),
		);
	}

	/**
	 * The rules beyond their schema, each refusal naming the rule by its place and condition:
	 * unique keys (a ticket remembers the keys that fired), an amount above 0 where one is
	 * compared, and a rule must change something.
	 *
	 * @param mixed            $value   Rules as sent.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Argument name.
	 * @return true|\WP_Error
	 */
	public static function validate( $value, $request, $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		$keys = array_column( (array) $value, 'key' );
		if ( count( $keys ) !== count( array_unique( $keys ) ) ) {
			return self::refuse( __( 'Priority from the order: two rules have the same key. Each rule needs its own.', 'aftercare' ) );
		}
		foreach ( array_values( (array) $value ) as $index => $rule ) {
			$rule = self::normalize( (array) $rule );
			if ( in_array( $rule['when'], array( 'order_total', 'lifetime_value' ), true ) && $rule['amount'] <= 0 ) {
				/* translators: 1: position of the rule, 2: its condition, e.g. "Order value over". */
				$message = __( 'Priority from the order, rule %1$d (%2$s): enter an amount above 0.', 'aftercare' );
				return self::refuse( sprintf( $message, $index + 1, self::condition_label( $rule['when'] ) ) );
			}
			if ( ! self::changes_something( $rule ) ) {
				/* translators: 1: position of the rule, 2: its condition, e.g. "Order value over". */
				return self::refuse( sprintf( __( 'Priority from the order, rule %1$d (%2$s) changes nothing: raise the priority, shorten the SLA targets or set a first-reply time.', 'aftercare' ), $index + 1, self::condition_label( $rule['when'] ) ) ); // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
			}
		}
		return true;
	}

	/**
	 * The rules as stored: sanitized by their schema, every field filled in (the schema's
	 * defaults do not reach inside a list's objects).
	 *
	 * @param mixed            $value   Rules as sent (validated).
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Argument name.
	 * @return array<int, array<string, mixed>>
	 */
	public static function sanitize( $value, $request, $param ): array {
		$clean = rest_sanitize_request_arg( $value, $request, $param );
		return array_map( static fn( $rule ): array => self::normalize( (array) $rule ), array_values( (array) $clean ) );
	}

	/** The condition's name in the store's words, as the settings screen lists it. */
	public static function condition_label( string $when ): string {
		return match ( $when ) {
			'order_total'    => __( 'Order value over', 'aftercare' ),
			'lifetime_value' => __( 'Customer has spent over', 'aftercare' ),
			'first_order'    => __( 'Customer\'s first order', 'aftercare' ),
			'order_late'     => __( 'Order late', 'aftercare' ),
			'return_refused' => __( 'A return of the order was refused', 'aftercare' ),
			default          => $when,
		};
	}

	/**
	 * A rule with every field, as the schema's defaults fill it in.
	 *
	 * @param array<string, mixed> $rule As stored.
	 * @return array{key: string, when: string, amount: float, days: int, priority: string, sla_percent: int, first_response_minutes: int}
	 */
	public static function normalize( array $rule ): array {
		return array(
			'key'                    => (string) ( $rule['key'] ?? '' ),
			'when'                   => (string) ( $rule['when'] ?? '' ),
			'amount'                 => (float) ( $rule['amount'] ?? 0 ),
			'days'                   => max( 1, (int) ( $rule['days'] ?? 3 ) ),
			'priority'               => in_array( $rule['priority'] ?? 'keep', self::RAISES, true ) ? (string) ( $rule['priority'] ?? 'keep' ) : 'keep',
			'sla_percent'            => min( 100, max( 10, (int) ( $rule['sla_percent'] ?? 100 ) ) ),
			'first_response_minutes' => max( 0, (int) ( $rule['first_response_minutes'] ?? 0 ) ),
		);
	}

	/**
	 * Whether a rule would change a ticket at all.
	 *
	 * @param array<string, mixed> $rule Normalized rule.
	 */
	public static function changes_something( array $rule ): bool {
		return 'keep' !== $rule['priority'] || $rule['sla_percent'] < 100 || $rule['first_response_minutes'] > 0;
	}

	/**
	 * Whether the facts match a rule's condition. Amounts compare strictly ("over"); an order is
	 * late once its first shipment left at least `days` days ago and no delivery is recorded.
	 *
	 * @param array<string, mixed> $rule  Normalized rule.
	 * @param OrderFacts           $facts What is known about the ticket's order and customer.
	 */
	public static function matches( array $rule, OrderFacts $facts ): bool {
		$order = $facts->order;
		return match ( $rule['when'] ) {
			'order_total'    => null !== $order && $order->total > $rule['amount'],
			'lifetime_value' => null !== $facts->customer && $facts->customer->total_spent > $rule['amount'],
			'first_order'    => null !== $order && $facts->first_order,
			'order_late'     => null !== $order && self::late( $order, $rule['days'], $facts->now ),
			'return_refused' => null !== $order && $facts->return_refused,
			default          => false,
		};
	}

	/**
	 * The store's rules that match and have not fired on this ticket yet, in the order they are listed.
	 *
	 * @param array<int, array<string, mixed>> $rules The `priority_rules` setting.
	 * @return array<int, array<string, mixed>> Normalized rules.
	 */
	public static function due( array $rules, Ticket $ticket, OrderFacts $facts ): array {
		return array_values( array_filter( self::pending( $rules, $ticket ), static fn( array $rule ): bool => self::matches( $rule, $facts ) ) );
	}

	/**
	 * The store's rules that could still fire on this ticket: they change something and have not
	 * fired on it yet, in the order they are listed.
	 *
	 * @param array<int, array<string, mixed>> $rules The `priority_rules` setting.
	 * @return array<int, array<string, mixed>> Normalized rules.
	 */
	public static function pending( array $rules, Ticket $ticket ): array {
		$fired = array_column( $ticket->rules, 'key' );
		return array_values(
			array_filter(
				array_map( static fn( $rule ): array => self::normalize( (array) $rule ), $rules ),
				static fn( array $rule ): bool => self::changes_something( $rule ) && ! in_array( $rule['key'], $fired, true )
			)
		);
	}

	/**
	 * The priority a rule asks for from the current one; never lower than it.
	 *
	 * @param array<string, mixed> $rule Normalized rule.
	 */
	public static function target( array $rule, Priority $current ): Priority {
		$wanted = match ( $rule['priority'] ) {
			'keep'  => $current,
			'raise' => self::step_up( $current ),
			default => Priority::from( $rule['priority'] ),
		};
		return $wanted->rank() > $current->rank() ? $wanted : $current;
	}

	/**
	 * Why a rule fired, in words, from what the ticket stored when it fired: "order value over $500.00".
	 *
	 * @param array<string, mixed> $fired A fired rule as Ticket::$rules keeps it.
	 */
	public static function reason( array $fired ): string {
		$amount = Money::text( (float) ( $fired['amount'] ?? 0 ), (string) ( $fired['currency'] ?? '' ) );
		$days   = (int) ( $fired['days'] ?? 0 );
		return match ( (string) ( $fired['when'] ?? '' ) ) {
			/* translators: %s: amount with currency, e.g. $500.00. */
			'order_total'    => sprintf( __( 'order value over %s', 'aftercare' ), $amount ),
			/* translators: %s: amount with currency, e.g. $2,000.00. */
			'lifetime_value' => sprintf( __( 'customer has spent over %s', 'aftercare' ), $amount ),
			'first_order'    => __( 'the customer\'s first order', 'aftercare' ),
			/* translators: %d: number of days. */
			'order_late'     => sprintf( _n( 'shipped %d day ago and not delivered', 'shipped %d days ago and not delivered', $days, 'aftercare' ), $days ),
			'return_refused' => __( 'a return of the order was refused', 'aftercare' ),
			default          => __( 'an order rule', 'aftercare' ),
		};
	}

	private static function step_up( Priority $priority ): Priority {
		return match ( $priority ) {
			Priority::Low    => Priority::Normal,
			Priority::Normal => Priority::High,
			default          => Priority::Urgent,
		};
	}

	private static function late( Order $order, int $days, int $now ): bool {
		if ( null !== $order->delivered ) {
			return false;
		}
		$shipped = array_filter( array_map( static fn( $tracking ): ?int => $tracking->shipped, $order->tracking ) );
		return $shipped && min( $shipped ) <= $now - $days * DAY_IN_SECONDS;
	}

	private static function refuse( string $message ): \WP_Error {
		return new \WP_Error( 'rest_invalid_param', $message, array( 'status' => 400 ) );
	}
}
