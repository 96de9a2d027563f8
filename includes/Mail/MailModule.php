<?php
/**
 * Mail in: the log of received mail, the inbox every way in hands messages to, and the webhooks.
 * The support address, its secrets and the log itself are built by the Notifications module
 * (outgoing mail is signed with them and threads under received mail); this module owns the table.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\Rest\InboundMailController;
use Aftercare\Notifications\NotificationsModule;
use Aftercare\Tickets\TicketsModule;

final class MailModule extends Module {

	public readonly ReceivedMailRepository $received;
	public readonly Inbox $inbox;

	public function __construct( private InfrastructureModule $shared, TicketsModule $tickets, private NotificationsModule $notifications ) {
		$this->received = $notifications->received;
		$this->inbox    = new Inbox(
			$this->received,
			$notifications->reply,
			$notifications->outbox,
			$tickets->repository,
			$tickets->service,
			$tickets->attachments,
			$shared->limiter,
			$shared->transaction
		);
	}

	public function services(): array {
		return array(
			new InboundMailController( $this->inbox, $this->notifications->reply ),
			new MailboxPoller( $this->shared->settings, $this->inbox, $this->shared->lock ),
		);
	}

	public function tables(): array {
		return array( $this->received );
	}
}
