<?php
/**
 * The page a survey link opens (`/?aftercare_survey=<token>`), in the store's theme.
 *
 * Mail scanners and link previewers fetch every link of a mail, so opening the link records
 * nothing: the page shows the answer the link carries with a button that sends it (a POST of the
 * same signed link, no cookie nonce, so it works in any browser the mail opens in). Once it is
 * recorded the page thanks the customer and offers an optional comment; the other answers stay
 * one click away while the link is valid. A forged or altered link, and one past its 7 days, get a
 * page that says so and record nothing. The form posts to the public REST route
 * (`POST aftercare/v1/ratings`) inside the request, so its checks and limits have one home.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback\Storefront;

use Aftercare\Feedback\FeedbackService;
use Aftercare\Feedback\RatingRepository;
use Aftercare\Feedback\Survey;
use Aftercare\Feedback\SurveyLinks;
use Aftercare\Http\InternalRequest;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Storefront\DynamicBlock;

final class SurveyPage implements Registrable {

	/** The block that holds the page's content in the theme's template. */
	public const BLOCK = 'aftercare/survey';

	/** What was just done (after the redirect that follows a POST): `answered` or `commented`. */
	public const DONE_ARG = 'aftercare_done';

	/** The form's fields. */
	public const COMMENT_FIELD = 'aftercare_comment';
	public const SEND_FIELD    = 'aftercare_send';

	/** The page being shown in this request (the block prints it). */
	private string $html = '';

	public function __construct( private FeedbackService $feedback, private SurveyLinks $links ) {}

	public function register(): void {
		add_action( 'init', array( $this, 'register_block' ) );
		add_action( 'template_redirect', array( $this, 'route' ), 0 );
	}

	public function register_block(): void {
		register_block_type(
			self::BLOCK,
			array(
				'render_callback' => fn(): string => $this->html,
				'supports'        => array( 'inserter' => false ),
			)
		);
	}

	/**
	 * Answers a request for the survey page: records a posted answer and redirects (303) back to
	 * the page, or shows the page.
	 */
	public function route(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- The signed link is the credential, checked by FeedbackService.
		if ( ! isset( $_GET[ SurveyLinks::ARG ] ) ) {
			return;
		}
		$token = self::token();
		nocache_headers();
		// The address holds the link's signature: never pass it on, never index it.
		header( 'Referrer-Policy: no-referrer' );
		header( 'X-Robots-Tag: noindex, nofollow' );
		add_filter( 'wp_robots', 'wp_robots_no_robots' );

		$page = null;
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- See above: no cookie is trusted here.
		if ( 'POST' === ( $_SERVER['REQUEST_METHOD'] ?? '' ) && isset( $_POST[ self::SEND_FIELD ] ) ) {
			// phpcs:ignore WordPress.Security.NonceVerification.Missing,WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- Sanitized by the route.
			$comment = isset( $_POST[ self::COMMENT_FIELD ] ) ? (string) wp_unslash( $_POST[ self::COMMENT_FIELD ] ) : null;
			$result  = $this->submit( $token, $comment );
			if ( is_string( $result ) ) {
				wp_safe_redirect( $result, 303 );
				exit;
			}
			$page = $result;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		$done = isset( $_GET[ self::DONE_ARG ] ) ? sanitize_key( wp_unslash( (string) $_GET[ self::DONE_ARG ] ) ) : '';
		$page ??= $this->page( $token, $done );
		status_header( $page['status'] );
		$this->html = $page['html'];
		add_filter( 'document_title_parts', static fn( array $parts ): array => array( 'title' => $page['title'] ) + $parts );
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue_style' ) );
		add_filter( 'template_include', array( $this, 'template' ), PHP_INT_MAX );
	}

	/**
	 * Sends an answer (and comment) through the REST route.
	 *
	 * @param string|null $comment The comment field, null when the form had none.
	 * @return string|array{status: int, title: string, html: string} Where to go next, or the page that explains a refusal.
	 */
	public function submit( string $token, ?string $comment ): string|array {
		$params = array( 'token' => $token );
		if ( null !== $comment ) {
			$params['comment'] = $comment;
		}
		$answer = InternalRequest::dispatch( 'POST', '/aftercare/v1/ratings', $params );
		if ( 200 === $answer['status'] ) {
			return add_query_arg( self::DONE_ARG, null === $comment ? 'answered' : 'commented', $this->links->page( $token ) );
		}
		if ( 429 === $answer['status'] ) {
			return $this->refusal( 429, __( 'Please wait a moment', 'aftercare' ), InternalRequest::error_message( $answer ) );
		}
		// A refused link shows its own page; a refused comment shows the form again with the reason.
		return $this->page( $token, '', InternalRequest::error_message( $answer ), $answer['status'], null === $comment ? '' : $comment );
	}

	/**
	 * The page for a link, recording nothing.
	 *
	 * @param string $done    What was just done (`answered`, `commented`).
	 * @param string $error   Why the last post was refused.
	 * @param int    $status  The HTTP status of that refusal.
	 * @param string $comment The refused comment, to edit.
	 * @return array{status: int, title: string, html: string}
	 */
	public function page( string $token, string $done = '', string $error = '', int $status = 200, string $comment = '' ): array {
		try {
			$opened = $this->feedback->open( $token );
		} catch ( DomainError $refused ) {
			return $this->refusal(
				410 === $refused->status ? 410 : 403,
				410 === $refused->status ? __( 'This link has expired', 'aftercare' ) : __( 'This link does not work', 'aftercare' ),
				$refused->getMessage()
			);
		}
		$link     = $opened['link'];
		$rating   = $opened['rating'];
		$answered = $rating && $rating->score === $link->score;
		$others   = array_values(
			array_filter(
				$this->feedback->answers( $link, $opened['email'] ),
				static fn( array $answer ): bool => $answer[0] !== $link->survey->label( $link->score )
			)
		);
		$title    = $answered ? __( 'Thank you for your feedback', 'aftercare' ) : $link->survey->question();
		$notice   = match ( $done ) {
			'answered'  => __( 'Your answer is recorded.', 'aftercare' ),
			'commented' => __( 'Your comment is recorded.', 'aftercare' ),
			default     => '',
		};
		return array(
			'status' => $status,
			'title'  => $title,
			'html'   => DynamicBlock::render_template(
				__DIR__ . '/survey.php',
				array(
					'aftercare_survey' => array(
						'state'   => $answered ? 'answered' : 'confirm',
						'title'   => $title,
						'about'   => Survey::Satisfaction === $link->survey
							/* translators: %s: ticket number, e.g. #1042. */
							? sprintf( __( 'Your request %s', 'aftercare' ), $opened['number'] )
							/* translators: %s: return number, e.g. R-1001. */
							: sprintf( __( 'Your return %s', 'aftercare' ), $opened['number'] ),
						'choice'  => $link->survey->label( $link->score ),
						'before'  => $rating && ! $answered ? $rating->label() : '',
						'comment' => '' !== $comment ? $comment : ( $answered ? $rating->comment : '' ),
						'action'  => $this->links->page( $token ),
						'others'  => $others,
						'notice'  => $notice,
						'error'   => $error,
						'max'     => RatingRepository::MAX_COMMENT,
						'message' => '',
					),
				)
			),
		);
	}

	/**
	 * A page that records nothing and says why.
	 *
	 * @return array{status: int, title: string, html: string}
	 */
	private function refusal( int $status, string $title, string $message ): array {
		return array(
			'status' => $status,
			'title'  => $title,
			'html'   => DynamicBlock::render_template(
				__DIR__ . '/survey.php',
				array(
					'aftercare_survey' => array(
						'state'   => 'refused',
						'title'   => $title,
						'message' => $message,
					),
				)
			),
		);
	}

	/**
	 * The theme's page around the survey: a block theme's header and footer parts, or a classic
	 * theme's get_header() and get_footer().
	 */
	public function template(): string {
		if ( wp_is_block_theme() ) {
			global $_wp_current_template_content;
			$_wp_current_template_content = '<!-- wp:template-part {"slug":"header","tagName":"header"} /-->'
				. '<!-- wp:group {"tagName":"main","layout":{"type":"constrained"}} --><main class="wp-block-group">'
				. '<!-- wp:' . self::BLOCK . ' /--></main><!-- /wp:group -->'
				. '<!-- wp:template-part {"slug":"footer","tagName":"footer"} /-->';
			return ABSPATH . WPINC . '/template-canvas.php';
		}
		return __DIR__ . '/survey-page.php';
	}

	public function enqueue_style(): void {
		wp_register_style( 'aftercare-survey', false, array(), AFTERCARE_VERSION );
		wp_enqueue_style( 'aftercare-survey' );
		wp_add_inline_style(
			'aftercare-survey',
			'.aftercare-survey{max-width:40rem;margin:3rem auto;padding:0 1rem}'
			. '.aftercare-survey__choice{font-size:1.25em;font-weight:600}'
			. '.aftercare-survey__others{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:0;list-style:none}'
			. '.aftercare-survey textarea{width:100%;box-sizing:border-box}'
			. '.aftercare-survey__notice{padding:.75rem 1rem;border-left:4px solid #00a32a;background:#f0f6f0}'
			. '.aftercare-survey__error{padding:.75rem 1rem;border-left:4px solid #d63638;background:#fcf0f1}'
		);
	}

	/**
	 * The link's token from the address ('' when malformed: the page then says the link does not work).
	 */
	private static function token(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended,WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- Checked against its signature, printed only escaped.
		$token = isset( $_GET[ SurveyLinks::ARG ] ) ? wp_unslash( (string) $_GET[ SurveyLinks::ARG ] ) : '';
		return preg_match( '/^[a-z0-9.]{1,80}$/', $token ) ? $token : '';
	}
}
