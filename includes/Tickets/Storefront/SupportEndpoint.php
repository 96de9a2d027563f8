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

namespace Aftercare\Tickets\Storefront;

use Aftercare\Http\InternalRequest;
use Aftercare\Storefront\AccountEndpoint;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\Status;

final class SupportEndpoint extends AccountEndpoint {

	public const ENDPOINT = Links::ACCOUNT_ENDPOINT;

	/** Holds the plugin version whose rewrite rules are in place. */
	public const REWRITE_OPTION = 'aftercare_rewrite_version';

	protected const MARKER = 'aftercare_account_reply';
	protected const NONCE  = 'aftercare_account_reply';

	public function __construct( private CustomerThreads $threads, private Links $links ) {}

	public function register(): void {
		parent::register();
		add_action( 'init', array( $this, 'maybe_flush_rewrite_rules' ), 99 );
		add_action( 'deactivate_' . plugin_basename( AFTERCARE_FILE ), array( $this, 'forget_rewrite_rules' ) );
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

	public function title(): string {
		return __( 'Support', 'aftercare' );
	}

	protected function styles(): array {
		return array( ContactBlock::NAME );
	}

	protected function item_url( int $id ): string {
		return $this->links->customer_thread( $id );
	}

	protected function load( int $id ): ?array {
		return $this->threads->load( $id, '' );
	}

	protected function render( array $view, array $form, string $notice, string $error ): string {
		$form['hidden'] = array( self::MARKER => '1' ) + $form['hidden'];
		return $this->threads->render( $view, $form, $notice, '', $error );
	}

	protected function save_reply( int $id, string $message, array $files ): string {
		return $this->threads->reply( $id, '', $message, $files );
	}

	protected function refuse_expired(): string {
		return __( 'Your session has expired. Please send your reply again.', 'aftercare' );
	}

	protected function words(): array {
		return array(
			'missing' => __( 'We could not find that request.', 'aftercare' ),
			'back'    => __( 'Back to your requests', 'aftercare' ),
			'all'     => __( 'All requests', 'aftercare' ),
			'sent'    => __( 'Your reply was sent.', 'aftercare' ),
		);
	}

	protected function item_list(): void {
		$answer = InternalRequest::dispatch(
			'GET',
			'/aftercare/v1/tickets',
			array(
				'customer' => get_current_user_id(),
				'orderby'  => 'updated',
				'per_page' => 50,
			)
		);
		$tickets = 200 === $answer['status'] ? $answer['data'] : array();
		$rows    = array();
		foreach ( $tickets as $ticket ) {
			$status = Status::tryFrom( (string) ( $ticket['status'] ?? '' ) );
			$rows[] = array(
				'url'   => $this->links->customer_thread( (int) $ticket['id'] ),
				'cells' => array(
					'#' . $ticket['number'],
					(string) $ticket['subject'],
					$status ? $status->label() : '',
					self::date( (string) $ticket['updated'] ),
				),
			);
		}
		$this->print_list(
			array(
				'url'   => $this->links->contact_page(),
				'label' => __( 'Ask a new question', 'aftercare' ),
			),
			__( 'You have not contacted support yet.', 'aftercare' ),
			array(
				'class'   => 'aftercare-tickets-table',
				'caption' => __( 'Your support requests', 'aftercare' ),
				'columns' => array( __( 'Request', 'aftercare' ), __( 'Subject', 'aftercare' ), __( 'Status', 'aftercare' ), __( 'Last update', 'aftercare' ) ),
			),
			$rows
		);
	}
}
