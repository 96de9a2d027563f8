<?php
/**
 * Customer feedback by mail: the CSAT question of a solved ticket's mail and the CES question of
 * a settled return's, and recording the answers their signed links bring back. One answer per
 * ticket or return, changed in place while its link is valid (7 days after solving or settling);
 * each new or changed answer is a timeline event, and a bad CSAT answer may reopen the ticket
 * (setting `csat_bad_reopen`). `aftercare_ticket_rated( Ticket, Rating, ?Rating $before )` and
 * `aftercare_return_rated( ReturnRequest, Rating, ?Rating $before )` fire after commit.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnRequest;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Status;
use Aftercare\Tickets\Ticket;
use Aftercare\Tickets\TicketRepository;
use Aftercare\Tickets\TicketService;

final class FeedbackService {

	public function __construct(
		private RatingRepository $ratings,
		private SurveyLinks $links,
		private TicketRepository $tickets,
		private TicketService $ticket_service,
		private ReturnRepository $returns,
		private EventLog $events,
		private Settings $settings,
		private Transaction $transaction,
		private Clock $clock
	) {}

	/**
	 * @return array<string, array<string, mixed>> The settings fields of what follows a bad rating.
	 */
	public static function setting_fields(): array {
		return array(
			'csat_bad_reopen' => array(
				'description' => __( 'Reopen a solved ticket when its customer rates it Bad, so it is back in the queue.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
				'x-aftercare' => Settings::ui( 'tickets', __( 'Reopen a ticket rated Bad', 'aftercare' ) ),
			),
			'csat_bad_alert'  => array(
				'description' => __( 'Email the notification address (or the site admin email) when a customer rates a ticket Bad, with their comment.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => true,
				'x-aftercare' => Settings::ui( 'tickets', __( 'Alert on a Bad rating', 'aftercare' ) ),
			),
		);
	}

	/**
	 * "How did we do?" for the solved ticket's mail; its links work for 7 days from the solve.
	 */
	public function ticket_question( Ticket $ticket ): Question {
		return $this->question( Survey::Satisfaction, $ticket->id, $ticket->customer_email, $ticket->solved_at );
	}

	/**
	 * "How easy was it to return your item?" for the settled return's mail; 7 days from settling.
	 */
	public function return_question( ReturnRequest $return ): Question {
		return $this->question( Survey::Effort, $return->id, $return->customer_email, $return->updated_at );
	}

	/**
	 * The other answers' links of a valid link, for the page ("changed your mind?").
	 *
	 * @return array<int, array{0: string, 1: string}> Label and URL of every answer, in order.
	 */
	public function answers( SurveyLink $link, string $email ): array {
		return $this->question( $link->survey, $link->object_id, $email, $link->expires - Survey::WINDOW )->answers;
	}

	/**
	 * Checks a link without recording anything: it must be well formed, signed by this store for
	 * the object's current customer, and unexpired. Forged, altered and unknown links fail alike.
	 *
	 * @return array{link: SurveyLink, number: string, email: string, rating: ?Rating}
	 */
	public function open( string $token ): array {
		$link   = $this->links->parse( $token );
		$object = $link ? $this->subject( $link ) : null;
		if ( ! $link || ! $object || ! $this->links->verify( $link, $object['email'] ) ) {
			throw DomainError::forbidden( 'invalid_link', __( 'This link is not valid. Please use the link in your email exactly as it is.', 'aftercare' ) );
		}
		if ( $link->expires <= $this->clock->now() ) {
			throw DomainError::gone(
				'link_expired',
				Survey::Satisfaction === $link->survey
					? __( 'This link has expired: a request can be rated, or its rating changed, for 7 days after it was solved.', 'aftercare' )
					: __( 'This link has expired: a return can be rated, or its rating changed, for 7 days after it was settled.', 'aftercare' )
			);
		}
		return array(
			'link'   => $link,
			'number' => $object['number'],
			'email'  => $object['email'],
			'rating' => $this->ratings->find( $link->survey, $link->object_id ),
		);
	}

	/**
	 * Records the answer a link carries, with an optional comment (null keeps the comment given
	 * before). The same answer again changes nothing; another answer replaces the first.
	 *
	 * @return array{rating: Rating, changed: bool}
	 */
	public function answer( string $token, ?string $comment ): array {
		$comment = null === $comment ? null : trim( sanitize_textarea_field( $comment ) );
		if ( null !== $comment && mb_strlen( $comment ) > RatingRepository::MAX_COMMENT ) {
			throw DomainError::invalid(
				'comment_too_long',
				/* translators: %d: maximum number of characters. */
				sprintf( __( 'Please keep the comment under %d characters.', 'aftercare' ), RatingRepository::MAX_COMMENT ),
				array( 'params' => array( 'comment' ) )
			);
		}
		$opened = $this->open( $token );
		$link   = $opened['link'];
		$before = $opened['rating'];
		if ( $before && $before->score === $link->score && ( null === $comment || $comment === $before->comment ) ) {
			return array(
				'rating'  => $before,
				'changed' => false,
			);
		}
		return $this->transaction->run(
			function () use ( $link, $comment ): array {
				// Read again inside the unit of work: two clicks at once record one change each, in order.
				$before = $this->ratings->find( $link->survey, $link->object_id );
				$rating = $this->ratings->save( $link->survey, $link->object_id, $link->score, $comment );
				$object = Survey::Satisfaction === $link->survey ? $this->tickets->find( $link->object_id ) : $this->returns->find( $link->object_id );
				$actor  = $object ? $object->customer_id : 0;
				$this->events->record(
					$link->survey->object_type(),
					$link->object_id,
					Survey::Satisfaction === $link->survey ? 'rating' : 'effort',
					$actor,
					array(
						'from'    => $before?->score,
						'to'      => $rating->score,
						'comment' => $rating->comment,
					)
				);
				if ( $object instanceof Ticket ) {
					if ( $rating->is_bad() && ! $before?->is_bad() && Status::Solved === $object->status && $this->settings->get( 'csat_bad_reopen' ) ) {
						$object = $this->ticket_service->reopen( $object->id, $actor );
					}
					$this->transaction->after_commit( static fn() => do_action( 'aftercare_ticket_rated', $object, $rating, $before ) );
				} elseif ( $object instanceof ReturnRequest ) {
					$this->transaction->after_commit( static fn() => do_action( 'aftercare_return_rated', $object, $rating, $before ) );
				}
				return array(
					'rating'  => $rating,
					'changed' => true,
				);
			}
		);
	}

	private function question( Survey $survey, int $object_id, string $email, int $since ): Question {
		$expires = $since + Survey::WINDOW;
		return new Question(
			$survey->question(),
			array_map(
				fn( int $score ): array => array( $survey->label( $score ), $this->links->url( $this->links->sign( $survey, $object_id, $score, $expires, $email ) ) ),
				$survey->scores()
			)
		);
	}

	/**
	 * The ticket or return a link names: its public number and its customer's address.
	 *
	 * @return array{number: string, email: string}|null
	 */
	private function subject( SurveyLink $link ): ?array {
		if ( Survey::Satisfaction === $link->survey ) {
			$ticket = $this->tickets->find( $link->object_id );
			return $ticket ? array( 'number' => '#' . $ticket->number, 'email' => $ticket->customer_email ) : null;
		}
		$return = $this->returns->find( $link->object_id );
		return $return ? array( 'number' => $return->public_number(), 'email' => $return->customer_email ) : null;
	}
}
