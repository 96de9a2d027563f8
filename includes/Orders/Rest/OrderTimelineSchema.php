<?php
/**
 * The order-timeline resource: one event of an order's story (the order-status resource embeds
 * the same events), and the arguments of a page of them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Rest;

use Aftercare\Http\GuestToken;

final class OrderTimelineSchema {

	public const PER_PAGE = 20;

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$string = static fn( string $description, array $extra = array() ): array => $extra + array(
			'description' => $description,
			'type'        => 'string',
			'context'     => array( 'view', 'edit' ),
			'readonly'    => true,
		);
		return array(
			'$schema'              => 'http://json-schema.org/draft-04/schema#',
			'title'                => 'aftercare_order_timeline',
			'type'                 => 'object',
			'additionalProperties' => false,
			'required'             => array( 'type', 'source', 'time', 'date', 'label', 'detail', 'url', 'actor' ),
			'properties'           => array(
				'type'   => $string( __( 'What happened, e.g. placed, paid, shipped, delivered, refunded, coupon, lookup, ticket_opened, ticket_replied, ticket_solved, return_requested, return_refunded.', 'aftercare' ) ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'source' => $string( __( 'The feature it comes from: order, ticket, return, or one that hooks aftercare_order_timeline (e.g. csat).', 'aftercare' ) ),
				'time'   => $string( __( 'When (ISO 8601, UTC).', 'aftercare' ), array( 'format' => 'date-time' ) ),
				'date'   => $string( __( 'When, in the store\'s date and time format.', 'aftercare' ) ),
				'label'  => $string( __( 'What happened, in words.', 'aftercare' ) ),
				'detail' => $string( __( 'More about it (a tracking number, an amount, a ticket\'s subject), or empty.', 'aftercare' ) ),
				'url'    => $string( __( 'Where to follow it: the carrier\'s tracking page; for agents the ticket or return screen. Empty when none.', 'aftercare' ) ),
				'actor'  => $string( __( 'Who did it (agents only; always empty for shoppers).', 'aftercare' ) ),
			),
		);
	}

	/**
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return array(
			'order_id' => array(
				'description' => __( 'Order id.', 'aftercare' ),
				'type'        => 'integer',
			),
			'page'     => array(
				'description' => __( 'Page of events, oldest first.', 'aftercare' ),
				'type'        => 'integer',
				'default'     => 1,
				'minimum'     => 1,
			),
			'per_page' => array(
				'description' => __( 'Events per page.', 'aftercare' ),
				'type'        => 'integer',
				'default'     => self::PER_PAGE,
				'minimum'     => 1,
				'maximum'     => 100,
			),
			'token'    => array(
				'description' => __( 'Guests: the signed token their order lookup gave (or send the X-Aftercare-Token header).', 'aftercare' ),
			) + GuestToken::arg(),
		);
	}
}
