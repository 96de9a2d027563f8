<?php
/**
 * Feedback: the CSAT question after a solved ticket and the CES question after a settled return,
 * their signed links, the page they open, the answers (stored in the table the Tickets module
 * built, as the ticket resource shows them) and their REST routes.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

use Aftercare\Feedback\Rest\RatingsController;
use Aftercare\Feedback\Rest\RatingSummaryController;
use Aftercare\Feedback\Storefront\SurveyPage;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Tickets\TicketsModule;

final class FeedbackModule extends Module {

	public readonly SurveyLinks $links;
	public readonly FeedbackService $service;

	public function __construct( private InfrastructureModule $shared, private TicketsModule $tickets, ReturnsModule $returns ) {
		$this->links   = new SurveyLinks();
		$this->service = new FeedbackService(
			$tickets->ratings,
			$this->links,
			$tickets->repository,
			$tickets->service,
			$returns->repository,
			$tickets->events,
			$shared->settings,
			$shared->transaction,
			$shared->clock
		);
	}

	public function services(): array {
		return array(
			new RatingsController( $this->service, $this->shared->limiter, $this->shared->client ),
			new RatingSummaryController( $this->tickets->ratings, $this->shared->clock ),
			new SurveyPage( $this->service, $this->links ),
		);
	}

	public function tables(): array {
		return array( $this->tickets->ratings );
	}
}
