<?php
/**
 * Shared set-up of the returns tests: a store's orders (on whichever adapter the site runs),
 * the return service, photos, and row counts to prove that refused requests wrote nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns;

use Aftercare\Orders\Order;
use Aftercare\Plugin;
use Aftercare\Returns\ReturnService;
use Aftercare\Tests\Orders\OrderFactory;
use Aftercare\Tests\Orders\SampleOrder;
use Aftercare\Tests\Orders\SiteOrders;
use Aftercare\Tests\TestCase;

abstract class ReturnsTestCase extends TestCase {

	protected OrderFactory $orders;

	protected ReturnService $returns;

	/** @var array<int, array{0: string, 1: array<mixed>}> */
	protected array $fired = array();

	/** @var array<string, \Closure> */
	private array $listeners = array();

	protected function setUp(): void {
		parent::setUp();
		$this->orders = SiteOrders::factory();
		$service      = Plugin::instance()->returns;
		$this->assertInstanceOf( ReturnService::class, $service );
		$this->returns = $service;
		$this->fired   = array();
		foreach ( array( 'aftercare_return_created', 'aftercare_return_updated' ) as $hook ) {
			$this->listeners[ $hook ] = fn( ...$args ) => $this->fired[] = array( $hook, $args );
			add_action( $hook, $this->listeners[ $hook ], 10, 3 );
		}
	}

	protected function tearDown(): void {
		// Only this test's listeners: the plugin's own (the notifier) stay for the next test.
		foreach ( $this->listeners as $hook => $listener ) {
			remove_action( $hook, $listener, 10 );
		}
		parent::tearDown();
	}

	/**
	 * A completed order two days ago: 2 × Linen shirt, 1 × Canvas tote.
	 *
	 * @param array<string, mixed> $spec Overrides.
	 */
	protected function order( array $spec = array() ): Order {
		$order = $this->orders->source()->find(
			$this->orders->create(
				SampleOrder::spec(
					$spec + array(
						'email'    => 'gwen@example.test',
						'postcode' => 'SW1A 1AA',
						'name'     => 'Gwen Guest',
					)
				)
			)
		);
		$this->assertInstanceOf( Order::class, $order );
		return $order;
	}

	/**
	 * A return request for the first line (or the given lines).
	 *
	 * @param array<int, array{0: int, 1: int, 2: string}> $lines [line index, quantity, reason].
	 * @param array<string, mixed>                         $extra Other fields.
	 * @return array<string, mixed>
	 */
	protected function input( Order $order, array $lines = array( array( 0, 1, 'size' ) ), array $extra = array() ): array {
		return $extra + array(
			'items'   => array_map(
				static fn( array $line ) => array(
					'order_item_id' => $order->items[ $line[0] ]->id,
					'quantity'      => $line[1],
					'reason'        => $line[2],
				),
				$lines
			),
			'outcome' => 'refund',
			'comment' => 'Too small.',
		);
	}

	/**
	 * An uploaded file as PHP describes it.
	 *
	 * @return array<string, mixed>
	 */
	protected static function upload( string $name, string $contents ): array {
		require_once ABSPATH . 'wp-admin/includes/file.php';
		$tmp = wp_tempnam( $name );
		file_put_contents( $tmp, $contents ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		return array(
			'name'     => $name,
			'tmp_name' => $tmp,
			'size'     => strlen( $contents ),
			'error'    => UPLOAD_ERR_OK,
			'type'     => 'image/png',
		);
	}

	/** A real 1×1 PNG. */
	protected static function png(): string {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode
		return (string) base64_decode( 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==' );
	}

	/**
	 * Rows in the return, item, ticket and event tables.
	 *
	 * @return array<string, int>
	 */
	protected function rows(): array {
		global $wpdb;
		$counts = array();
		foreach ( array( 'returns', 'return_items', 'tickets', 'messages', 'attachments', 'events', 'access_tokens' ) as $table ) {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$counts[ $table ] = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}aftercare_{$table}" );
		}
		return $counts;
	}

	/**
	 * The hooks fired so far, by name.
	 *
	 * @return string[]
	 */
	protected function fired_hooks(): array {
		return array_column( $this->fired, 0 );
	}
}
