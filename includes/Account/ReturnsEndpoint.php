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

final class ReturnsEndpoint extends AccountEndpoint {

	public const ENDPOINT = 'returns';

	protected const MARKER     = ReturnStatusPage::REPLY_MARKER;
	protected const NONCE      = 'aftercare_account_return';
	protected const MENU_AFTER = 'orders';

	public function __construct( private ReturnStatusPage $status, private Settings $settings ) {}

	public function title(): string {
		return __( 'Returns', 'aftercare' );
	}

	protected function styles(): array {
		return array( ReturnsBlock::NAME, ContactBlock::NAME );
	}

	protected function item_url( int $id ): string {
		return wc_get_endpoint_url( self::ENDPOINT, (string) $id, wc_get_page_permalink( 'myaccount' ) );
	}

	protected function load( int $id ): ?array {
		return $this->status->load( $id, '' );
	}

	protected function render( array $view, array $form, string $notice, string $error ): string {
		return $this->status->render( $view, $form, $notice, '', $error );
	}

	protected function save_reply( int $id, string $message, array $files ): string {
		$answer = $this->status->reply( $id, '', $message, $files );
		if ( '' !== $answer['message'] ) {
			status_header( $answer['status'] );
		}
		return $answer['message'];
	}

	protected function refuse_expired(): string {
		status_header( 403 );
		return __( 'Your session has expired. Please send your message again.', 'aftercare' );
	}

	protected function words(): array {
		return array(
			'missing' => __( 'We could not find that return.', 'aftercare' ),
			'back'    => __( 'Back to your returns', 'aftercare' ),
			'all'     => __( 'All returns', 'aftercare' ),
			'sent'    => __( 'Your message was sent.', 'aftercare' ),
		);
	}

	protected function item_list(): void {
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
							<a href="<?php echo esc_url( $this->item_url( (int) $aftercare_return['id'] ) ); ?>"><?php echo esc_html( (string) $aftercare_return['number'] ); ?></a>
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
}
