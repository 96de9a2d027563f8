<?php
/**
 * The "Support" menu (under WooCommerce, or top level without it) and the mount node of each
 * screen of the admin app. Scripts load only on these screens.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Admin;

use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\Database\Installer;
use Aftercare\Mail\Outcome;
use Aftercare\Mail\ReceivedMailRepository;
use Aftercare\Orders\OrderSource;
use Aftercare\Returns\Policy;
use Aftercare\Settings\Settings;
use Aftercare\Tickets\AtRiskCount;
use Aftercare\Tickets\AttachmentStore;

final class AdminScreens implements Conditional {

	/** @var array<string, string> Hook suffix → screen name, filled as the pages are added. */
	private array $hooks = array();

	public function __construct(
		private Assets $assets,
		private Settings $settings,
		private ?OrderSource $orders = null,
		private ?Policy $policy = null,
		private ?ReceivedMailRepository $received = null,
		private ?AtRiskCount $at_risk = null
	) {}

	public function can_register(): bool {
		return is_admin();
	}

	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_pages' ), 60 );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_action( 'admin_notices', array( $this, 'install_error_notice' ) );
	}

	/**
	 * Screens of the app: page slug → title, capability, screen name and REST paths to preload.
	 *
	 * @return array<string, array{title: string, capability: string, screen: string, preload: array<int, string|string[]>}>
	 */
	private function screens(): array {
		$screens = array(
			'aftercare'               => array(
				'title'      => __( 'Support', 'aftercare' ),
				'capability' => 'read_aftercare_tickets',
				'screen'     => 'desk',
				'preload'    => array( '/aftercare/v1/tickets/counts' ),
			),
			'aftercare-saved-replies' => array(
				'title'      => __( 'Saved replies', 'aftercare' ),
				'capability' => 'edit_aftercare_tickets',
				'screen'     => 'saved-replies',
				'preload'    => array( '/aftercare/v1/saved-replies?context=edit&per_page=100' ),
			),
			'aftercare-settings'      => array(
				'title'      => __( 'Support settings', 'aftercare' ),
				'capability' => 'manage_aftercare',
				'screen'     => 'settings',
				// The values and the schema the form is drawn from (OPTIONS).
				'preload'    => array( '/aftercare/v1/settings?context=edit', array( '/aftercare/v1/settings', 'OPTIONS' ) ),
			),
			'aftercare-received-mail' => array(
				'title'      => __( 'Received mail', 'aftercare' ),
				'capability' => 'manage_aftercare',
				'screen'     => 'received-mail',
				// The log's first page as src/mail/url-state.ts asks for it, and the status (the count needing attention).
				'preload'    => array( '/aftercare/v1/mail/received?page=1&per_page=20', '/aftercare/v1/mail/status' ),
			),
			'aftercare-help-center' => array(
				'title'      => __( 'Help center', 'aftercare' ),
				'capability' => 'view_aftercare_reports',
				'screen'     => 'help-center',
				'preload'    => array( '/aftercare/v1/help/reports?days=30' ),
			),
			'aftercare-reports'     => array(
				'title'      => __( 'Reports', 'aftercare' ),
				'capability' => 'view_aftercare_reports',
				'screen'     => 'reports',
				'preload'    => self::reports_preload(),
			),
		);
		// Returns need orders (WooCommerce, or the test environment's source): no page without them.
		if ( $this->orders ) {
			$screens['aftercare-returns'] = array(
				'title'      => __( 'Returns', 'aftercare' ),
				'capability' => 'read_aftercare_returns',
				'screen'     => 'returns',
				// The queue's first page as src/returns/url-state.ts asks for it, and the counts.
				'preload'    => array( '/aftercare/v1/returns?context=edit&orderby=updated&order=desc&page=1&per_page=20', '/aftercare/v1/returns/counts' ),
			);
		}
		return $screens;
	}

	/**
	 * The requests the reports screen opens with (src/reports/period.ts: the last 30 days, compared;
	 * arguments sorted, as apiFetch's preloading matches them).
	 *
	 * @return string[]
	 */
	private static function reports_preload(): array {
		$today = new \DateTimeImmutable( 'today', wp_timezone() );
		$range = sprintf( 'from=%s&to=%s', $today->modify( '-29 days' )->format( 'Y-m-d' ), $today->format( 'Y-m-d' ) );
		return array(
			'/aftercare/v1/reports/summary?compare=true&' . $range,
			'/aftercare/v1/reports/trend?' . $range,
			'/aftercare/v1/reports/breakdown?compare=true&' . str_replace( '&to=', '&group=agent&to=', $range ),
		);
	}

	public function add_pages(): void {
		$parent = class_exists( 'WooCommerce' ) ? 'woocommerce' : null;
		foreach ( $this->screens() as $slug => $screen ) {
			$render = fn() => $this->render( $screen['screen'] );
			$menu   = $this->menu_title( $slug, $screen['title'], $screen['capability'] );
			if ( null === $parent ) {
				$hook   = add_menu_page( $screen['title'], $menu, $screen['capability'], $slug, $render, 'dashicons-sos', 56 );
				$parent = $slug;
				// The menu's first entry is the queue.
				add_submenu_page( $slug, $screen['title'], __( 'Tickets', 'aftercare' ), $screen['capability'], $slug, $render );
			} else {
				$hook = add_submenu_page( $parent, $screen['title'], $menu, $screen['capability'], $slug, $render );
			}
			if ( $hook ) {
				$this->hooks[ $hook ] = $slug;
			}
		}
	}

	/**
	 * The menu title, with WordPress's count bubble for the people who see the entry: on the
	 * queue, the tickets at risk or breached (a kept count, no query); on received mail, the mails
	 * needing attention (one indexed count).
	 */
	private function menu_title( string $slug, string $title, string $capability ): string {
		if ( ! current_user_can( $capability ) ) {
			return $title;
		}
		if ( 'aftercare' === $slug && $this->at_risk ) {
			$count = $this->at_risk->get();
			/* translators: %d: number of tickets at risk or breached. */
			$label = _n( '%d ticket at risk or overdue', '%d tickets at risk or overdue', $count, 'aftercare' );
		} elseif ( 'aftercare-received-mail' === $slug && $this->received ) {
			$count = $this->received->count( Outcome::NeedsAttention );
			/* translators: %d: number of received mails needing attention. */
			$label = _n( '%d needs attention', '%d need attention', $count, 'aftercare' );
		} else {
			return $title;
		}
		if ( $count < 1 ) {
			return $title;
		}
		return sprintf(
			'%1$s <span class="awaiting-mod count-%2$d"><span class="pending-count" aria-hidden="true">%2$d</span><span class="screen-reader-text">%3$s</span></span>',
			esc_html( $title ),
			$count,
			esc_html( sprintf( $label, $count ) )
		);
	}

	public function enqueue( string $hook_suffix ): void {
		$slug = $this->hooks[ $hook_suffix ] ?? null;
		if ( null === $slug ) {
			return;
		}
		if ( $this->assets->enqueue( 'admin' ) ) {
			$this->assets->preload( $this->screens()[ $slug ]['preload'] );
			// wpApiSettings: the REST root for the one request apiFetch cannot make (uploads with progress).
			wp_enqueue_script( 'wp-api-request' );
			wp_add_inline_script( 'aftercare-admin', 'window.aftercareAdmin = ' . wp_json_encode( $this->app_data(), JSON_HEX_TAG | JSON_HEX_AMP ) . ';', 'before' );
			return;
		}
		add_action(
			'admin_notices',
			static fn() => printf(
				'<div class="notice notice-error"><p>%s</p></div>',
				esc_html__( 'Aftercare\'s screens are not built. Run “npm run build” in the plugin folder.', 'aftercare' )
			)
		);
	}

	// phpcs:disable Generic.Files.LineLength.TooLong -- one type or sentence.
	/**
	 * What the app needs besides REST: the agents tickets can be assigned to, the current user,
	 * the order a new ticket starts from (`&new=1&order_id=…`, from the order screen), and the
	 * store's return reasons (the returns queue filters by them; agents cannot read settings), the
	 * file types attachments may have, and for the settings screen the store's time zone and
	 * whether WooCommerce (its product search) is there; for the reports, the store's calendar day
	 * (where periods end) and whether the user may rebuild the figures.
	 *
	 * @return array{agents: array<int, array{id: int, name: string}>, currentUser: int, orderEditUrl: ?string, order: array<string, int|string>|null, returnReasons: array<int, array{key: string, label: string}>, attachmentAccept: string, timezone: array{name: string, settingsUrl: string}, wooCommerce: bool, today: string, canManage: bool}
	 */
	// phpcs:enable Generic.Files.LineLength.TooLong
	private function app_data(): array {
		$agents = get_users(
			array(
				'capability' => 'edit_aftercare_tickets',
				'fields'     => array( 'ID', 'display_name' ),
				'orderby'    => 'display_name',
				'number'     => 200,
			)
		);
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- reading which order to prefill, no state change.
		$order_id = isset( $_GET['order_id'] ) ? absint( $_GET['order_id'] ) : 0;
		$order    = $order_id && $this->orders && current_user_can( 'edit_aftercare_tickets' ) ? $this->orders->find( $order_id ) : null;
		return array(
			'agents'       => array_map(
				static fn( object $user ): array => array(
					'id'   => (int) $user->ID,
					'name' => (string) $user->display_name,
				),
				$agents
			),
			'currentUser'  => get_current_user_id(),
			'orderEditUrl' => self::order_edit_url(),
			'order'        => $order ? array(
				'id'             => $order->id,
				'number'         => $order->number,
				'customer_id'    => $order->customer_id,
				'customer_name'  => $order->billing_name,
				'customer_email' => $order->billing_email,
			) : null,
			'returnReasons' => $this->policy && current_user_can( 'read_aftercare_returns' ) ? array_map(
				static fn( string $key, array $reason ): array => array(
					'key'   => $key,
					'label' => $reason['label'],
				),
				array_keys( $this->policy->all_reasons() ),
				$this->policy->all_reasons()
			) : array(),
			'attachmentAccept' => AttachmentStore::accept_attribute( AttachmentStore::allowed( $this->settings ) ),
			'timezone'         => array(
				'name'        => wp_timezone_string(),
				'settingsUrl' => admin_url( 'options-general.php#timezone_string' ),
			),
			'wooCommerce'      => class_exists( 'WooCommerce' ),
			'today'            => wp_date( 'Y-m-d' ),
			'canManage'        => current_user_can( 'manage_aftercare' ),
		);
	}

	/** WooCommerce's order edit screen (HPOS or posts) with `%d` for the id, or null without WooCommerce. */
	private static function order_edit_url(): ?string {
		if ( ! class_exists( 'WooCommerce' ) ) {
			return null;
		}
		$hpos = class_exists( \Automattic\WooCommerce\Utilities\OrderUtil::class )
			&& \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
		return $hpos ? admin_url( 'admin.php?page=wc-orders&action=edit&id=%d' ) : admin_url( 'post.php?post=%d&action=edit' );
	}

	private function render( string $screen ): void {
		printf( '<div class="wrap"><div id="aftercare-admin-app" data-screen="%s">', esc_attr( $screen ) );
		// Shown until the app mounts, and instead of it when the build is missing.
		printf( '<p class="aftercare-admin-app__loading">%s</p>', esc_html__( 'Loading…', 'aftercare' ) );
		echo '</div></div>';
	}

	public function install_error_notice(): void {
		$error = get_option( Installer::ERROR_OPTION );
		if ( $error && current_user_can( 'manage_aftercare' ) ) {
			printf(
				'<div class="notice notice-error"><p>%s</p><p><code>%s</code></p></div>',
				esc_html__( 'Aftercare could not finish setting up its database tables. It will try again on the next admin page load. The database said:', 'aftercare' ),
				esc_html( (string) $error )
			);
		}
	}
}
