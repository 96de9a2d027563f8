<?php
/**
 * The signed link a guest's lookup gives: its order only, for a day, not forgeable.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Orders;

use Aftercare\Orders\TimelineToken;
use Aftercare\Tests\FixedClock;
use Aftercare\Tests\TestCase;

final class TimelineTokenTest extends TestCase {

	public function test_a_token_opens_its_order_for_a_day_and_nothing_else(): void {
		$clock  = new FixedClock();
		$tokens = new TimelineToken( $clock );
		$token  = $tokens->issue( 42 );

		$this->assertLessThanOrEqual( 64, strlen( $token ), 'fits the token argument' );
		$this->assertTrue( $tokens->verify( 42, $token ) );
		$this->assertFalse( $tokens->verify( 43, $token ), 'another order' );
		$this->assertFalse( $tokens->verify( 42, '' ) );
		$later = str_replace( (string) ( $clock->time + TimelineToken::TTL ), (string) ( $clock->time + 10 * TimelineToken::TTL ), $token );
		$this->assertFalse( $tokens->verify( 42, $later ), 'a later expiry is not signed' );

		$clock->time += TimelineToken::TTL - 1;
		$this->assertTrue( $tokens->verify( 42, $token ) );
		$clock->time += 1;
		$this->assertFalse( $tokens->verify( 42, $token ), 'expired' );
	}
}
