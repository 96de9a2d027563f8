<?php
/**
 * Privacy: WordPress's personal-data export and erasure, and the retention sweep, across every
 * domain's tables.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Privacy;

use Aftercare\HelpCenter\HelpCenterModule;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\MailModule;
use Aftercare\Notifications\NotificationsModule;
use Aftercare\Orders\OrdersModule;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Tickets\TicketsModule;

final class PrivacyModule extends Module {

	public function __construct(
		private InfrastructureModule $shared,
		private HelpCenterModule $help,
		private OrdersModule $orders,
		private TicketsModule $tickets,
		private ReturnsModule $returns,
		private NotificationsModule $notifications,
		private MailModule $mail
	) {}

	public function services(): array {
		$shared  = $this->shared;
		$help    = $this->help;
		$tickets = $this->tickets;
		return array(
			new PersonalData(
				$tickets->repository,
				$tickets->messages,
				$tickets->attachments,
				$tickets->events,
				$shared->tokens,
				$this->notifications->outbox,
				$this->mail->received,
				$this->returns->repository,
				$help->search_log,
				$help->votes,
				$help->deflection,
				$this->orders->source,
				$tickets->ratings
			),
			new Retention(
				$shared->settings,
				$tickets->repository,
				$this->returns->repository,
				$tickets->attachments,
				$this->notifications->outbox,
				$this->notifications->notifier,
				$shared->clock,
				$help->search_log,
				$help->votes,
				$help->deflection,
				$this->mail->received
			),
		);
	}
}
