<?php
/**
 * Notifications: the outbox and the notifier that fills it when tickets and returns change, sent
 * through WooCommerce's emails when it is active, else wp_mail().
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Notifications;

use Aftercare\Cli\Output;
use Aftercare\Feedback\FeedbackModule;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Mail\ReplyAddress;
use Aftercare\Notifications\Cli\OutboxCommand;
use Aftercare\Orders\OrdersModule;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Tickets\TicketsModule;

final class NotificationsModule extends Module {

	public readonly Outbox $outbox;
	public readonly Notifier $notifier;
	public readonly MailHeaders $headers;

	/** The support address, its per-ticket reply addresses and the inbound secret (the Mail module reads mail with them). */
	public readonly ReplyAddress $reply;

	/** The log of received mail (built by the Tickets module): outgoing mail threads under it. */
	public readonly ReceivedMailRepository $received;

	public function __construct( InfrastructureModule $shared, OrdersModule $orders, TicketsModule $tickets, ReturnsModule $returns, FeedbackModule $feedback ) {
		$template       = new EmailTemplate();
		$this->outbox   = new Outbox( $shared->wpdb, $shared->clock );
		$this->reply    = new ReplyAddress( $shared->settings );
		$this->received = $tickets->received_mail;
		$this->headers  = new MailHeaders( $this->outbox, $this->received, $this->reply, $tickets->repository );
		$this->notifier = new Notifier(
			$this->outbox,
			class_exists( 'WooCommerce' ) ? new WooCommerceMailer( $template ) : new WpMailer( $template ),
			$tickets->repository,
			$tickets->messages,
			$shared->tokens,
			$tickets->links,
			$shared->settings,
			$shared->clock,
			new ReturnMails( $returns->repository, $returns->access, $returns->policy, $shared->tokens, $orders->source, $feedback->service ),
			$this->headers,
			$feedback->service,
			$tickets->ratings,
			$tickets->sla
		);
	}

	public function services(): array {
		return array( $this->notifier, $this->headers );
	}

	public function commands( Output $output ): array {
		return array( 'aftercare outbox' => new OutboxCommand( $output, $this->outbox, $this->notifier ) );
	}

	public function tables(): array {
		return array( $this->outbox );
	}
}
