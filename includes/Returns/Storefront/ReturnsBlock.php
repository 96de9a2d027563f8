<?php
/**
 * Server side of the aftercare/returns block (the return-request portal): the block's markup and
 * assets. The portal is one form whose steps (ReturnRules::STEPS) are sections of the same
 * markup: the visible one is the current step, the others keep what was entered in their own
 * fields. With JavaScript, view.ts moves between the sections in place and asks the REST routes;
 * without it, every step button posts the whole form to the page (ReturnWizard).
 *
 * Opened with `?aftercare_return=<id>` (and a guest's `&aftercare_token=`) the block shows that
 * return's status page instead (ReturnStatusPage), whose reply form posts here (ReturnReply).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Returns\Storefront;

use Aftercare\HelpCenter\SuggestionBox;
use Aftercare\Http\CachePolicy;
use Aftercare\Returns\Policy;
use Aftercare\Returns\ReturnService;
use Aftercare\Storefront\DynamicBlock;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\Storefront\ContactBlock;
use Aftercare\Tickets\Storefront\CustomerThreads;

final class ReturnsBlock extends DynamicBlock {

	public const NAME = 'aftercare/returns';

	/** Hidden field that marks a POST as a step of this block's form. */
	public const FORM_MARKER = 'aftercare_returns';

	protected const EDITOR_GLOBAL = 'aftercareReturns';

	/** The form as a step posted without JavaScript left it, computed in template_redirect and rendered later. */
	private ?ReturnForm $posted = null;

	private string $reply_error = '';

	public function __construct(
		private ?ReturnService $service,
		private ReturnWizard $wizard,
		private ReturnReply $reply,
		private Policy $policy,
		private ReturnStatusPage $status,
		private CustomerThreads $threads
	) {}

	/**
	 * Before any output: personal pages are private, posted steps and replies are handled.
	 */
	public function before_page(): void {
		$this->posted      = null;
		$this->reply_error = '';
		if ( null === $this->service ) {
			return;
		}
		$return_id = ReturnStatusPage::query_id();
		$marker    = $this->posted_marker();
		$mine      = is_user_logged_in() && is_singular() && has_block( self::NAME, get_queried_object() );
		if ( $return_id || '' !== $marker || $mine ) {
			CachePolicy::private_page();
		}
		if ( self::FORM_MARKER === $marker && ! $return_id ) {
			$this->posted = $this->wizard->post();
			if ( $this->posted->http >= 400 ) {
				status_header( $this->posted->http );
			}
		} elseif ( ReturnStatusPage::REPLY_MARKER === $marker && $return_id ) {
			$this->reply_error = $this->reply->handle( $return_id );
		}
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	public function render( array $attributes ): string {
		if ( null === $this->service ) {
			return '';
		}
		if ( ReturnStatusPage::query_id() ) {
			// The thread looks like a ticket's (the contact block's styles).
			wp_enqueue_style( generate_block_asset_handle( ContactBlock::NAME, 'style' ) );
			$status = $this->status->in_block( $this->reply_error );
			// One message for a wrong, expired or foreign link: it tells a guesser nothing.
			return $this->template(
				$attributes,
				null === $status ? array(
					'mode'     => 'invalid',
					'form_url' => ReturnStatusPage::page_url(),
				) : array(
					'mode'        => 'status',
					'status_html' => $status,
				)
			);
		}
		$form = $this->posted ?? $this->wizard->initial();
		return $this->template(
			$attributes,
			array(
				'mode'      => 'form',
				'logged_in' => is_user_logged_in(),
				'orders'    => $this->wizard->order_options( $form->order_id ),
				'form'      => $form,
				'reasons'   => $this->reasons(),
				'outcomes'  => $this->outcomes(),
				'nonce'     => is_user_logged_in() ? wp_nonce_field( ReturnForm::NONCE, '_aftercare_nonce', false, false ) : '',
				'rest'      => array(
					'eligibility' => rest_url( 'aftercare/v1/returns/eligibility' ),
					'check'       => rest_url( 'aftercare/v1/returns/check' ),
					'returns'     => rest_url( 'aftercare/v1/returns' ),
					'nonce'       => is_user_logged_in() ? wp_create_nonce( 'wp_rest' ) : '',
				),
				'page_url'  => ReturnStatusPage::page_url(),
				'accept'      => $this->threads->accept( AttachmentStore::INLINE_TYPES ),
				'photo_types' => AttachmentStore::describe( $this->threads->types( AttachmentStore::INLINE_TYPES ) ),
				'max_files' => AttachmentStore::MAX_FILES,
				'max_bytes' => $this->threads->max_bytes(),
			)
		);
	}

	/**
	 * Tells the editor whether returns are available and what the store's policy offers.
	 *
	 * @return array<string, mixed>
	 */
	protected function editor_settings(): array {
		return array(
			'available' => null !== $this->service,
			'reasons'   => $this->reasons(),
			'outcomes'  => $this->outcomes(),
		);
	}

	/**
	 * The store's reasons, as the form offers them.
	 *
	 * @return array<int, array{key: string, label: string, photos: bool}>
	 */
	public function reasons(): array {
		$reasons = array();
		foreach ( $this->policy->reasons() as $key => $reason ) {
			$reasons[] = array( 'key' => (string) $key ) + $reason;
		}
		return $reasons;
	}

	/**
	 * The outcomes the policy offers, with the shopper's words for them.
	 *
	 * @return array<int, array{key: string, label: string}>
	 */
	public function outcomes(): array {
		$labels = ReturnStatusPage::outcome_labels();
		return array_map(
			static fn( string $key ): array => array(
				'key'   => $key,
				'label' => $labels[ $key ] ?? $key,
			),
			$this->policy->outcomes()
		);
	}

	private function posted_marker(): string {
		if ( 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) ) {
			return '';
		}
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- Only which form was sent; each handler verifies.
		if ( isset( $_POST[ self::FORM_MARKER ] ) ) {
			return self::FORM_MARKER;
		}
		return isset( $_POST[ ReturnStatusPage::REPLY_MARKER ] ) ? ReturnStatusPage::REPLY_MARKER : '';
		// phpcs:enable
	}

	/**
	 * @param array<string, mixed> $attributes     Block attributes.
	 * @param array<string, mixed> $aftercare_data What the template shows.
	 */
	private function template( array $attributes, array $aftercare_data ): string {
		$aftercare_data['suggestions'] = 'form' === $aftercare_data['mode'] && ( $attributes['showSuggestions'] ?? true ) && class_exists( SuggestionBox::class )
			? SuggestionBox::markup( 'returns' )
			: '';
		return self::render_template(
			AFTERCARE_DIR . 'build/blocks/returns/render.php',
			array(
				'attributes'     => $attributes,
				'aftercare_data' => $aftercare_data,
			)
		);
	}
}
