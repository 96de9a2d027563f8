<?php
/**
 * Returns: requests and their lines (the conversation is a ticket thread), the policy and the
 * service that changes them (null without an order source), their REST resources, and the shopper
 * side (the portal block, its status page, My Account → Returns).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns;

use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Orders\OrdersModule;
use Aftercare\Returns\Rest\PolicySimulationController;
use Aftercare\Returns\Rest\ReturnCheckController;
use Aftercare\Returns\Rest\ReturnCountsController;
use Aftercare\Returns\Rest\ReturnEligibilityController;
use Aftercare\Returns\Rest\ReturnEligibilitySchema;
use Aftercare\Returns\Rest\ReturnMessagesController;
use Aftercare\Returns\Rest\ReturnSchema;
use Aftercare\Returns\Rest\ReturnsController;
use Aftercare\Returns\Storefront\ReturnReply;
use Aftercare\Returns\Storefront\ReturnStatusPage;
use Aftercare\Returns\Storefront\ReturnWizard;
use Aftercare\Returns\Storefront\ReturnsBlock;
use Aftercare\Returns\Storefront\ReturnsEndpoint;
use Aftercare\Settings\Rest\SettingsSchema;
use Aftercare\Tickets\OrderPriority;
use Aftercare\Tickets\TicketsModule;

final class ReturnsModule extends Module {

	public readonly ReturnRepository $repository;
	public readonly ReturnAccess $access;
	public readonly Policy $policy;
	/** Null without an order source. */
	public readonly ?ReturnService $service;
	/** Null without an order source. */
	public readonly ?PolicySimulator $simulator;

	private readonly ReturnItemRepository $items;

	public function __construct( private InfrastructureModule $shared, private OrdersModule $orders, private TicketsModule $tickets ) {
		$this->items      = new ReturnItemRepository( $shared->wpdb );
		$this->repository = new ReturnRepository( $shared->wpdb, $this->items );
		$this->access     = new ReturnAccess( $this->repository, $shared->tokens, $shared->settings );
		$this->policy     = new Policy( $shared->settings );
		$eligibility      = new Eligibility( $this->policy, $this->items, $shared->clock );
		$this->simulator  = $orders->source ? new PolicySimulator( $orders->source, $eligibility, $this->policy, $this->items ) : null;
		$this->service    = $orders->source ? new ReturnService(
			$this->repository,
			$eligibility,
			$this->policy,
			$tickets->service,
			$tickets->events,
			$shared->transaction,
			$orders->lock,
			$shared->clock,
			$orders->source
		) : null;
	}

	public function services(): array {
		$shared  = $this->shared;
		$tickets = $this->tickets;
		$lookup  = $this->orders->lookup;
		$page    = new ReturnStatusPage( $this->service, $tickets->threads );
		return array(
			new ReturnsController(
				$this->service,
				$lookup,
				$this->repository,
				$this->access,
				$tickets->messages,
				$tickets->attachments,
				$shared->limiter,
				new ReturnSchema( $this->policy, $tickets->file_schema, $tickets->ratings ),
				$shared->client
			),
			new ReturnCheckController( $this->service, $lookup ),
			new ReturnCountsController( $this->repository ),
			new ReturnEligibilityController( $this->service, $lookup, new ReturnEligibilitySchema( $this->policy ) ),
			new PolicySimulationController( $this->simulator, new SettingsSchema( $shared->settings ), $shared->clock ),
			new ReturnMessagesController( $this->service, $this->access, $tickets->thread ),
			$this->access,
			new ReturnOverrideFields(),
			new OpenReturns( $this->repository ),
			new ReturnReplyVariables( $this->repository, $this->policy, $this->service ),
			new OrderTimelineEvents( $this->repository, $tickets->events, $this->access ),
			new ReturnsBlock( $this->service, new ReturnWizard( $lookup ), new ReturnReply( $page ), $this->policy, $page, $tickets->threads ),
			new ReturnsEndpoint( $page, $shared->settings ),
			// The tickets' priority rules: built here because whether a return was refused is read from the returns.
			new OrderPriority( $tickets->repository, $tickets->service, $this->orders->source, $this->repository, $shared->settings, $shared->clock ),
		);
	}

	public function tables(): array {
		return array( $this->repository, $this->items );
	}
}
