<?php
/**
 * Composition root: every service is built here, by hand, and told to register its hooks.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare;

use Aftercare\Admin\AdminScreens;
use Aftercare\Admin\OrderTicketAction;
use Aftercare\HelpCenter\ArticleType;
use Aftercare\HelpCenter\ArticleVotes;
use Aftercare\HelpCenter\Articles;
use Aftercare\HelpCenter\Deflection;
use Aftercare\HelpCenter\Reports;
use Aftercare\HelpCenter\Rest\HelpEventsController;
use Aftercare\HelpCenter\Rest\HelpFeedbackController;
use Aftercare\HelpCenter\Rest\HelpReportsController;
use Aftercare\HelpCenter\Rest\HelpReportsSchema;
use Aftercare\HelpCenter\Rest\HelpSearchController;
use Aftercare\HelpCenter\Rest\HelpSearchSchema;
use Aftercare\HelpCenter\Rest\HelpVisitorController;
use Aftercare\HelpCenter\SearchIndex;
use Aftercare\HelpCenter\SearchLog;
use Aftercare\HelpCenter\Searcher;
use Aftercare\HelpCenter\Storefront\HelpBlocks;
use Aftercare\HelpCenter\Synonyms;
use Aftercare\HelpCenter\Tokenizer;
use Aftercare\HelpCenter\Visitors;
use Aftercare\Infrastructure\AccessTokens;
use Aftercare\Infrastructure\Assets;
use Aftercare\Infrastructure\Capabilities;
use Aftercare\Infrastructure\ClientAddress;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Installer;
use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Infrastructure\SystemClock;
use Aftercare\Notifications\EmailTemplate;
use Aftercare\Notifications\Notifier;
use Aftercare\Notifications\Outbox;
use Aftercare\Notifications\ReturnMails;
use Aftercare\Notifications\WooCommerceMailer;
use Aftercare\Notifications\WpMailer;
use Aftercare\Orders\Carriers;
use Aftercare\Orders\OrderLookup;
use Aftercare\Orders\OrderSource;
use Aftercare\Orders\OrderView;
use Aftercare\Orders\Rest\OrderStatusController;
use Aftercare\Orders\Rest\OrderStatusSchema;
use Aftercare\Orders\Storefront\OrderStatusBlock;
use Aftercare\Orders\TrackingMetaBox;
use Aftercare\Orders\TrackingReader;
use Aftercare\Orders\WooCommerceOrderSource;
use Aftercare\Privacy\PersonalData;
use Aftercare\Privacy\Retention;
use Aftercare\Returns\Eligibility;
use Aftercare\Returns\NotReturnableField;
use Aftercare\Returns\OpenReturns;
use Aftercare\Returns\Policy;
use Aftercare\Returns\Rest\ReturnCheckController;
use Aftercare\Returns\Rest\ReturnCountsController;
use Aftercare\Returns\Rest\ReturnEligibilityController;
use Aftercare\Returns\Rest\ReturnEligibilitySchema;
use Aftercare\Returns\Rest\ReturnMessagesController;
use Aftercare\Returns\Rest\ReturnSchema;
use Aftercare\Returns\Rest\ReturnsController;
use Aftercare\Returns\ReturnAccess;
use Aftercare\Returns\ReturnItemRepository;
use Aftercare\Returns\ReturnRepository;
use Aftercare\Returns\ReturnService;
use Aftercare\Returns\Storefront\ReturnReply;
use Aftercare\Returns\Storefront\ReturnStatusPage;
use Aftercare\Returns\Storefront\ReturnsBlock;
use Aftercare\Returns\Storefront\ReturnsEndpoint;
use Aftercare\Returns\Storefront\ReturnWizard;
use Aftercare\Settings\Rest\SettingsController;
use Aftercare\Settings\Rest\SettingsSchema;
use Aftercare\Settings\Settings;
use Aftercare\Storefront\BlockRegistry;
use Aftercare\Tickets\AttachmentLinks;
use Aftercare\Tickets\AttachmentStore;
use Aftercare\Tickets\AttachmentsHealth;
use Aftercare\Tickets\CustomerContext;
use Aftercare\Tickets\EventLog;
use Aftercare\Tickets\Links;
use Aftercare\Tickets\MessageRepository;
use Aftercare\Tickets\Presence;
use Aftercare\Tickets\Rest\AttachmentSchema;
use Aftercare\Tickets\Rest\AttachmentsController;
use Aftercare\Tickets\Rest\EventSchema;
use Aftercare\Tickets\Rest\EventsController;
use Aftercare\Tickets\Rest\MessageSchema;
use Aftercare\Tickets\Rest\MessageThread;
use Aftercare\Tickets\Rest\MessagesController;
use Aftercare\Tickets\Rest\SavedRepliesController;
use Aftercare\Tickets\Rest\SavedReplySchema;
use Aftercare\Tickets\Rest\TicketContextController;
use Aftercare\Tickets\Rest\TicketCountsController;
use Aftercare\Tickets\Rest\TicketPresenceController;
use Aftercare\Tickets\Rest\TicketQuery;
use Aftercare\Tickets\Rest\TicketSchema;
use Aftercare\Tickets\Rest\TicketsController;
use Aftercare\Tickets\SavedReplyRenderer;
use Aftercare\Tickets\SavedReplyRepository;
use Aftercare\Tickets\Sla;
use Aftercare\Tickets\SlaMonitor;
use Aftercare\Tickets\Storefront\ContactBlock;
use Aftercare\Tickets\Storefront\CustomerThreads;
use Aftercare\Tickets\Storefront\SupportEndpoint;
use Aftercare\Tickets\TagRepository;
use Aftercare\Tickets\TicketAccess;
use Aftercare\Tickets\TicketRepository;
use Aftercare\Tickets\TicketService;
use Aftercare\Tickets\TicketTerms;

final class Plugin {

	private static ?self $instance = null;

	private bool $booted = false;

	/** The unit-of-work helper every ticket write goes through (tests mark their own transaction open on it). */
	public readonly Transaction $transaction;

	/** Tickets: the one service that changes them (for server-rendered screens and tests). */
	public readonly TicketService $tickets;

	/** Return requests (null without an order source). */
	public readonly ?ReturnService $returns;

	/** Help-center search and its log (the demo seeds a store's search history through it). */
	public readonly Articles $articles;

	/** Votes on help articles. */
	public readonly ArticleVotes $votes;

	/** Which help-center visitors went on to open a ticket. */
	public readonly Deflection $deflection;

	/**
	 * @param Installer                           $installer   Schema, capabilities and migrations.
	 * @param Capabilities                        $capabilities Roles and capabilities.
	 * @param Rest\AbstractController[]            $controllers Every REST resource.
	 * @param object[]                            $services    Everything else that adds hooks.
	 * @param OrderSource|null                    $orders      The order port (null without WooCommerce or another source).
	 */
	private function __construct(
		public readonly Installer $installer,
		public readonly Capabilities $capabilities,
		public readonly array $controllers,
		private array $services,
		public readonly ?OrderSource $orders = null
	) {}

	public static function instance(): self {
		return self::$instance ??= self::compose( new SystemClock() );
	}

	/**
	 * A second, unregistered set of services that reads the time from $clock: `npm start`'s demo
	 * seeds a store's past through the same services (timelines, SLA due times, analytics days).
	 */
	public static function at( Clock $clock ): self {
		return self::compose( $clock );
	}

	private static function compose( Clock $clock ): self {
		global $wpdb;
		$capabilities = new Capabilities();
		$settings     = new Settings();
		$limiter      = new RateLimiter( $wpdb, $clock );
		$client       = new ClientAddress( $settings );
		$lock         = new Lock( $wpdb, $clock );

		// Help center: articles, their search index, the search log, votes and deflection.
		$tokenizer    = new Tokenizer();
		$index        = new SearchIndex( $wpdb, $tokenizer, $clock );
		$search_log   = new SearchLog( $wpdb, $clock );
		$votes        = new ArticleVotes( $wpdb, $clock );
		$visitors     = new Visitors();
		$deflection   = new Deflection( $wpdb, $clock, $visitors, $search_log );
		$searcher     = new Searcher( $wpdb, $index, $tokenizer, new Synonyms( $settings, $tokenizer ) );
		$articles     = new Articles( $searcher, $tokenizer, $search_log, $visitors, $clock );
		$article_type = new ArticleType( $settings, $index );

		// Tickets: storage, SLA clock and access; the service is built once the order source is known.
		$transaction   = new Transaction( $wpdb );
		$tokens        = new AccessTokens( $wpdb, $clock );
		$ticket_tags   = new TagRepository( $wpdb );
		$message_repo  = new MessageRepository( $wpdb );
		$ticket_terms  = new TicketTerms( $wpdb, $tokenizer );
		$ticket_repo   = new TicketRepository( $wpdb, $ticket_tags, $ticket_terms, $message_repo );
		$events        = new EventLog( $wpdb, $clock );
		$attachments   = new AttachmentStore( $wpdb, $settings, $clock, $limiter, $client );
		$saved_replies = new SavedReplyRepository( $wpdb, $clock );
		$presence      = new Presence( $wpdb, $clock );
		$ticket_access = new TicketAccess( $ticket_repo, $tokens, $clock );
		$links         = new Links( $settings );
		$ticket_tables = array( $ticket_repo, $ticket_terms, $ticket_tags, $message_repo, $events, $attachments, $saved_replies, $presence, $tokens );

		$outbox        = new Outbox( $wpdb, $clock );

		// Returns: requests and their lines (the conversation is a ticket thread).
		$return_items = new ReturnItemRepository( $wpdb );
		$return_repo  = new ReturnRepository( $wpdb, $return_items );
		$return_access = new ReturnAccess( $return_repo, $tokens, $settings );

		$tables     = array( $limiter, ...$ticket_tables, $outbox, $return_repo, $return_items, ...$index->tables(), $search_log, $votes, $deflection );
		$migrations = array(
			'help_index_articles' => array( $index, 'reindex_batch' ),
			'help_flush_rewrites' => array( ArticleType::class, 'request_flush' ),
			'ticket_terms_index'  => array( $ticket_repo, 'reindex_batch' ),
			'ticket_search_text'  => array( $ticket_repo, 'drop_search_text' ),
			'ticket_email_verified' => array( $ticket_repo, 'backfill_email_verified' ),
		);
		$installer  = new Installer( $wpdb, $tables, $migrations, $capabilities, $lock );

		// Orders: WooCommerce when active, else whatever the environment registers (null = order features off).
		$carriers     = new Carriers();
		$orders       = class_exists( 'WooCommerce' ) ? new WooCommerceOrderSource( new TrackingReader( $carriers ) ) : apply_filters( 'aftercare_order_source', null );
		$orders       = $orders instanceof OrderSource ? $orders : null;
		$sla          = new Sla( $settings, $clock );
		$order_lookup = $orders ? new OrderLookup( $orders, $limiter, $settings, $client, $clock ) : null;
		$tickets      = new TicketService( $ticket_repo, $message_repo, $events, $attachments, $tokens, $sla, $transaction, $clock, $orders, $order_lookup );
		$policy       = new Policy( $settings );
		$returns      = $orders ? new ReturnService( $return_repo, new Eligibility( $policy, $return_items, $clock ), $policy, $tickets, $events, $transaction, $lock, $clock, $orders ) : null;
		$sla_monitor  = new SlaMonitor( $ticket_repo, $events, $sla, $transaction, $clock );
		// A ticket's thread and a return's (its ticket's) share one message resource over REST.
		$file_schema  = new AttachmentSchema( new AttachmentLinks( $clock ) );
		$thread       = new MessageThread( $message_repo, $attachments, $limiter, new MessageSchema( $file_schema ), $client );
		$ticket_rest  = array(
			new TicketsController( $tickets, $ticket_repo, $ticket_access, $links, $limiter, new TicketSchema( $sla ), new TicketQuery(), $client ),
			new TicketCountsController( $ticket_repo ),
			new MessagesController( $tickets, $ticket_access, $thread ),
			new EventsController( $events, new EventSchema() ),
			new AttachmentsController( $attachments, $message_repo, $ticket_access, $file_schema, new AttachmentLinks( $clock ) ),
			new SavedRepliesController( $saved_replies, new SavedReplyRenderer( $orders ), $tickets, new SavedReplySchema() ),
			new TicketContextController( new CustomerContext( $ticket_repo, $orders ), $tickets ),
			new TicketPresenceController( $presence, $tickets ),
		);
		// Shopper side (contact block, guest threads, My Account), notifications and privacy.
		$threads      = new CustomerThreads( $settings );
		$mail         = new EmailTemplate();
		$notifier     = new Notifier( $outbox, class_exists( 'WooCommerce' ) ? new WooCommerceMailer( $mail ) : new WpMailer( $mail ), $ticket_repo, $message_repo, $tokens, $links, $settings, $clock, new ReturnMails( $return_repo, $return_access, $policy, $tokens, $orders ) );
		$shop         = array(
			new ContactBlock( $threads, $links, $tokens, $orders ),
			new SupportEndpoint( $threads, $links ),
			$notifier,
			new PersonalData( $wpdb, $ticket_repo, $message_repo, $attachments, $events, $tokens, $outbox, $return_repo, $search_log, $votes, $deflection, $orders ),
			new Retention( $wpdb, $settings, $ticket_repo, $return_repo, $attachments, $outbox, $notifier, $clock, $search_log, $votes, $deflection ),
		);
		$order_view   = new OrderView( $settings );
		$return_rest   = array(
			new ReturnsController( $returns, $order_lookup, $return_repo, $return_access, $message_repo, $attachments, $limiter, new ReturnSchema( $policy, $file_schema ), $client ),
			new ReturnCountsController( $return_repo ),
			new ReturnEligibilityController( $returns, $order_lookup, new ReturnEligibilitySchema( $policy ) ),
			new ReturnCheckController( $returns, $order_lookup ),
			new ReturnMessagesController( $returns, $return_access, $thread ),
		);
		// Shopper side of returns: the portal block, its status page, My Account → Returns.
		$return_page = new ReturnStatusPage( $returns, $threads );
		$return_shop = array(
			new ReturnsBlock( $returns, new ReturnWizard( $order_lookup ), new ReturnReply( $return_page ), $policy, $return_page, $threads ),
			new ReturnsEndpoint( $return_page, $settings ),
		);

		$controllers = array(
			new SettingsController( $settings, new SettingsSchema( $settings ) ),
			...$ticket_rest,
			new OrderStatusController( $order_lookup, $order_view, new OrderStatusSchema() ),
			...$return_rest,
			new HelpSearchController( $articles, $limiter, $client, new HelpSearchSchema() ),
			new HelpEventsController( $articles, $limiter, $visitors, $client ),
			new HelpFeedbackController( $articles, $votes, $limiter, $visitors, $client ),
			new HelpVisitorController( $limiter, $visitors, $client ),
			new HelpReportsController( new Reports( $clock, $search_log, $votes, $deflection ), new HelpReportsSchema() ),
		);

		$plugin = new self(
			$installer,
			$capabilities,
			$controllers,
			array(
				new AdminScreens( new Assets(), $orders, $policy ),
				new OrderTicketAction(),
				new BlockRegistry(),
				$ticket_access,
				$sla_monitor,
				$return_access,
				new NotReturnableField(),
				new OpenReturns( $return_repo ),
				new OrderStatusBlock( $order_lookup, $order_view ),
				...$return_shop,
				...$shop,
				new AttachmentsHealth( $attachments ),
				new TrackingMetaBox( $orders, $carriers ),
				$article_type,
				$deflection,
				new HelpBlocks( $articles, $settings, $visitors ),
			),
			$orders
		);
		$plugin->transaction = $transaction;
		$plugin->tickets     = $tickets;
		$plugin->returns     = $returns;
		$plugin->articles    = $articles;
		$plugin->votes       = $votes;
		$plugin->deflection  = $deflection;
		return $plugin;
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
		foreach ( array( $this->installer, $this->capabilities, ...$this->controllers, ...$this->services ) as $service ) {
			if ( ! method_exists( $service, 'can_register' ) || $service->can_register() ) {
				$service->register();
			}
		}
	}
}
