<?php
/**
 * The mechanics every WooCommerce My Account page of Aftercare shares: the query var, the menu
 * item and title, the block styles, the private headers, the reply form (nonce, save, redirect
 * or error) and the list / single page switch. Each subclass says what its page lists and shows.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Storefront;

use Aftercare\Http\CachePolicy;
use Aftercare\Infrastructure\Conditional;

abstract class AccountEndpoint implements Conditional {

	/** The endpoint (query var); each subclass sets its own. */
	public const ENDPOINT = '';

	/** The POST field that marks this page's reply form. */
	protected const MARKER = '';

	/** The reply form's nonce action. */
	protected const NONCE = '';

	/** The menu item this one follows when present; else it sits before "Log out". */
	protected const MENU_AFTER = '';

	/** The query arg that says a reply was just sent. */
	private const DONE_ARG = 'aftercare_done';

	private string $reply_error = '';

	/** The page's name, in the account menu and as its title. */
	abstract public function title(): string;

	/**
	 * The blocks whose styles the page uses.
	 *
	 * @return array<int, string>
	 */
	abstract protected function styles(): array;

	/** The account page of one item. */
	abstract protected function item_url( int $id ): string;

	/**
	 * One item as the signed-in customer may see it.
	 *
	 * @return array<string, mixed>|null Null when missing or not theirs.
	 */
	abstract protected function load( int $id ): ?array;

	/**
	 * One item's page.
	 *
	 * @param array<string, mixed> $view From load().
	 * @param array{action: string, hidden: array<string, string>} $form Reply form.
	 * @param string $notice A confirmation to show first.
	 * @param string $error  Why the last reply was refused.
	 */
	abstract protected function render( array $view, array $form, string $notice, string $error ): string;

	/**
	 * Saves the customer's reply (a page may set the status of a refusal).
	 *
	 * @param array<string, mixed> $files Uploaded attachments ($_FILES).
	 * @return string '' when saved, else why not (for the person).
	 */
	abstract protected function save_reply( int $id, string $message, array $files ): string;

	/** Refuses a reply whose nonce failed (a page may also set the status): why, for the person. */
	abstract protected function refuse_expired(): string;

	/**
	 * The single page's words.
	 *
	 * @return array{missing: string, back: string, all: string, sent: string}
	 */
	abstract protected function words(): array;

	/** The customer's items, with a link to start a new one (through print_list()). */
	abstract protected function item_list(): void;

	public function can_register(): bool {
		return class_exists( 'WooCommerce' );
	}

	public function register(): void {
		add_filter( 'woocommerce_get_query_vars', array( $this, 'query_vars' ) );
		add_filter( 'woocommerce_account_menu_items', array( $this, 'menu_items' ) );
		add_filter( 'woocommerce_endpoint_' . static::ENDPOINT . '_title', array( $this, 'title' ) );
		add_action( 'woocommerce_account_' . static::ENDPOINT . '_endpoint', array( $this, 'content' ) );
		add_action( 'template_redirect', array( $this, 'before_page' ) );
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * @param array<string, string> $vars WooCommerce's account query vars.
	 * @return array<string, string>
	 */
	public function query_vars( array $vars ): array {
		$vars[ static::ENDPOINT ] = static::ENDPOINT;
		return $vars;
	}

	/**
	 * The item goes after MENU_AFTER when the menu has it, else before "Log out", else last.
	 *
	 * @param array<string, string> $items Menu items by endpoint.
	 * @return array<string, string>
	 */
	public function menu_items( array $items ): array {
		$after = '' !== static::MENU_AFTER && isset( $items[ static::MENU_AFTER ] ) ? static::MENU_AFTER : null;
		$menu  = array();
		foreach ( $items as $key => $label ) {
			if ( null === $after && 'customer-logout' === $key ) {
				$menu[ static::ENDPOINT ] = $this->title();
			}
			$menu[ $key ] = $label;
			if ( $after === $key ) {
				$menu[ static::ENDPOINT ] = $this->title();
			}
		}
		return $menu + array( static::ENDPOINT => $this->title() );
	}

	public function enqueue(): void {
		if ( $this->is_endpoint() ) {
			foreach ( $this->styles() as $block ) {
				wp_enqueue_style( generate_block_asset_handle( $block, 'style' ) );
			}
		}
	}

	/**
	 * Personal page: never cached. A posted reply is saved, then the item is loaded again.
	 */
	public function before_page(): void {
		if ( ! $this->is_endpoint() || ! is_user_logged_in() ) {
			return;
		}
		CachePolicy::private_page();
		$id = absint( get_query_var( static::ENDPOINT ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- Only detects the form; verified below.
		if ( ! $id || 'POST' !== ( $_SERVER['REQUEST_METHOD'] ?? '' ) || ! isset( $_POST[ static::MARKER ] ) ) {
			return;
		}
		if ( ! wp_verify_nonce( sanitize_key( wp_unslash( (string) ( $_POST['_aftercare_nonce'] ?? '' ) ) ), static::NONCE ) ) {
			$this->reply_error = $this->refuse_expired();
			return;
		}
		$message = isset( $_POST['message'] ) ? sanitize_textarea_field( wp_unslash( (string) $_POST['message'] ) ) : '';
		$error   = $this->save_reply( $id, $message, $_FILES );
		if ( '' !== $error ) {
			$this->reply_error = $error;
			return;
		}
		wp_safe_redirect( add_query_arg( self::DONE_ARG, 'replied', $this->item_url( $id ) ), 303 );
		if ( apply_filters( 'aftercare_contact_exit_after_redirect', true ) ) {
			exit;
		}
	}

	/**
	 * @param string $value The endpoint's value: an item's id, or '' for the list.
	 */
	public function content( $value = '' ): void {
		$id = absint( $value );
		if ( $id ) {
			$this->single( $id );
			return;
		}
		$this->item_list();
	}

	private function single( int $id ): void {
		$view  = $this->load( $id );
		$words = $this->words();
		$back  = wc_get_account_endpoint_url( static::ENDPOINT );
		if ( null === $view ) {
			wc_print_notice( $words['missing'], 'error' );
			printf( '<p><a href="%s">%s</a></p>', esc_url( $back ), esc_html( $words['back'] ) );
			return;
		}
		printf( '<p><a href="%s">&larr; %s</a></p>', esc_url( $back ), esc_html( $words['all'] ) );
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- A display flag.
		$notice = isset( $_GET[ self::DONE_ARG ] ) ? $words['sent'] : '';
		echo $this->render( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in the subclass's template.
			$view,
			array(
				'action' => $this->item_url( $id ),
				'hidden' => array( '_aftercare_nonce' => wp_create_nonce( static::NONCE ) ),
			),
			$notice,
			$this->reply_error
		);
	}

	/**
	 * The customer's items as a table (the first cell links to the item), after a button to
	 * start a new one.
	 *
	 * @param array{url: string, label: string} $start Button to start a new item (url '' for none).
	 * @param string $empty What to say when there are none.
	 * @param array{class: string, caption: string, columns: array<int, string>} $table Table class, caption and column titles.
	 * @param array<int, array{url: string, cells: array<int, string>}> $rows One text per column.
	 */
	protected function print_list( array $start, string $empty, array $table, array $rows ): void {
		if ( '' !== $start['url'] ) {
			printf( '<p><a class="button wp-element-button" href="%s">%s</a></p>', esc_url( $start['url'] ), esc_html( $start['label'] ) );
		}
		if ( ! $rows ) {
			wc_print_notice( $empty, 'notice' );
			return;
		}
		$columns = $table['columns'];
		?>
		<table class="woocommerce-orders-table shop_table shop_table_responsive <?php echo esc_attr( $table['class'] ); ?>">
			<caption class="screen-reader-text"><?php echo esc_html( $table['caption'] ); ?></caption>
			<thead>
				<tr>
					<?php foreach ( $columns as $aftercare_column ) : ?>
						<th scope="col"><?php echo esc_html( $aftercare_column ); ?></th>
					<?php endforeach; ?>
				</tr>
			</thead>
			<tbody>
				<?php foreach ( $rows as $aftercare_row ) : ?>
					<tr>
						<?php foreach ( $aftercare_row['cells'] as $aftercare_index => $aftercare_cell ) : ?>
							<td data-title="<?php echo esc_attr( $columns[ $aftercare_index ] ); ?>"><?php if ( 0 === $aftercare_index ) : ?><a href="<?php echo esc_url( $aftercare_row['url'] ); ?>"><?php echo esc_html( $aftercare_cell ); ?></a><?php else : ?><?php echo esc_html( $aftercare_cell ); ?><?php endif; // phpcs:ignore Generic.Files.LineLength.TooLong -- HTML. ?></td>
						<?php endforeach; ?>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
		<?php
	}

	/** A REST date as the store writes dates. */
	protected static function date( string $rest_date ): string {
		return (string) wp_date( (string) get_option( 'date_format' ), (int) strtotime( $rest_date ) );
	}

	private function is_endpoint(): bool {
		return function_exists( 'is_wc_endpoint_url' ) && is_wc_endpoint_url( static::ENDPOINT );
	}
}
