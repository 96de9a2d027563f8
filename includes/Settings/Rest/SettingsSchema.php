<?php
/**
 * The settings resource: item schema and response shaping.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Settings\Rest;

use Aftercare\Settings\Settings;

final class SettingsSchema {

	public function __construct( private Settings $settings ) {}

	/**
	 * @return array<string, mixed>
	 */
	public function item_schema(): array {
		$properties = array();
		foreach ( $this->settings->fields() as $name => $field ) {
			$properties[ $name ] = $field + array( 'context' => array( 'view', 'edit' ) );
		}
		$properties['mailbox_password_set'] = array(
			'description' => __( 'Whether a mailbox password is saved (the password itself is write-only).', 'aftercare' ),
			'type'        => 'boolean',
			'default'     => false,
			'readonly'    => true,
			'context'     => array( 'view', 'edit' ),
		);
		return array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'aftercare_settings',
			'type'       => 'object',
			'properties' => $properties,
		);
	}

	/**
	 * @param array<string, mixed> $values Every setting.
	 * @return array<string, mixed>
	 */
	public function prepare( array $values ): array {
		// A field in no context (a password) is write-only.
		$readable = array_filter( $this->settings->fields(), static fn( array $field ): bool => array() !== ( $field['context'] ?? null ) );
		return array_intersect_key( $values, $readable ) + array( 'mailbox_password_set' => '' !== (string) ( $values['mailbox_password'] ?? '' ) );
	}
}
