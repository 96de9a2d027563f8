<?php
/**
 * Server side of the aftercare/order-status block: gives render.php what to show, handles the
 * form's own POST (so the block works without JavaScript), keeps pages that show order data out
 * of caches, and tells the editor whether orders are available.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Orders\Storefront;

use Aftercare\Http\CachePolicy;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Orders\OrderLookup;
use Aftercare\Orders\OrderView;
use Aftercare\Storefront\DynamicBlock;

final class OrderStatusBlock extends DynamicBlock {

	public const NAME = 'aftercare/order-status';

	/** Hidden field that marks a POST as this block's lookup. */
	public const MARKER = 'aftercare_order_lookup';

	protected const EDITOR_GLOBAL = 'aftercareOrderStatus';

	/**
	 * The outcome of the posted lookup, by what was posted: a request looks up once, though both
	 * template_redirect and the block's rendering ask.
	 *
	 * @var array<string, array{result: ?array<string, mixed>, error: string, status: int, retry_after: int}>
	 */
	private array $submissions = array();

	public function __construct( private ?OrderLookup $lookup, private OrderView $view ) {}

	/**
	 * Before any output: answer a lookup posted by the form (status 429 and Retry-After when
	 * throttled), and mark personal pages private and uncacheable.
	 */
	public function before_page(): void {
		if ( null === $this->lookup ) {
			return;
		}
		$posted = $this->is_posted();
		if ( ! $posted && ! ( is_user_logged_in() && is_singular() && has_block( self::NAME, get_queried_object() ) ) ) {
			return;
		}
		CachePolicy::private_page();
		if ( $posted ) {
			$this->submission();
		}
	}

	/**
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param string               $content    Inner content (none).
	 * @param \WP_Block|null       $block      Block instance.
	 */
	public function render( array $attributes, string $content = '', ?\WP_Block $block = null ): string {
		if ( null === $this->lookup ) {
			return '';
		}
		$submission = $this->is_posted() ? $this->submission() : null;
		$user_id    = get_current_user_id();
		$orders     = array();
		if ( $user_id > 0 ) {
			foreach ( $this->lookup->customer_orders( $user_id, max( 1, min( 20, (int) ( $attributes['recentOrders'] ?? 5 ) ) ) ) as $order ) {
				$orders[] = $this->view->prepare( $order, 'customer' );
			}
		}
		$aftercare_data = array(
			'logged_in'       => $user_id > 0,
			'orders'          => $orders,
			'result'          => $submission['result'] ?? null,
			'error'           => $submission['error'] ?? '',
			'allows_postcode' => $this->lookup->allows_postcode(),
			'values'          => $submission ? $this->posted_values() : array(
				'number' => '',
				'key'    => '',
			),
			'rest_url'        => rest_url( 'aftercare/v1/order-status' ),
		);
		return self::render_template(
			AFTERCARE_DIR . 'build/blocks/order-status/render.php',
			array(
				'attributes'     => $attributes,
				'aftercare_data' => $aftercare_data,
			)
		);
	}

	/**
	 * Tells the editor script whether the storefront can show orders.
	 *
	 * @return array<string, mixed>
	 */
	protected function editor_settings(): array {
		return array(
			'available'      => null !== $this->lookup,
			'allowsPostcode' => null !== $this->lookup && $this->lookup->allows_postcode(),
		);
	}

	/**
	 * The posted lookup's outcome, computed once per request.
	 *
	 * @return array{result: ?array<string, mixed>, error: string, status: int, retry_after: int}
	 */
	private function submission(): array {
		$values = $this->posted_values();
		$cache  = md5( (string) wp_json_encode( $values ) );
		if ( isset( $this->submissions[ $cache ] ) ) {
			return $this->submissions[ $cache ];
		}
		$key        = $values['key'];
		$is_email   = str_contains( $key, '@' ) || ! $this->lookup?->allows_postcode();
		$submission = array(
			'result'      => null,
			'error'       => '',
			'status'      => 200,
			'retry_after' => 0,
		);
		try {
			$order                = $this->lookup?->lookup( $values['number'], $is_email ? $key : '', $is_email ? '' : $key );
			$submission['result'] = $order ? $this->view->prepare( $order, 'guest' ) : null;
		} catch ( DomainError $error ) {
			$submission['error']       = $error->getMessage();
			$submission['status']      = $error->status;
			$submission['retry_after'] = (int) ( $error->data['retry_after'] ?? 0 );
		}
		if ( ! headers_sent() && 429 === $submission['status'] ) {
			status_header( 429 );
			header( 'Retry-After: ' . $submission['retry_after'] );
		}
		$this->submissions[ $cache ] = $submission;
		return $submission;
	}

	/**
	 * @return array{number: string, key: string}
	 */
	private function posted_values(): array {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- A guest's lookup needs no cookie nonce: it changes nothing a forged request could abuse, and rate limits protect it.
		return array(
			'number' => isset( $_POST['aftercare_order_number'] ) ? substr( sanitize_text_field( wp_unslash( (string) $_POST['aftercare_order_number'] ) ), 0, 60 ) : '',
			'key'    => isset( $_POST['aftercare_order_key'] ) ? substr( sanitize_text_field( wp_unslash( (string) $_POST['aftercare_order_key'] ) ), 0, 200 ) : '',
		);
		// phpcs:enable
	}

	private function is_posted(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- See posted_values().
		return isset( $_SERVER['REQUEST_METHOD'], $_POST[ self::MARKER ] ) && 'POST' === $_SERVER['REQUEST_METHOD'];
	}
}
