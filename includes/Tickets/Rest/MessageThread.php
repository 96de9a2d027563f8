<?php
/**
 * What a ticket's thread (`tickets/{id}/messages`) and a return's thread (`returns/{id}/messages`,
 * which is its ticket's thread) share over REST: the route's shape, the list as the reader may
 * see it, the 201 answer with the new message and its files, and the shoppers' reply limits.
 * Each controller keeps what differs: who may read and write, and how a message is added.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

use Aftercare\Http\ClientAddress;
use Aftercare\Http\GuestToken;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Message;
use Aftercare\Tickets\MessageBody;
use Aftercare\Tickets\MessageRepository;

final class MessageThread {

	/** Customers and guests: replies per thread and per IP address, per hour. */
	public const REPLY_LIMITS = array(
		'thread' => 30,
		'ip'     => 60,
	);

	public function __construct(
		private MessageRepository $messages,
		private AttachmentStore $attachments,
		private RateLimiter $limiter,
		private MessageSchema $resource,
		private ClientAddress $client,
		private ReceivedMailRepository $received
	) {}

	/**
	 * The route: GET the thread, POST a message (`body`, multipart `attachments[]`, and $post_args).
	 *
	 * @param string                       $id_arg      The path's id parameter.
	 * @param string                       $id_label    Its description.
	 * @param array<string, callable>      $callbacks   list, list_permission, create, create_permission, schema.
	 * @param array<string, array<string, mixed>> $post_args Further POST arguments.
	 * @return array<int|string, mixed> Arguments for register_rest_route().
	 */
	public function route( string $id_arg, string $id_label, array $callbacks, array $post_args = array() ): array {
		return array(
			'args'   => array(
				$id_arg => array(
					'description' => $id_label,
					'type'        => 'integer',
				),
				'token' => GuestToken::arg(),
			),
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => $callbacks['list'],
				'permission_callback' => $callbacks['list_permission'],
			),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => $callbacks['create'],
				'permission_callback' => $callbacks['create_permission'],
				'args'                => array(
					'body' => array(
						'description' => __( 'The message (plain text or simple HTML).', 'aftercare' ),
						'type'        => 'string',
						'required'    => true,
						'maxLength'   => MessageBody::MAX_LENGTH,
					),
				) + $post_args,
			),
			'schema' => $callbacks['schema'],
		);
	}

	/**
	 * @return array<string, mixed> The message resource's schema (both routes serve it).
	 */
	public function item_schema(): array {
		return $this->resource->item_schema();
	}

	/**
	 * The thread's messages with their files (signed links for this viewer); for agents, also
	 * internal notes and how each message came by email.
	 *
	 * @param bool $agent Whether the reader is an agent.
	 * @return array<int, array<string, mixed>>
	 */
	public function list( int $ticket_id, bool $agent ): array {
		$messages = $this->messages->for_ticket( $ticket_id, $agent );
		$ids      = array_map( static fn( Message $m ): int => $m->id, $messages );
		$files    = $this->attachments->for_messages( $ids );
		$mails    = $agent ? $this->received->of_messages( $ids ) : null;
		return array_map(
			fn( Message $m ): array => $this->resource->prepare( $m, $files[ $m->id ] ?? array(), null === $mails ? false : ( $mails[ $m->id ] ?? null ) ),
			$messages
		);
	}

	/**
	 * 201 with the new message as its author sees it (a token's holder: file links with the token).
	 */
	public function created( Message $message ): \WP_REST_Response {
		$files    = $this->attachments->for_messages( array( $message->id ) )[ $message->id ] ?? array();
		$response = rest_ensure_response( $this->resource->prepare( $message, $files ) );
		$response->set_status( 201 );
		return $response;
	}

	/**
	 * Counts a shopper's reply against the thread's and the address's hourly limits.
	 *
	 * @param string $scope `ticket` or `return` (each thread kind counts on its own).
	 */
	public function throttle( string $scope, int $id ): void {
		$retry = max(
			$this->limiter->hit( $scope . '_reply', (string) $id, self::REPLY_LIMITS['thread'], HOUR_IN_SECONDS ),
			$this->limiter->hit( $scope . '_reply_ip', $this->client->key(), self::REPLY_LIMITS['ip'], HOUR_IN_SECONDS )
		);
		if ( $retry ) {
			throw DomainError::throttled( __( 'Too many requests. Please wait a little and try again.', 'aftercare' ), $retry );
		}
	}
}
