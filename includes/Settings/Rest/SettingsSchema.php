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
			// The field's own sanitizer (if any) stays; its validator is called by validate().
			$properties[ $name ] = array(
				'arg_options' => array( 'validate_callback' => fn( $value, $request, $param ) => $this->validate( $field, $value, $request, $param ) )
					+ ( $field['arg_options'] ?? array() ),
			) + $field + array( 'context' => array( 'view', 'edit' ) );
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
	 * Checks one setting with its own rule (which checks the schema too) or its schema, and words a
	 * refusal for a store owner: named by its label, never by its key or a pattern. An own rule's
	 * `rest_invalid_param` already is in the store's words; WordPress's schema errors have codes
	 * of their own (`rest_invalid_type`, `rest_out_of_bounds`, …) and are reworded.
	 *
	 * @param array<string, mixed> $field   The setting's definition.
	 * @param mixed                $value   As sent.
	 * @param \WP_REST_Request     $request Request.
	 * @param string               $param   Argument name.
	 * @return true|\WP_Error
	 */
	public function validate( array $field, $value, $request, $param ) {
		$own   = $field['arg_options']['validate_callback'] ?? null;
		$valid = is_callable( $own ) ? $own( $value, $request, $param ) : rest_validate_value_from_schema( $value, $field, $param );
		if ( ! is_wp_error( $valid ) ) {
			return true;
		}
		if ( 'rest_invalid_param' === $valid->get_error_code() ) {
			return $valid;
		}
		return new \WP_Error( 'rest_invalid_param', $this->refusal( $field, (string) $valid->get_error_code() ), array( 'status' => 400 ) );
	}

	/**
	 * @param array<string, mixed> $field The setting's definition.
	 * @param string               $code  What the schema check said.
	 */
	private function refusal( array $field, string $code ): string {
		$ui    = $field['x-aftercare'];
		$label = $ui['label'];
		$type  = $field['type'];
		if ( 'integer' === $type || 'number' === $type ) {
			$min = $field['minimum'] ?? null;
			$max = $field['maximum'] ?? null;
			if ( null !== $max ) {
				/* translators: 1: setting name, 2: smallest value, 3: largest value. */
				return sprintf( __( '%1$s: enter a number from %2$s to %3$s.', 'aftercare' ), $label, number_format_i18n( $min ?? 0 ), number_format_i18n( $max ) );
			}
			/* translators: 1: setting name, 2: smallest value. */
			return sprintf( __( '%1$s: enter a number of at least %2$s.', 'aftercare' ), $label, number_format_i18n( $min ?? 0 ) );
		}
		if ( 'array' === $type ) {
			switch ( $code ) {
				case 'rest_too_many_items':
					/* translators: 1: setting name, 2: number of entries. */
					return sprintf( __( '%1$s: at most %2$d entries.', 'aftercare' ), $label, $field['maxItems'] );
				case 'rest_too_few_items':
					/* translators: 1: setting name, 2: number of entries. */
					return sprintf( _n( '%1$s: choose at least %2$d.', '%1$s: choose at least %2$d.', $field['minItems'], 'aftercare' ), $label, $field['minItems'] );
				case 'rest_duplicate_items':
					/* translators: %s: setting name. */
					return sprintf( __( '%s: an entry is listed twice.', 'aftercare' ), $label );
			}
		}
		if ( isset( $ui['invalid'] ) ) {
			return $ui['invalid'];
		}
		if ( 'boolean' === $type ) {
			/* translators: %s: setting name. */
			return sprintf( __( '%s: turn it on or off.', 'aftercare' ), $label );
		}
		if ( isset( $field['enum'] ) || isset( $field['items']['enum'] ) ) {
			/* translators: %s: setting name. */
			return sprintf( __( '%s: choose one of the offered options.', 'aftercare' ), $label );
		}
		if ( 'rest_too_short' === $code ) {
			/* translators: %s: setting name. */
			return sprintf( __( '%s cannot be empty.', 'aftercare' ), $label );
		}
		if ( 'string' === $type && isset( $field['maxLength'] ) ) {
			/* translators: 1: setting name, 2: number of characters. */
			return sprintf( __( '%1$s: use at most %2$d characters.', 'aftercare' ), $label, $field['maxLength'] );
		}
		/* translators: %s: setting name. */
		return sprintf( __( '%s: this value cannot be used.', 'aftercare' ), $label );
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
