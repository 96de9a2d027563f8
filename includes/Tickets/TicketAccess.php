<?php
/**
 * Who may see and answer a ticket: agents every ticket, a signed-in customer their own, a guest
 * only with the ticket's access token. Resolves the per-object meta capabilities
 * `read_aftercare_ticket` and `reply_aftercare_ticket` (with the ticket id) in map_meta_cap.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Http\GuestToken;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Registrable;

final class TicketAccess implements Registrable {

	public function __construct( private TicketRepository $tickets, private AccessTokens $tokens, private Clock $clock ) {}

	public function register(): void {
		add_filter( 'map_meta_cap', array( $this, 'map_meta_cap' ), 10, 4 );
		add_action( 'aftercare_mailed_link_opened', array( $this, 'confirm_email' ), 10, 2 );
	}

	/**
	 * A guest opened a link that was only mailed to the ticket's address (a ticket's or its
	 * return's): the email is theirs. The link shown on the page after sending does not count.
	 */
	public function confirm_email( string $object_type, int $object_id ): void {
		if ( 'ticket' === $object_type ) {
			$this->tickets->confirm_email( $object_id, $this->clock->now() );
		}
	}

	/**
	 * @param string[]     $caps    Primitive capabilities required.
	 * @param string       $cap     Capability checked.
	 * @param int          $user_id User.
	 * @param array<mixed> $args    The ticket id first.
	 * @return string[]
	 */
	public function map_meta_cap( $caps, $cap, $user_id, $args ): array {
		if ( 'read_aftercare_ticket' !== $cap && 'reply_aftercare_ticket' !== $cap ) {
			return (array) $caps;
		}
		// A missing ticket needs the agent capability, so agents learn it is gone and nobody else does.
		$ticket = $this->tickets->find( (int) ( $args[0] ?? 0 ) );
		if ( $ticket && $user_id && $ticket->customer_id === (int) $user_id ) {
			return array( 'read' );
		}
		return array( 'read_aftercare_ticket' === $cap ? 'read_aftercare_tickets' : 'edit_aftercare_tickets' );
	}

	/**
	 * Whether the current visitor may read (or, with $reply, answer) the ticket: by capability, or
	 * as a guest with a valid token. A reply that carries a token is the token holder's (see
	 * author()), so only the token counts for it, never who is signed in.
	 */
	public function allows( int $ticket_id, string $token, bool $reply = false ): bool {
		if ( ! ( $reply && '' !== $token ) && current_user_can( $reply ? 'reply_aftercare_ticket' : 'read_aftercare_ticket', $ticket_id ) ) {
			return true;
		}
		return '' !== $token && $this->tokens->verify( 'ticket', $ticket_id, $token );
	}

	/**
	 * Who writes a message: the guest holding the token (0) when the request carries one, else
	 * the signed-in user. A page that forwards a token on a signed-in person's behalf can then
	 * never make them the author.
	 */
	public static function author( \WP_REST_Request $request ): int {
		return '' !== GuestToken::from( $request ) ? 0 : get_current_user_id();
	}
}
