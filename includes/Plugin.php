<?php
/**
 * Composition root: one module per domain builds its services from the modules before it; the
 * plugin registers what they return, and installs the tables they own.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare;

use Aftercare\Admin\AdminModule;
use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\Cli\WpCliOutput;
use Aftercare\Feedback\FeedbackModule;
use Aftercare\Feedback\FeedbackService;
use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Articles;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\HelpCenterModule;
use Aftercare\Infrastructure\Capabilities;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Conditional;
use Aftercare\Infrastructure\Database\Installer;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Infrastructure\Registrable;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Mail\Inbox;
use Aftercare\Mail\MailModule;
use Aftercare\Notifications\NotificationsModule;
use Aftercare\OrderActions\OrderActionsModule;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\OrdersModule;
use Aftercare\Privacy\PrivacyModule;
use Aftercare\Reports\ReportsModule;
use Aftercare\Rest\AbstractController;
use Aftercare\Returns\ReturnService;
use Aftercare\Returns\ReturnsModule;
use Aftercare\Settings\SettingsModule;
use Aftercare\Storefront\StorefrontModule;
use Aftercare\Tickets\TicketService;
use Aftercare\Tickets\TicketsModule;

final class Plugin {

	private static ?self $instance = null;

	private bool $booted = false;

	/** Schema, capabilities and migrations of every module's tables. */
	public readonly Installer $installer;

	/** Roles and capabilities (uninstall removes them). */
	public readonly Capabilities $capabilities;

	/** @var AbstractController[] Every REST resource (the schema export reads them). */
	public readonly array $controllers;

	/** The order port (null without WooCommerce or another source). */
	public readonly ?OrderSource $orders;

	/** The unit-of-work helper every ticket write goes through (tests mark their own transaction open on it). */
	public readonly Transaction $transaction;

	/** Tickets: the one service that changes them (for server-rendered screens and tests). */
	public readonly TicketService $tickets;

	/** Return requests (null without an order source). */
	public readonly ?ReturnService $returns;

	/** Customers' answers to the mailed CSAT and CES questions (tests and the demo record them through it). */
	public readonly FeedbackService $feedback;

	/** The support reports: the rollup's rebuild and CSV export (WP-CLI calls them). */
	public readonly ReportsModule $reports;

	/** Help-center search and its log (the demo seeds a store's search history through it). */
	public readonly Articles $articles;

	/** Votes on help articles. */
	public readonly ArticleVotes $votes;

	/** Which help-center visitors went on to open a ticket. */
	public readonly Deflection $deflection;

	/** Where received mail goes in (the webhooks and the IMAP poller hand raw messages to it). */
	public readonly Inbox $inbox;

	/** @var Registrable[] Everything that adds hooks, in the order it adds them. */
	private array $services;

	/** @var Module[] The domains, in dependency order (asked for their WP-CLI commands). */
	private array $modules;

	private function __construct( \wpdb $wpdb, Clock $clock ) {
		// In dependency order: each module is built from the ones before it, and registers in this order.
		$shared        = new InfrastructureModule( $wpdb, $clock );
		$settings      = new SettingsModule( $shared );
		$storefront    = new StorefrontModule();
		$help          = new HelpCenterModule( $shared );
		$orders        = new OrdersModule( $shared );
		$tickets       = new TicketsModule( $shared, $help, $orders );
		$returns       = new ReturnsModule( $shared, $orders, $tickets );
		$actions       = new OrderActionsModule( $shared, $orders, $tickets, $returns );
		$feedback      = new FeedbackModule( $shared, $tickets, $returns );
		$reports       = new ReportsModule( $shared, $tickets, $returns );
		$notifications = new NotificationsModule( $shared, $orders, $tickets, $returns, $feedback );
		$mail          = new MailModule( $shared, $tickets, $notifications );
		$privacy       = new PrivacyModule( $shared, $help, $orders, $tickets, $returns, $notifications, $mail );
		$admin         = new AdminModule( $shared, $orders, $tickets, $returns, $mail );
		$modules       = array(
			$shared,
			$settings,
			$storefront,
			$help,
			$orders,
			$tickets,
			$returns,
			$actions,
			$feedback,
			$reports,
			$notifications,
			$mail,
			$privacy,
			$admin,
		);

		$tables     = array();
		$migrations = array();
		$services   = array();
		foreach ( $modules as $module ) {
			$tables     = array( ...$tables, ...$module->tables() );
			$migrations = array( ...$migrations, ...$module->migrations() );
			$services   = array( ...$services, ...$module->services() );
		}
		// The installer registers first: its init hook brings the tables up to date before anything reads them.
		$this->installer    = new Installer( $wpdb, $tables, $migrations, $shared->capabilities, $shared->lock );
		$this->services     = array( $this->installer, ...$services );
		$this->modules      = $modules;
		$this->controllers  = array_values( array_filter( $services, static fn( Registrable $it ): bool => $it instanceof AbstractController ) );
		$this->capabilities = $shared->capabilities;
		$this->orders       = $orders->source;
		$this->transaction  = $shared->transaction;
		$this->tickets      = $tickets->service;
		$this->returns      = $returns->service;
		$this->feedback     = $feedback->service;
		$this->reports      = $reports;
		$this->articles     = $help->articles;
		$this->votes        = $help->votes;
		$this->deflection   = $help->deflection;
		$this->inbox        = $mail->inbox;
	}

	/**
	 * The service of a class among those that add hooks (tests reach server-rendered pieces through it).
	 *
	 * @template T of object
	 * @param class-string<T> $class The class.
	 * @return T|null
	 */
	public function service( string $class ): ?object {
		foreach ( $this->services as $service ) {
			if ( $service instanceof $class ) {
				return $service;
			}
		}
		return null;
	}

	/**
	 * Every domain's WP-CLI commands by name, writing to $output. Built only under WP-CLI (and by tests).
	 *
	 * @return array<string, Command>
	 */
	public function commands( Output $output ): array {
		$commands = array();
		foreach ( $this->modules as $module ) {
			$commands += $module->commands( $output );
		}
		return $commands;
	}

	public static function instance(): self {
		global $wpdb;
		return self::$instance ??= new self( $wpdb, new SystemClock() );
	}

	/**
	 * A second, unregistered set of services that reads the time from $clock: `npm start`'s demo
	 * seeds a store's past through the same services (timelines, SLA due times, analytics days).
	 */
	public static function at( Clock $clock ): self {
		global $wpdb;
		return new self( $wpdb, $clock );
	}

	public static function boot(): void {
		self::instance()->register();
	}

	public static function activate( bool $network_wide = false ): void {
		self::instance()->installer->activate( $network_wide );
	}

	/**
	 * Deactivation keeps data and roles (uninstall decides about those) and stops scheduled work.
	 */
	public static function deactivate(): void {
		foreach ( _get_cron_array() as $events ) {
			foreach ( array_keys( $events ) as $hook ) {
				if ( str_starts_with( (string) $hook, 'aftercare_' ) ) {
					wp_unschedule_hook( (string) $hook );
				}
			}
		}
	}

	private function register(): void {
		if ( $this->booted ) {
			return;
		}
		$this->booted = true;
		add_action( 'init', static fn() => load_plugin_textdomain( 'aftercare', false, dirname( plugin_basename( AFTERCARE_FILE ) ) . '/languages' ), 0 );
		foreach ( $this->services as $service ) {
			if ( ! $service instanceof Conditional || $service->can_register() ) {
				$service->register();
			}
		}
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			foreach ( $this->commands( new WpCliOutput() ) as $name => $command ) {
				\WP_CLI::add_command( $name, $command );
			}
		}
	}
}
