<?php
/**
 * WooCommerce My Account → Support: the customer's tickets, each thread with a reply form, and a
 * link to open a new one. Data comes through the REST API as the signed-in customer, so only
 * their own tickets and never internal notes can appear.
 *
 * The endpoint is a WooCommerce query var (WooCommerce adds the rewrite endpoint); rewrite rules
 * are flushed once after activation or an update, never on ordinary requests.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Account;

use Aftercare\Contact\ContactBlock;
use Aftercare\Contact\CustomerThreads;
use Aftercare\Contact\Links;
use Aftercare\Tickets\Status;

final class SupportEndpoint {

	public const ENDPOINT = Links::ACCOUNT_ENDPOINT;

	/** Holds the plugin version whose rewrite rules are in place. */
	public const REWRITE_OPTION = 'aftercare_rewrite_version';

	private const MARKER = 'aftercare_account_reply';
	private const NONCE  = 'aftercare_account_reply';

	private string $reply_error = '';

	public function __construct( private CustomerThreads $threads, private Links $links ) {}

	public function can_register(): bool {
		return class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_filter( 'woocommerce_get_query_vars', array( $this, 'query_vars' ) );
		add_action( 'init', array( $this, 'maybe_flush_rewrite_rules' ), 99 );
		add_action( 'deactivate_' . plugin_basename( AFTERCARE_FILE ), array( $this, 'forget_rewrite_rules' ) );
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
	 * Once per plugin version and set of account endpoints (so after activation, each update, and
	 * when an endpoint such as Returns joins), after WooCommerce has added its endpoints on `init`.
	 */
	public function maybe_flush_rewrite_rules(): void {
		$signature = self::rewrite_signature();
		if ( get_option( self::REWRITE_OPTION ) !== $signature ) {
			flush_rewrite_rules( false );
			update_option( self::REWRITE_OPTION, $signature, true );
		}
	}

	/** The plugin version and the account endpoints the rules were made for. */
	public static function rewrite_signature(): string {
		return AFTERCARE_VERSION . ':' . implode( ',', array_keys( WC()->query->get_query_vars() ) );
	}

	/** Deactivation: the next activation flushes again. */
	public function forget_rewrite_rules(): void {
		delete_option( self::REWRITE_OPTION );
	}

	/**
	 * Support sits before "Log out".
	 *
	 * @param array<string, string> $items Menu items by endpoint.
	 * @return array<string, string>
	 */
	public function menu_items( array $items ): array {
		$logout = isset( $items['customer-logout'] ) ? array( 'customer-logout' => $items['customer-logout'] ) : array();
		unset( $items['customer-logout'] );
		return $items + array( self::ENDPOINT => __( 'Support', 'aftercare' ) ) + $logout;
	}

	public function title(): string {
		return __( 'Support', 'aftercare' );
	}

	public function enqueue(): void {
		if ( function_exists( 'is_wc_endpoint_url' ) && is_wc_endpoint_url( self::ENDPOINT ) ) {
			wp_enqueue_style( generate_block_asset_handle( ContactBlock::NAME, 'style' ) );
		}
	}

	/**
	 * Personal page: never cached. A posted reply is saved, then the thread is loaded again.
	 */
	public function before_page(): void {
		if ( ! function_exists( 'is_wc_endpoint_url' ) || ! is_wc_endpoint_url( self::ENDPOINT ) || ! is_user_logged_in() ) {
			return;
		}
		ContactBlock::private_headers();
		$ticket_id = absint( get_query_var( self::ENDPOINT ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Only detects the form; verified below.
		if ( ! $ticket_id || 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) || ! isset( $_POST[ self::MARKER ] ) ) {
			return;
		}
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), self::NONCE ) ) {
			$this->reply_error = __( 'Your session has expired. Please send your reply again.', 'aftercare' );
			return;
		}
		$message = isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '';
		$error   = $this->threads->reply( $ticket_id, '', $message, $_FILES );
		if ( '' !== $error ) {
			$this->reply_error = $error;
			return;
		}
		wp_safe_redirect( add_query_arg( 'aftercare_done', 'replied', $this->links->customer_thread( $ticket_id ) ), 303 );
		if ( apply_filters( 'aftercare_contact_exit_after_redirect', true ) ) {
			exit;
		}
	}

	/**
	 * @param string $value The endpoint's value: a ticket id, or '' for the list.
	 */
	public function content( $value = '' ): void {
		$ticket_id = absint( $value );
		if ( $ticket_id ) {
			$this->thread( $ticket_id );
			return;
		}
		$this->ticket_list();
	}

	private function thread( int $ticket_id ): void {
		$thread = $this->threads->load( $ticket_id, '' );
		$back   = wc_get_account_endpoint_url( self::ENDPOINT );
		if ( null === $thread ) {
			wc_print_notice( __( 'We could not find that request.', 'aftercare' ), 'error' );
			printf( '<p><a href="%s">%s</a></p>', esc_url( $back ), esc_html__( 'Back to your requests', 'aftercare' ) );
			return;
		}
		printf( '<p><a href="%s">&larr; %s</a></p>', esc_url( $back ), esc_html__( 'All requests', 'aftercare' ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		$notice = isset( $_GET['aftercare_done'] ) ? __( 'Your reply was sent.', 'aftercare' ) : '';
		echo $this->threads->render( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in thread.php.
			$thread,
			array(
				'action' => $this->links->customer_thread( $ticket_id ),
				'hidden' => array(
					self::MARKER       => '1',
					'_aftercare_nonce' => wp_create_nonce( self::NONCE ),
				),
			),
			$notice,
			'',
			$this->reply_error
		);
	}

	private function ticket_list(): void {
		$request = new \WP_REST_Request( 'GET', '/aftercare/v1/tickets' );
		$request->set_query_params(
			array(
				'customer' => get_current_user_id(),
				'orderby'  => 'updated',
				'per_page' => 50,
			)
		);
		$response = rest_do_request( $request );
		$tickets  = 200 === $response->get_status() ? (array) rest_get_server()->response_to_data( $response, false ) : array();
		$contact  = $this->links->contact_page();

		if ( '' !== $contact ) {
			printf( '<p><a class="button wp-element-button" href="%s">%s</a></p>', esc_url( $contact ), esc_html__( 'Ask a new question', 'aftercare' ) );
		}
		if ( ! $tickets ) {
			wc_print_notice( __( 'You have not contacted support yet.', 'aftercare' ), 'notice' );
			return;
		}
		?>
		<table class="woocommerce-orders-table shop_table shop_table_responsive aftercare-tickets-table">
			<caption class="screen-reader-text"><?php esc_html_e( 'Your support requests', 'aftercare' ); ?></caption>
			<thead>
				<tr>
					<th scope="col"><?php esc_html_e( 'Request', 'aftercare' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Subject', 'aftercare' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Status', 'aftercare' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Last update', 'aftercare' ); ?></th>
				</tr>
			</thead>
			<tbody>
				<?php foreach ( $tickets as $ticket ) : ?>
					<?php $aftercare_status = Status::tryFrom( (string) ( $ticket['status'] ?? '' ) ); ?>
					<tr>
						<td data-title="<?php esc_attr_e( 'Request', 'aftercare' ); ?>">
							<a href="<?php echo esc_url( $this->links->customer_thread( (int) $ticket['id'] ) ); ?>">#<?php echo esc_html( (string) $ticket['number'] ); ?></a>
						</td>
						<td data-title="<?php esc_attr_e( 'Subject', 'aftercare' ); ?>"><?php echo esc_html( (string) $ticket['subject'] ); ?></td>
						<td data-title="<?php esc_attr_e( 'Status', 'aftercare' ); ?>"><?php echo esc_html( $aftercare_status ? $aftercare_status->label() : '' ); ?></td>
						<td data-title="<?php esc_attr_e( 'Last update', 'aftercare' ); ?>">
							<?php echo esc_html( wp_date( (string) get_option( 'date_format' ), (int) strtotime( (string) $ticket['updated'] ) ) ); ?>
						</td>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
		<?php
	}
}
