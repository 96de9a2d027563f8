<?php
/**
 * How much money agents may move from a ticket: the store's limits on one refund and one coupon
 * (settings fields, merged into Settings). Above them, only `manage_aftercare` (store managers
 * and administrators); everyone else gets a 403 that says the limit.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\OrderActions;

use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\Money;
use Aftercare\Settings\Settings;

final class ActionLimits {

	public function __construct( private Settings $settings ) {}

	/**
	 * Setting fields of the limits, merged into Settings::fields().
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function setting_fields(): array {
		$unit = array( 'unit' => __( 'in the store currency', 'aftercare' ) );
		return array(
			'agent_refund_limit'         => array(
				'x-aftercare' => Settings::ui( 'tickets', __( 'Largest refund an agent may give', 'aftercare' ), $unit ),
				'description' => __( 'The most a support agent may refund at once from a ticket reply (0: only store managers refund). Store managers have no limit.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'number',
				'minimum'     => 0,
				'maximum'     => 1000000,
				'default'     => 50,
			),
			'agent_coupon_limit'         => array(
				'x-aftercare' => Settings::ui( 'tickets', __( 'Largest coupon an agent may give', 'aftercare' ), $unit ),
				'description' => __( 'The most a coupon a support agent gives from a ticket reply may take off (0: only store managers give coupons). Store managers have no limit.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'number',
				'minimum'     => 0,
				'maximum'     => 1000000,
				'default'     => 20,
			),
			'agent_coupon_percent_limit' => array(
				'x-aftercare' => Settings::ui( 'tickets', __( 'Largest percentage coupon an agent may give', 'aftercare' ), array( 'unit' => '%' ) ),
				'description' => __( 'The largest percentage off a support agent may give as a coupon from a ticket reply (0: none). Store managers have no limit.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 100,
				'default'     => 15,
			),
		);
	}

	/**
	 * The most this user may refund at once; null: no limit.
	 */
	public function refund( int $user_id ): ?float {
		return user_can( $user_id, 'manage_aftercare' ) ? null : (float) $this->settings->get( 'agent_refund_limit' );
	}

	/**
	 * The largest coupon of this type this user may give; null: no limit.
	 */
	public function coupon( int $user_id, string $type ): ?float {
		if ( user_can( $user_id, 'manage_aftercare' ) ) {
			return null;
		}
		return (float) $this->settings->get( 'percent' === $type ? 'agent_coupon_percent_limit' : 'agent_coupon_limit' );
	}

	/**
	 * @throws DomainError 403 above the user's limit.
	 */
	public function check_refund( int $user_id, float $amount, string $currency ): void {
		$limit = $this->refund( $user_id );
		if ( null !== $limit && $amount > $limit + 0.005 ) {
			throw DomainError::forbidden(
				'over_refund_limit',
				sprintf(
					/* translators: %s: the limit, e.g. $50.00. */
					__( 'You can refund at most %s at once. Ask a store manager to refund more.', 'aftercare' ),
					Money::text( $limit, $currency )
				)
			);
		}
	}

	/**
	 * @throws DomainError 403 above the user's limit.
	 */
	public function check_coupon( int $user_id, string $type, float $amount, string $currency ): void {
		$limit = $this->coupon( $user_id, $type );
		if ( null !== $limit && $amount > $limit + 0.005 ) {
			throw DomainError::forbidden(
				'over_coupon_limit',
				sprintf(
					/* translators: %s: the limit, e.g. $20.00 or 15%. */
					__( 'You can give a coupon of at most %s. Ask a store manager for a larger one.', 'aftercare' ),
					OrderActions::coupon_value( $type, $limit, $currency )
				)
			);
		}
	}
}
