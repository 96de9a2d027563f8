<?php
/**
 * Tickets: their storage, SLA clock and access, the service that changes them, the agents' REST
 * resources, and the shopper side (contact block, guest threads, My Account → Support).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Cli\Output;
use Aftercare\Feedback\RatingRepository;
use Aftercare\HelpCenter\HelpCenterModule;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Orders\OrdersModule;
use Aftercare\Tickets\Cli\TicketsCommand;
use Aftercare\Tickets\Rest\AttachmentSchema;
use Aftercare\Tickets\Rest\AttachmentsController;
use Aftercare\Tickets\Rest\EventSchema;
use Aftercare\Tickets\Rest\EventsController;
use Aftercare\Tickets\Rest\MessageSchema;
use Aftercare\Tickets\Rest\MessageThread;
use Aftercare\Tickets\Rest\MessagesController;
use Aftercare\Tickets\Rest\SavedRepliesController;
use Aftercare\Tickets\Rest\SavedReplySchema;
use Aftercare\Tickets\Rest\TicketContextController;
use Aftercare\Tickets\Rest\TicketCountsController;
use Aftercare\Tickets\Rest\TicketPresenceController;
use Aftercare\Tickets\Rest\TicketQuery;
use Aftercare\Tickets\Rest\TicketSchema;
use Aftercare\Tickets\Rest\TicketsController;
use Aftercare\Tickets\Storefront\ContactBlock;
use Aftercare\Tickets\Storefront\CustomerThreads;
use Aftercare\Tickets\Storefront\SupportEndpoint;

final class TicketsModule extends Module {

	public readonly TicketRepository $repository;
	/** The queue's counts, kept current by the repository's writes. */
	public readonly TicketCounts $counts;
	public readonly MessageRepository $messages;
	public readonly EventLog $events;
	/** Customers' answers: built here because the ticket resource shows them; the Feedback module owns and installs the table. */
	public readonly RatingRepository $ratings;
	public readonly AttachmentStore $attachments;
	public readonly Links $links;
	/** The one service that changes tickets. */
	public readonly TicketService $service;
	/** A ticket's thread and a return's (its ticket's) share one message resource over REST. */
	public readonly MessageThread $thread;
	public readonly AttachmentSchema $file_schema;
	/**
	 * The log of received mail: built here because the thread shows which messages came by email
	 * (and outgoing mail threads under it); the Mail module owns and installs it.
	 */
	public readonly ReceivedMailRepository $received_mail;
	/** The shopper's view of their threads, for every storefront page. */
	public readonly CustomerThreads $threads;
	/** The SLA clock: due times in business hours (the reports measure by them), states, the warning window. */
	public readonly Sla $sla;
	/** How many open tickets are at risk or breached (menu bubble, admin bar, counts). */
	public readonly AtRiskCount $at_risk;

	private readonly TicketTerms $terms;
	private readonly TagRepository $tags;
	private readonly SavedReplyRepository $saved_replies;
	private readonly Presence $presence;
	private readonly TicketAccess $access;
	private readonly SlaAlerts $alerts;
	private readonly AttachmentLinks $file_links;

	public function __construct( private InfrastructureModule $shared, HelpCenterModule $help, private OrdersModule $orders ) {
		$wpdb                = $shared->wpdb;
		$clock               = $shared->clock;
		$this->tags          = new TagRepository( $wpdb );
		$this->messages      = new MessageRepository( $wpdb );
		$this->received_mail = new ReceivedMailRepository( $wpdb, $clock );
		$this->terms         = new TicketTerms( $wpdb, $help->tokenizer );
		$this->counts        = new TicketCounts( $wpdb, $shared->transaction );
		$this->repository    = new TicketRepository( $wpdb, $this->tags, $this->terms, $this->messages, $this->counts );
		$this->events        = new EventLog( $wpdb, $clock );
		$this->ratings       = new RatingRepository( $wpdb, $clock );
		$this->attachments   = new AttachmentStore( $wpdb, $shared->settings, $clock, $shared->limiter, $shared->client );
		$this->saved_replies = new SavedReplyRepository( $wpdb, $clock );
		$this->presence      = new Presence( $wpdb, $clock );
		$this->access        = new TicketAccess( $this->repository, $shared->tokens, $clock );
		$this->links         = new Links( $shared->settings );
		$this->sla           = new Sla( $shared->settings, $clock );
		$this->service       = new TicketService(
			$this->repository,
			$this->messages,
			$this->events,
			$this->attachments,
			$shared->tokens,
			$this->sla,
			$shared->transaction,
			$clock,
			$orders->source,
			$orders->lookup
		);
		$this->alerts        = new SlaAlerts( $wpdb, $this->repository, $clock );
		$this->at_risk       = new AtRiskCount( $this->repository, $this->sla, $clock );
		$this->file_links    = new AttachmentLinks( $clock );
		$this->file_schema   = new AttachmentSchema( $this->file_links );
		$this->thread        = new MessageThread(
			$this->messages,
			$this->attachments,
			$shared->limiter,
			new MessageSchema( $this->file_schema ),
			$shared->client,
			$this->received_mail
		);
		$this->threads       = new CustomerThreads( $shared->settings );
	}

	public function services(): array {
		$shared = $this->shared;
		$orders = $this->orders->source;
		return array(
			new TicketsController(
				$this->service,
				$this->repository,
				$this->access,
				$this->links,
				$shared->limiter,
				new TicketSchema( $this->sla, $this->ratings ),
				new TicketQuery(),
				$shared->client,
				$this->sla
			),
			new TicketCountsController( $this->counts, $this->at_risk ),
			new MessagesController( $this->service, $this->access, $this->thread ),
			new EventsController( $this->events, new EventSchema() ),
			new AttachmentsController( $this->attachments, $this->messages, $this->access, $this->file_schema, $this->file_links ),
			new SavedRepliesController( $this->saved_replies, new SavedReplyRenderer( $orders ), $this->service, new SavedReplySchema() ),
			new TicketContextController( new CustomerContext( $this->repository, $orders ), $this->service ),
			new TicketPresenceController( $this->presence, $this->service ),
			$this->access,
			new SlaMonitor( $this->repository, $this->alerts, $this->service, $this->events, $this->sla, $this->at_risk, $shared->transaction, $shared->clock ),
			$this->at_risk,
			new SlaRecompute( $this->repository, $this->sla, $shared->settings, $shared->clock ),
			new ContactBlock( $this->threads, $this->links, $shared->tokens, $orders ),
			new SupportEndpoint( $this->threads, $this->links ),
			new AttachmentsHealth( $this->attachments ),
			new OrderTimelineEvents( $this->repository, $this->messages, $this->events, $this->links ),
		);
	}

	public function commands( Output $output ): array {
		return array( 'aftercare tickets' => new TicketsCommand( $output, $this->counts ) );
	}

	public function tables(): array {
		return array(
			$this->repository,
			$this->counts,
			$this->terms,
			$this->tags,
			$this->messages,
			$this->events,
			$this->attachments,
			$this->saved_replies,
			$this->presence,
			$this->alerts,
		);
	}

	public function migrations(): array {
		return array(
			'ticket_terms_index'    => array( $this->repository, 'reindex_batch' ),
			'ticket_search_text'    => array( $this->repository, 'drop_search_text' ),
			'ticket_email_verified' => array( $this->repository, 'backfill_email_verified' ),
			'ticket_counts'         => array( $this->counts, 'rebuild' ),
			'sla_alerts_adopt'      => array( $this->alerts, 'adopt_reported_breaches' ),
		);
	}
}
