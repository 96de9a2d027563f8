<?php
/**
 * WooCommerce My Account → Returns: the customer's returns with their status, each return's
 * page (items, status, timeline, messages and a reply form), and a link to the return portal.
 * Data comes through the REST API as the signed-in customer, so only their own returns appear.
 *
 * The endpoint is a WooCommerce query var beside Support's; the rewrite rules that include it
 * are flushed once per plugin version by SupportEndpoint.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Account;

use Aftercare\Blocks\BlockPage;
use Aftercare\Contact\ContactBlock;
use Aftercare\Returns\ReturnsBlock;
use Aftercare\Returns\ReturnStatusPage;
use Aftercare\Settings\Settings;

final class ReturnsEndpoint {

	public const ENDPOINT = 'returns';

	private const NONCE = 'aftercare_account_return';

	private string $reply_error = '';

	public function __construct( private ReturnStatusPage $status, private Settings $settings ) {}

	public function can_register(): bool {
		return class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_filter( 'woocommerce_get_query_vars', array( $this, 'query_vars' ) );
		add_filter( 'woocommerce_account_menu_items', array( $this, 'menu_items' ) );
		add_filter( 'woocommerce_endpoint_' . self::ENDPOINT . '_title', array( $this, 'title' ) );
		add_action( 'woocommerce_account_' . self::ENDPOINT . '_endpoint', array( $this, 'content' ) );
		add_action( 'template_redirect', array( $this, 'before_page' ) );
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * @param array<string, string> $vars WooCommerce's account query vars.
	 * @return array<string, string>
	 */
	public function query_vars( array $vars ): array {
		$vars[ self::ENDPOINT ] = self::ENDPOINT;
		return $vars;
	}

	/**
	 * Returns sits right after Orders (else before "Log out").
	 *
	 * @param array<string, string> $items Menu items by endpoint.
	 * @return array<string, string>
	 */
	public function menu_items( array $items ): array {
		$after = isset( $items['orders'] ) ? 'orders' : null;
		$menu  = array();
		foreach ( $items as $key => $label ) {
			if ( null === $after && 'customer-logout' === $key ) {
				$menu[ self::ENDPOINT ] = __( 'Returns', 'aftercare' );
			}
			$menu[ $key ] = $label;
			if ( $after === $key ) {
				$menu[ self::ENDPOINT ] = __( 'Returns', 'aftercare' );
			}
		}
		return $menu + array( self::ENDPOINT => __( 'Returns', 'aftercare' ) );
	}

	public function title(): string {
		return __( 'Returns', 'aftercare' );
	}

	public function enqueue(): void {
		if ( $this->is_endpoint() ) {
			wp_enqueue_style( generate_block_asset_handle( ReturnsBlock::NAME, 'style' ) );
			wp_enqueue_style( generate_block_asset_handle( ContactBlock::NAME, 'style' ) );
		}
	}

	/**
	 * Personal page: never cached. A posted reply is saved, then the return is loaded again.
	 */
	public function before_page(): void {
		if ( ! $this->is_endpoint() || ! is_user_logged_in() ) {
			return;
		}
		ContactBlock::private_headers();
		$return_id = absint( get_query_var( self::ENDPOINT ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Only detects the form; verified below.
		if ( ! $return_id || 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) || ! isset( $_POST[ ReturnStatusPage::REPLY_MARKER ] ) ) {
			return;
		}
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), self::NONCE ) ) {
			$this->reply_error = __( 'Your session has expired. Please send your message again.', 'aftercare' );
			status_header( 403 );
			return;
		}
		$body   = isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '';
		$answer = $this->status->reply( $return_id, '', $body, $_FILES );
		if ( '' !== $answer['message'] ) {
			$this->reply_error = $answer['message'];
			status_header( $answer['status'] );
			return;
		}
		wp_safe_redirect( add_query_arg( ReturnStatusPage::DONE_ARG, 'replied', $this->url( $return_id ) ), 303 );
		if ( apply_filters( 'aftercare_contact_exit_after_redirect', true ) ) {
			exit;
		}
	}

	/**
	 * @param string $value The endpoint's value: a return id, or '' for the list.
	 */
	public function content( $value = '' ): void {
		$return_id = absint( $value );
		if ( $return_id ) {
			$this->single( $return_id );
			return;
		}
		$this->return_list();
	}

	private function single( int $return_id ): void {
		$view = $this->status->load( $return_id, '' );
		$back = wc_get_account_endpoint_url( self::ENDPOINT );
		if ( null === $view ) {
			wc_print_notice( __( 'We could not find that return.', 'aftercare' ), 'error' );
			printf( '<p><a href="%s">%s</a></p>', esc_url( $back ), esc_html__( 'Back to your returns', 'aftercare' ) );
			return;
		}
		printf( '<p><a href="%s">&larr; %s</a></p>', esc_url( $back ), esc_html__( 'All returns', 'aftercare' ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		$notice = isset( $_GET[ ReturnStatusPage::DONE_ARG ] ) ? __( 'Your message was sent.', 'aftercare' ) : '';
		echo $this->status->render( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in return-status.php.
			$view,
			array(
				'action' => $this->url( $return_id ),
				'hidden' => array( '_aftercare_nonce' => wp_create_nonce( self::NONCE ) ),
			),
			$notice,
			'',
			$this->reply_error
		);
	}

	private function return_list(): void {
		$answer  = ReturnStatusPage::dispatch( 'GET', '/aftercare/v1/returns', array( 'per_page' => 50 ) );
		$returns = 200 === $answer['status'] ? $answer['data'] : array();
		$portal  = BlockPage::url( (int) $this->settings->get( 'return_portal_page' ), ReturnsBlock::NAME );
		if ( '' !== $portal ) {
			printf( '<p><a class="button wp-element-button" href="%s">%s</a></p>', esc_url( $portal ), esc_html__( 'Request a return', 'aftercare' ) );
		}
		if ( ! $returns ) {
			wc_print_notice( __( 'You have not requested any returns.', 'aftercare' ), 'notice' );
			return;
		}
		?>
		<table class="woocommerce-orders-table shop_table shop_table_responsive aftercare-returns-table">
			<caption class="screen-reader-text"><?php esc_html_e( 'Your returns', 'aftercare' ); ?></caption>
			<thead>
				<tr>
					<th scope="col"><?php esc_html_e( 'Return', 'aftercare' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Order', 'aftercare' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Status', 'aftercare' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Requested', 'aftercare' ); ?></th>
				</tr>
			</thead>
			<tbody>
				<?php foreach ( $returns as $aftercare_return ) : ?>
					<tr>
						<td data-title="<?php esc_attr_e( 'Return', 'aftercare' ); ?>">
							<a href="<?php echo esc_url( $this->url( (int) $aftercare_return['id'] ) ); ?>"><?php echo esc_html( (string) $aftercare_return['number'] ); ?></a>
						</td>
						<td data-title="<?php esc_attr_e( 'Order', 'aftercare' ); ?>">#<?php echo esc_html( (string) $aftercare_return['order']['number'] ); ?></td>
						<td data-title="<?php esc_attr_e( 'Status', 'aftercare' ); ?>"><?php echo esc_html( (string) $aftercare_return['status_label'] ); ?></td>
						<td data-title="<?php esc_attr_e( 'Requested', 'aftercare' ); ?>">
							<?php echo esc_html( wp_date( (string) get_option( 'date_format' ), (int) strtotime( (string) $aftercare_return['created'] ) ) ); ?>
						</td>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
		<?php
	}

	private function url( int $return_id ): string {
		return wc_get_endpoint_url( self::ENDPOINT, (string) $return_id, wc_get_page_permalink( 'myaccount' ) );
	}

	private function is_endpoint(): bool {
		return function_exists( 'is_wc_endpoint_url' ) && is_wc_endpoint_url( self::ENDPOINT );
	}
}
