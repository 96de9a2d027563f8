<?php
/**
 * The shopper's side of tickets without JavaScript: opening one, reading its public thread and
 * replying, all through the same REST routes the block's script calls (InternalRequest).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Storefront;

use Aftercare\Http\InternalRequest;
use Aftercare\Settings\Settings;
use Aftercare\Storefront\DynamicBlock;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Status;

final class CustomerThreads {

	public function __construct( private Settings $settings ) {}

	/**
	 * POST /tickets.
	 *
	 * @param array<string, scalar> $params Form fields.
	 * @param array<string, mixed>  $files  Uploads as in $_FILES (`attachments[]`).
	 * @return array{status: int, data: array<string, mixed>} The REST answer.
	 */
	public function create( array $params, array $files ): array {
		return InternalRequest::dispatch( 'POST', '/aftercare/v1/tickets', $params, $files );
	}

	/**
	 * The ticket and its public messages, or null when this visitor may not see it.
	 *
	 * @return array{ticket: array<string, mixed>, messages: array<int, array<string, mixed>>}|null
	 */
	public function load( int $ticket_id, string $token ): ?array {
		$query  = '' === $token ? array() : array( 'token' => $token );
		$ticket = InternalRequest::dispatch( 'GET', '/aftercare/v1/tickets/' . $ticket_id, $query );
		if ( 200 !== $ticket['status'] ) {
			return null;
		}
		$messages = InternalRequest::dispatch( 'GET', '/aftercare/v1/tickets/' . $ticket_id . '/messages', $query + array( 'per_page' => 100 ) );
		if ( 200 !== $messages['status'] ) {
			return null;
		}
		// Belt and braces: a customer's thread never shows a note, whatever the API answered.
		$public = array_values( array_filter( $messages['data'], static fn( $message ): bool => is_array( $message ) && 'reply' === ( $message['type'] ?? '' ) ) );
		return array(
			'ticket'   => $ticket['data'],
			'messages' => $public,
		);
	}

	/**
	 * POST /tickets/{id}/messages as a reply.
	 *
	 * @param array<string, mixed> $files Uploads as in $_FILES (`attachments[]`).
	 * @return string '' when the reply was saved, else why not (for the person).
	 */
	public function reply( int $ticket_id, string $token, string $message, array $files ): string {
		$params = array(
			'type' => 'reply',
			'body' => $message,
		);
		if ( '' !== $token ) {
			$params['token'] = $token;
		}
		$answer = InternalRequest::dispatch( 'POST', '/aftercare/v1/tickets/' . $ticket_id . '/messages', $params, $files );
		return $answer['status'] < 300 ? '' : InternalRequest::error_message( $answer );
	}

	/**
	 * The thread's HTML (thread.php beside this class).
	 *
	 * @param array{ticket: array<string, mixed>, messages: array<int, array<string, mixed>>} $thread From load().
	 * @param array<string, string> $form   Reply form: `action` URL and `hidden` fields.
	 * @param string                $notice A confirmation to show first.
	 * @param string                $link   The signed link to show a guest.
	 * @param string                $error  Why the last reply was refused.
	 */
	public function render( array $thread, array $form, string $notice = '', string $link = '', string $error = '' ): string {
		$status           = Status::tryFrom( (string) ( $thread['ticket']['status'] ?? '' ) );
		$aftercare_thread = array(
			'ticket'     => $thread['ticket'],
			'messages'   => $thread['messages'],
			'status'     => $status ? $status->label() : '',
			'notice'     => $notice,
			'link'       => $link,
			'error'      => $error,
			'action'     => $form['action'],
			'hidden'     => $form['hidden'],
			'can_reply'  => Status::Closed !== $status,
			'accept'     => $this->accept(),
			'files_hint' => $this->files_hint(),
		);
		return DynamicBlock::render_template( __DIR__ . '/thread.php', array( 'aftercare_thread' => $aftercare_thread ) );
	}

	/**
	 * The file input's `accept`: the extensions the store allows, of these types only if given.
	 *
	 * @param string[] $only Types to keep (the returns form's photos: images).
	 */
	public function accept( array $only = array() ): string {
		return AttachmentStore::accept_attribute( $this->types( $only ) );
	}

	/**
	 * @param string[] $only Types to keep; all when empty.
	 * @return array<string, string[]>
	 */
	public function types( array $only = array() ): array {
		$allowed = AttachmentStore::allowed( $this->settings );
		return $only ? array_intersect_key( $allowed, array_flip( $only ) ) : $allowed;
	}

	public function max_bytes(): int {
		return (int) $this->settings->get( 'attachment_max_size_mb' ) * MB_IN_BYTES;
	}

	public function files_hint(): string {
		return sprintf(
			/* translators: 1: number of files, 2: size limit such as "10 MB", 3: limit of all files, 4: file types such as "JPEG, PNG and PDF". */
			__( 'Up to %1$d files of %2$s each, %3$s in all: %4$s.', 'aftercare' ),
			AttachmentStore::MAX_FILES,
			size_format( $this->max_bytes() ),
			size_format( (int) $this->settings->get( 'attachment_max_message_mb' ) * MB_IN_BYTES ),
			AttachmentStore::describe( $this->types() )
		);
	}

}
