<?php
/**
 * Mail in: the log of received mail, the inbox every way in hands messages to, and the webhooks.
 * The support address and its secrets are built by the Notifications module (outgoing mail is
 * signed with them), the log by the Tickets module (the thread shows which messages came by
 * email); this module owns the table, and the agents' routes: the log, the mail status, the
 * secret's rotation and a message's quoted text.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Cli\Output;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\Cli\ReceivedMailCommand;
use Aftercare\Mail\Rest\InboundMailController;
use Aftercare\Mail\Rest\MailSecretController;
use Aftercare\Mail\Rest\MailStatusController;
use Aftercare\Mail\Rest\QuotedTextController;
use Aftercare\Mail\Rest\ReceivedMailController;
use Aftercare\Mail\Rest\ReceivedMailSchema;
use Aftercare\Notifications\NotificationsModule;
use Aftercare\Tickets\TicketsModule;

final class MailModule extends Module {

	public readonly ReceivedMailRepository $received;
	public readonly Inbox $inbox;

	public function __construct( private InfrastructureModule $shared, private TicketsModule $tickets, private NotificationsModule $notifications ) {
		$this->received = $notifications->received;
		$this->inbox    = new Inbox(
			$this->received,
			$notifications->reply,
			$notifications->outbox,
			$tickets->repository,
			$tickets->messages,
			$tickets->service,
			$tickets->attachments,
			$shared->limiter,
			$shared->transaction
		);
	}

	public function services(): array {
		return array(
			new InboundMailController( $this->inbox, $this->notifications->reply ),
			new ReceivedMailController( $this->received, $this->inbox, new ReceivedMailSchema() ),
			new MailStatusController( $this->notifications->reply, $this->shared->settings, $this->received ),
			new MailSecretController( $this->notifications->reply ),
			new QuotedTextController( $this->received, $this->tickets->messages ),
			new MailboxPoller( $this->shared->settings, $this->inbox, $this->shared->lock ),
		);
	}

	public function commands( Output $output ): array {
		return array( 'aftercare received-mail' => new ReceivedMailCommand( $output, $this->received, $this->inbox ) );
	}

	public function tables(): array {
		return array( $this->received );
	}
}
