<?php
/**
 * CachePolicy: every aftercare/v1 answer carries WordPress's no-cache headers, whoever asks and
 * whatever the answer (a token read of a guest's thread, a refusal, an invalid argument); a
 * guest's help search is the one public answer; other namespaces are left alone.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Http;

use Aftercare\HelpCenter\ArticleType;
use Aftercare\Http\GuestToken;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;

final class CachePolicyTest extends TicketRestTestCase {

	private function assertPrivate( \WP_REST_Response $response, string $what ): void {
		$nocache = wp_get_nocache_headers();
		$this->assertSame( $nocache['Cache-Control'], $response->get_headers()['Cache-Control'] ?? null, $what );
		$this->assertSame( $nocache['Expires'], $response->get_headers()['Expires'] ?? null, $what );
	}

	public function test_a_guests_thread_read_with_its_token_is_never_cached(): void {
		$ticket = $this->guest_ticket();
		$token  = (string) $ticket['access_token'];
		$path   = '/aftercare/v1/tickets/' . $ticket['id'];

		$read = $this->as_guest( 'GET', $path, $token );
		$this->assertSame( 200, $read->get_status() );
		$this->assertPrivate( $read, 'the ticket, token in the header' );
		$messages = $this->rest( 'GET', $path . '/messages', array( GuestToken::PARAM => $token ) );
		$this->assertSame( 200, $messages->get_status() );
		$this->assertPrivate( $messages, 'the thread, token as a parameter' );
		$this->assertPrivate( $this->as_guest( 'GET', $path, 'not-the-token' ), 'a refusal' );
	}

	public function test_every_answer_is_private_whoever_asks_and_however_it_ends(): void {
		$this->assertPrivate(
			$this->rest( 'POST', '/aftercare/v1/tickets', array( 'subject' => 'Hi', 'message' => 'Hello', 'name' => 'G', 'email' => 'g@example.test' ) ),
			'a guest creating'
		);
		$this->assertPrivate( $this->rest( 'GET', '/aftercare/v1/tickets', array(), $this->agent->ID ), 'the queue' );
		$this->assertPrivate( $this->rest( 'GET', '/aftercare/v1/settings', array(), $this->admin->ID ), 'settings' );
		$this->assertPrivate( $this->rest( 'GET', '/aftercare/v1/tickets', array( 'per_page' => 'many' ), $this->agent->ID ), 'an invalid argument' );
		$this->assertPrivate( $this->rest( 'POST', '/aftercare/v1/help/visitor' ), 'a visitor id' );
		$this->assertPrivate( $this->rest( 'GET', '/aftercare/v1' ), 'the namespace index' );
	}

	public function test_a_guests_help_search_is_the_one_answer_a_cache_may_keep(): void {
		$this->assertIsInt(
			wp_insert_post(
				array(
					'post_type'   => ArticleType::POST_TYPE,
					'post_status' => 'publish',
					'post_title'  => 'How do I return an item?',
				),
				true
			)
		);
		$guest = $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'return' ) );
		$this->assertSame( 'How do I return an item?', $guest->get_data()[0]['title'] ?? null );
		$this->assertSame( 'public, max-age=300', $guest->get_headers()['Cache-Control'] ?? null );
		$this->assertArrayNotHasKey( 'Expires', $guest->get_headers() );
		$this->assertPrivate( $this->rest( 'GET', '/aftercare/v1/help/search', array( 'q' => 'return' ), $this->customer_a->ID ), 'a signed-in search' );
	}

	public function test_other_namespaces_are_left_alone(): void {
		$response = $this->rest( 'GET', '/wp/v2/types' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertArrayNotHasKey( 'Cache-Control', $response->get_headers() );
	}
}
