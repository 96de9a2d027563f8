<?php
/**
 * Store-wide Aftercare settings, kept in one option. The field definitions here are the single
 * source of truth: the REST schema, validation and defaults all come from them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Settings;

final class Settings {

	public const OPTION = 'aftercare_settings';

	/**
	 * JSON-schema properties of every setting.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function fields(): array {
		return array(
			'delete_data_on_uninstall' => array(
				'description' => __( 'Remove all Aftercare tables, options and files when the plugin is deleted.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'order_lookup_keys'        => array(
				'description' => __( 'What guests type beside their order number to look it up: the billing email, or the billing email or postcode.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'email', 'email_or_postcode' ),
				'default'     => 'email',
			),
			'return_portal_page'       => array(
				'description' => __( 'Page with the return request portal, linked from order status results (0 for none).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'help_base'                => array(
				'description' => __( 'Address of the help center: articles live under /{base}/ (letters, digits, dashes; slashes for deeper paths).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[a-z0-9-]+(/[a-z0-9-]+)*$',
				'maxLength'   => 60,
				'default'     => 'help',
			),
			'help_page'                => array(
				'description' => __(
					'Page with the help-center block: search boxes elsewhere (article templates) show their results there (0: on their own page).',
					'aftercare'
				),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'help_synonyms'            => array(
				'description' => __( 'Help-center search synonyms: one group per line, phrases separated by commas ("refund, money back").', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type'      => 'string',
					'maxLength' => 300,
				),
				'maxItems'    => 200,
				'default'     => \Aftercare\HelpCenter\Synonyms::DEFAULTS,
			),
			'contact_page'             => array(
				'description' => __( 'Page with the contact form, linked as "Get help with this order" with the order number filled in (0 for none).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'notification_email'       => array(
				'description' => __( 'Where new tickets and customer replies are announced when a ticket has no assignee (empty: every support agent).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
				'maxLength'   => 100,
				'default'     => '',
			),
			'support_email'            => array(
				'description' => __( 'The address shoppers write to; replies to our mails come back to it (empty: the admin email).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^$|^[^@\\s+]+@[^@\\s]+\\.[^@\\s]+$',
				'maxLength'   => 100,
				'default'     => '',
			),
			'inbound_secret'           => array(
				'description' => __( 'The secret inbound mail webhooks sign their bodies with (generated on first use; change it to rotate).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^$|^[A-Za-z0-9]{24,64}$',
				'default'     => '',
			),
			'attachment_retention_months' => array(
				'description' => __( 'Delete the attachments of solved and closed tickets after this many months without activity (0 keeps them).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 120,
				'default'     => 0,
			),
			'help_analytics_retention_months' => array(
				'description' => __(
					'Delete help-center searches, clicks, votes with their comments, and the links between visitors and tickets after this many months (0 keeps them).',
					'aftercare'
				),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 120,
				'default'     => 12,
			),
			'attachment_max_size_mb'   => array(
				'description' => __( 'Largest file a ticket attachment may be, in megabytes.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 10,
			),
			'trusted_proxies'          => array(
				'description' => __( 'Addresses or ranges (CIDR) of your own proxies, load balancers or CDN in front of the store. Requests from them count as coming from the address they forward; leave empty when visitors reach WordPress directly.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'array',
				'items'       => array(
					'type'      => 'string',
					'maxLength' => 50,
				),
				'maxItems'    => \Aftercare\Http\ClientAddress::MAX_PROXIES,
				'default'     => array(),
				'arg_options' => array( 'validate_callback' => array( \Aftercare\Http\ClientAddress::class, 'validate_ranges' ) ),
			),
			'client_address_header'    => array(
				'description' => __( 'The header in which your trusted proxies forward the visitor\'s address.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => \Aftercare\Http\ClientAddress::HEADERS,
				'default'     => 'X-Forwarded-For',
			),
		) + \Aftercare\Tickets\Sla::setting_fields()
			+ \Aftercare\Returns\Policy::setting_fields()
			+ \Aftercare\Feedback\FeedbackService::setting_fields()
			+ \Aftercare\Mail\Mailbox::setting_fields();
	}

	/**
	 * @return array<string, mixed> Every setting, stored or default.
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$values = array();
		foreach ( $this->fields() as $name => $field ) {
			$values[ $name ] = array_key_exists( $name, $stored ) ? $stored[ $name ] : $field['default'];
		}
		return $values;
	}

	public function get( string $name ): mixed {
		return $this->all()[ $name ] ?? null;
	}

	/**
	 * Saves the given settings; values must already be validated against fields().
	 *
	 * @param array<string, mixed> $changes Settings to change; unknown names are ignored.
	 * @return array<string, mixed> Every setting after the change.
	 */
	public function update( array $changes ): array {
		$values = array_merge( $this->all(), array_intersect_key( $changes, $this->fields() ) );
		update_option( self::OPTION, $values, true );
		return $values;
	}
}
