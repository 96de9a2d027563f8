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

namespace Aftercare\Returns\Storefront;

use Aftercare\Http\InternalRequest;
use Aftercare\Settings\Settings;
use Aftercare\Storefront\AccountEndpoint;
use Aftercare\Storefront\BlockPage;
use Aftercare\Tickets\Storefront\ContactBlock;

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
		$answer  = InternalRequest::dispatch( 'GET', '/aftercare/v1/returns', array( 'per_page' => 50 ) );
		$returns = 200 === $answer['status'] ? $answer['data'] : array();
		$rows    = array();
		foreach ( $returns as $return ) {
			$rows[] = array(
				'url'   => $this->item_url( (int) $return['id'] ),
				'cells' => array(
					(string) $return['number'],
					'#' . $return['order']['number'],
					(string) $return['status_label'],
					self::date( (string) $return['created'] ),
				),
			);
		}
		$this->print_list(
			array(
				'url'   => BlockPage::url( (int) $this->settings->get( 'return_portal_page' ), ReturnsBlock::NAME ),
				'label' => __( 'Request a return', 'aftercare' ),
			),
			__( 'You have not requested any returns.', 'aftercare' ),
			array(
				'class'   => 'aftercare-returns-table',
				'caption' => __( 'Your returns', 'aftercare' ),
				'columns' => array( __( 'Return', 'aftercare' ), __( 'Order', 'aftercare' ), __( 'Status', 'aftercare' ), __( 'Requested', 'aftercare' ) ),
			),
			$rows
		);
	}
}
