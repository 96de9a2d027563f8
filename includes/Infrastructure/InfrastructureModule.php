<?php
/**
 * What every domain shares: the database and the clock, the settings, roles and capabilities,
 * rate limits, the client's address, locks, units of work and access tokens.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

use Aftercare\Http\CachePolicy;
use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\Database\Lock;
use Aftercare\Infrastructure\Database\Transaction;
use Aftercare\Settings\Settings;

final class InfrastructureModule extends Module {

	public readonly Settings $settings;
	public readonly Capabilities $capabilities;
	public readonly RateLimiter $limiter;
	public readonly ClientAddress $client;
	public readonly Lock $lock;
	public readonly Transaction $transaction;
	public readonly AccessTokens $tokens;

	public function __construct( public readonly \wpdb $wpdb, public readonly Clock $clock ) {
		$this->settings     = new Settings();
		$this->capabilities = new Capabilities();
		$this->limiter      = new RateLimiter( $wpdb, $clock );
		$this->client       = new ClientAddress( $this->settings );
		$this->lock         = new Lock( $wpdb, $clock );
		$this->transaction  = new Transaction( $wpdb );
		$this->tokens       = new AccessTokens( $wpdb, $clock );
	}

	public function services(): array {
		return array( new CachePolicy(), $this->capabilities );
	}

	public function tables(): array {
		return array( $this->limiter, $this->tokens );
	}
}
