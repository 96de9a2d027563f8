<?php
/**
 * The settings schema drives the screen and the validation: every field says where it is shown,
 * and every refusal is a 400 in the store owner's words, with nothing saved.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Settings\Rest;

use Aftercare\Returns\Policy;
use Aftercare\Settings\Settings;
use Aftercare\Tests\TestCase;

final class SettingsValidationTest extends TestCase {

	private const SECTIONS = array( 'general', 'tickets', 'returns', 'help', 'email', 'privacy' );

	private int $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->admin = $this->user( 'administrator' )->ID;
	}

	public function test_the_schema_served_by_options_places_every_field_in_a_section(): void {
		$schema = $this->rest( 'OPTIONS', '/aftercare/v1/settings', array(), $this->admin )->get_data()['schema'];

		foreach ( ( new Settings() )->fields() as $name => $field ) {
			$ui = $schema['properties'][ $name ]['x-aftercare'] ?? null;
			$this->assertIsArray( $ui, "$name carries its screen hints" );
			$this->assertContains( $ui['section'], self::SECTIONS, "$name is in a known section" );
			$this->assertNotSame( '', trim( $ui['label'] ), "$name has a label" );
			$this->assertArrayNotHasKey( 'arg_options', $schema['properties'][ $name ], 'callbacks stay on the server' );
			if ( isset( $field['pattern'] ) || isset( $field['items']['pattern'] ) || 'object' === ( $field['items']['type'] ?? '' ) ) {
				$this->assertArrayHasKey( 'invalid', $ui, "$name has a rule no generic message can explain" );
			}
		}
		$this->assertSame(
			array( 'refund', 'store_credit', 'exchange' ),
			array_keys( $schema['properties']['return_outcomes']['x-aftercare']['options'] ),
			'every enum value has a label'
		);
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function every_field(): array {
		$names = array_keys( ( new Settings() )->fields() );
		return array_combine( $names, array_map( static fn( string $name ): array => array( $name ), $names ) );
	}

	/**
	 * @dataProvider every_field
	 */
	public function test_a_wrong_value_of_any_field_is_refused_in_words_naming_its_label( string $name ): void {
		$label    = ( new Settings() )->fields()[ $name ]['x-aftercare']['label'];
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( $name => array( 'not' => array( 'this' ) ) ), $this->admin );

		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$message = $response->get_data()['data']['params'][ $name ];
		$this->assertStringContainsString( $label, $message );
		$this->assertStringNotContainsString( $name, $message, 'no key names' );
		$this->assertFalse( get_option( Settings::OPTION ), 'nothing saved' );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function custom_rules(): array {
		$reason = static fn( string $key, bool $active = true ): array => array(
			'key'    => $key,
			'label'  => 'Label ' . $key,
			'photos' => false,
			'active' => $active,
		);
		return array(
			'window out of range'   => array( array( 'return_window_days' => 0 ), 'Return window: enter a number from 1 to 3,650.' ),
			'negative fee'          => array( array( 'return_restocking_fee' => -1 ), 'Restocking fee amount: enter a number of at least 0.' ),
			'help address'          => array( array( 'help_base' => '/Help Me/' ), 'Address of help articles: use lowercase letters' ),
			'notification email'    => array( array( 'notification_email' => 'not an address' ), 'Announce new tickets to: enter one email address' ),
			'empty folder'          => array( array( 'mailbox_folder' => '' ), 'Mailbox folder cannot be empty.' ),
			'unknown lookup key'    => array( array( 'order_lookup_keys' => 'phone' ), 'Guests find an order with: choose one of the offered options.' ),
			'order status'          => array( array( 'return_order_statuses' => array( 'Completed!' ) ), 'Order statuses that can be returned: one status per line' ),
			'no outcome'            => array( array( 'return_outcomes' => array() ), 'Shoppers may ask for: choose at least 1.' ),
			'reason without label'  => array( array( 'return_reasons' => array( array( 'key' => 'a', 'label' => '' ) ) ), 'each reason needs a label' ),
			'two reasons, one key'  => array( array( 'return_reasons' => array( $reason( 'a' ), $reason( 'a' ) ) ), 'two reasons have the same key' ),
			'no active reason'      => array( array( 'return_reasons' => array( $reason( 'a', false ) ) ), 'keep at least one reason active' ),
			'svg attachments'       => array( array( 'attachment_types' => array( 'image/png', 'image/svg+xml' ) ), 'are never allowed' ),
			'html attachments'      => array( array( 'attachment_types' => array( 'text/html' ) ), 'are never allowed' ),
			'php attachments'       => array( array( 'attachment_types' => array( 'application/x-php' ) ), 'are never allowed' ),
			'script attachments'    => array( array( 'attachment_types' => array( 'application/javascript' ) ), 'are never allowed' ),
			'extension, not a type' => array( array( 'attachment_types' => array( 'exe' ) ), 'are never allowed' ),
			'message limit'         => array( array( 'attachment_max_message_mb' => 501 ), 'Largest message: enter a number from 1 to 500.' ),
			'proxy range'           => array( array( 'trusted_proxies' => array( '10.0.0.0/33' ) ), '"10.0.0.0/33" is not an IP address or a range' ),
		);
	}

	/**
	 * @dataProvider custom_rules
	 *
	 * @param array<string, mixed> $body     Request body.
	 * @param string               $expected Part of the message.
	 */
	public function test_each_rule_explains_itself_and_nothing_is_saved( array $body, string $expected ): void {
		// A valid change beside the bad one is not saved either.
		$response = $this->rest( 'POST', '/aftercare/v1/settings', $body + array( 'delete_data_on_uninstall' => true ), $this->admin );

		$this->assertErrorCode( 'rest_invalid_param', $response, 400 );
		$params = $response->get_data()['data']['params'];
		$this->assertSame( array_keys( $body ), array_keys( $params ), 'only the bad field is named' );
		$this->assertStringContainsString( $expected, (string) reset( $params ) );
		$this->assertFalse( get_option( Settings::OPTION ), 'nothing saved' );
	}

	public function test_a_retired_reason_is_kept_but_no_longer_offered(): void {
		$reasons  = array(
			array(
				'key'    => 'damaged',
				'label'  => 'Arrived damaged',
				'photos' => true,
				'active' => true,
			),
			array(
				'key'    => 'changed_mind',
				'label'  => 'Changed my mind',
				'photos' => false,
				'active' => false,
			),
		);
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( 'return_reasons' => $reasons ), $this->admin );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $reasons, $response->get_data()['return_reasons'] );
		$policy = new Policy( new Settings() );
		$this->assertSame( array( 'damaged' ), array_keys( $policy->reasons() ) );
		$this->assertSame( array( 'damaged', 'changed_mind' ), array_keys( $policy->all_reasons() ) );
		$this->assertFalse( $policy->all_reasons()['changed_mind']['active'] );
	}

	public function test_reasons_saved_before_active_existed_count_as_active(): void {
		update_option( Settings::OPTION, array( 'return_reasons' => array( array( 'key' => 'old', 'label' => 'Old reason', 'photos' => false ) ) ) );

		$this->assertSame( array( 'old' ), array_keys( ( new Policy( new Settings() ) )->reasons() ) );
	}

	public function test_the_safe_types_can_be_chosen_and_saved(): void {
		$response = $this->rest( 'POST', '/aftercare/v1/settings', array( 'attachment_types' => array( 'image/png', 'application/pdf' ) ), $this->admin );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'image/png', 'application/pdf' ), ( new Settings() )->get( 'attachment_types' ) );
	}
}
