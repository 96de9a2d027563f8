<?php
/**
 * The saved-reply resource: canned answers agents insert into the composer.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Tickets\SavedReply;

final class SavedReplySchema {

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$view = array( 'view', 'edit' );
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_saved_reply',
			'type'       => 'object',
			'properties' => array(
				'id'      => array(
					'description' => __( 'Internal id.', 'aftercare' ),
					'type'        => 'integer',
					'context'     => $view,
					'readonly'    => true,
				),
				'title'   => array(
					'description' => __( 'Name agents pick it by.', 'aftercare' ),
					'type'        => 'string',
					'minLength'   => 1,
					'maxLength'   => 120,
					'context'     => $view,
				),
				'body'    => array(
					'description' => __( 'Reply text (HTML). Variables: {customer_name}, {ticket_number}, {order_number}, {order_status}, {tracking_link}.', 'aftercare' ),
					'type'        => 'string',
					'minLength'   => 1,
					'context'     => $view,
				),
				'updated' => array(
					'description' => __( 'Last change (UTC).', 'aftercare' ),
					'type'        => 'string',
					'format'      => 'date-time',
					'context'     => $view,
					'readonly'    => true,
				),
			),
		);
	}

	/**
	 * Arguments of POST /saved-replies/{id}/render.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function render_args(): array {
		return array(
			'ticket_id' => array(
				'description' => __( 'The ticket whose customer and order fill the variables.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function prepare( SavedReply $reply ): array {
		return array(
			'id'      => $reply->id,
			'title'   => $reply->title,
			'body'    => $reply->body,
			'updated' => TicketSchema::date( $reply->updated_at ),
		);
	}
}
