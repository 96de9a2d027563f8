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

	/** @var array<string, mixed>|null Every setting's default, by name. */
	private ?array $defaults = null;

	/**
	 * JSON-schema properties of every setting.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function fields(): array {
		return array(
			'delete_data_on_uninstall' => array(
				'x-aftercare' => self::ui( 'privacy', __( 'Remove all data when Aftercare is deleted', 'aftercare' ) ),
				'description' => __( 'Remove all Aftercare tables, options and files when the plugin is deleted.', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
			'order_lookup_keys'        => array(
				'x-aftercare' => self::ui(
					'general',
					__( 'Guests find an order with', 'aftercare' ),
					array(
						'options' => array(
							'email'             => __( 'Order number and billing email', 'aftercare' ),
							'email_or_postcode' => __( 'Order number and billing email or postcode', 'aftercare' ),
						),
					)
				),
				'description' => __( 'What guests type beside their order number to look it up: the billing email, or the billing email or postcode.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( 'email', 'email_or_postcode' ),
				'default'     => 'email',
			),
			'return_portal_page'       => array(
				'x-aftercare' => self::ui( 'general', __( 'Return portal page', 'aftercare' ), array( 'control' => 'page' ) ),
				'description' => __( 'Page with the return request portal, linked from order status results (0 for none).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'help_base'                => array(
				'x-aftercare' => self::ui(
					'help',
					__( 'Address of help articles', 'aftercare' ),
					array(
						'invalid' => __(
							'Address of help articles: use lowercase letters, digits and dashes, with slashes between parts (e.g. help or support/help).',
							'aftercare'
						),
					)
				),
				'description' => __( 'Address of the help center: articles live under /{base}/ (letters, digits, dashes; slashes for deeper paths).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[a-z0-9-]+(/[a-z0-9-]+)*$',
				'maxLength'   => 60,
				'default'     => 'help',
			),
			'help_page'                => array(
				'x-aftercare' => self::ui( 'help', __( 'Help center page', 'aftercare' ), array( 'control' => 'page' ) ),
				'description' => __(
					'Page with the help-center block: search boxes elsewhere (article templates) show their results there (0: on their own page).',
					'aftercare'
				),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'help_synonyms'            => array(
				'x-aftercare' => self::ui( 'help', __( 'Search synonyms', 'aftercare' ), array( 'control' => 'lines' ) ),
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
				'x-aftercare' => self::ui( 'general', __( 'Contact page', 'aftercare' ), array( 'control' => 'page' ) ),
				'description' => __( 'Page with the contact form, linked as "Get help with this order" with the order number filled in (0 for none).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'default'     => 0,
			),
			'notification_email'       => array(
				'x-aftercare' => self::ui(
					'email',
					__( 'Announce new tickets to', 'aftercare' ),
					array( 'invalid' => __( 'Announce new tickets to: enter one email address, like support@example.com, or leave it empty.', 'aftercare' ) )
				),
				'description' => __( 'Where new tickets and customer replies are announced when a ticket has no assignee (empty: every support agent).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
				'maxLength'   => 100,
				'default'     => '',
			),
			'support_email'            => array(
				'x-aftercare' => self::ui(
					'email',
					__( 'Support email address', 'aftercare' ),
					array( 'invalid' => __( 'Support email address: enter one email address without a "+", like support@example.com, or leave it empty.', 'aftercare' ) )
				),
				'description' => __( 'The address shoppers write to; replies to our mails come back to it (empty: the admin email).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^$|^[^@\\s+]+@[^@\\s]+\\.[^@\\s]+$',
				'maxLength'   => 100,
				'default'     => '',
			),
			'inbound_secret'           => array(
				'x-aftercare' => self::ui(
					'email',
					__( 'Inbound webhook secret', 'aftercare' ),
					array( 'invalid' => __( 'Inbound webhook secret: use 24 to 64 letters and digits, or leave it empty to have one generated.', 'aftercare' ) )
				),
				'description' => __( 'The secret inbound mail webhooks sign their bodies with (generated on first use; POST mail/secret makes a new one). Write-only: it is never sent back.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'string',
				'pattern'     => '^$|^[A-Za-z0-9]{24,64}$',
				'default'     => '',
				// In no context: accepted on update (a store's own secret), never in a response.
				'context'     => array(),
			),
			'attachment_retention_months' => array(
				'x-aftercare' => self::ui( 'privacy', __( 'Keep attachments of closed tickets for', 'aftercare' ), array( 'unit' => __( 'months', 'aftercare' ) ) ),
				'description' => __( 'Delete the attachments of solved and closed tickets after this many months without activity (0 keeps them).', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 120,
				'default'     => 0,
			),
			'received_mail_retention_days' => array(
				'x-aftercare' => self::ui( 'privacy', __( 'Keep the log of received mail for', 'aftercare' ), array( 'unit' => __( 'days', 'aftercare' ) ) ),
				'description' => __( 'Delete the log of received email, with each raw message, after this many days (0 keeps it). Messages stay in their tickets; only their quoted text and email details go.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'type'        => 'integer',
				'minimum'     => 0,
				'maximum'     => 3650,
				'default'     => 90,
			),
			'help_analytics_retention_months' => array(
				'x-aftercare' => self::ui( 'privacy', __( 'Keep search analytics for', 'aftercare' ), array( 'unit' => __( 'months', 'aftercare' ) ) ),
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
				'x-aftercare' => self::ui( 'tickets', __( 'Largest file', 'aftercare' ), array( 'unit' => __( 'MB', 'aftercare' ) ) ),
				'description' => __( 'Largest file a ticket attachment may be, in megabytes.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 10,
			),
			'attachment_max_message_mb' => array(
				'x-aftercare' => self::ui( 'tickets', __( 'Largest message', 'aftercare' ), array( 'unit' => __( 'MB', 'aftercare' ) ) ),
				'description' => __( 'Most the attachments of one message may add up to, in megabytes.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 500,
				'default'     => 25,
			),
			'attachment_types'         => array(
				'x-aftercare' => self::ui(
					'tickets',
					__( 'Files customers and agents may attach', 'aftercare' ),
					array(
						'options' => array(
							'image/jpeg'      => __( 'JPEG images (.jpg, .jpeg)', 'aftercare' ),
							'image/png'       => __( 'PNG images', 'aftercare' ),
							'image/gif'       => __( 'GIF images', 'aftercare' ),
							'image/webp'      => __( 'WebP images', 'aftercare' ),
							'application/pdf' => __( 'PDF documents', 'aftercare' ),
							'text/plain'      => __( 'Plain text (.txt, .log, .csv)', 'aftercare' ),
						),
						'invalid' => __( 'Files customers and agents may attach: choose from images (JPEG, PNG, GIF, WebP), PDF and plain text. Types that can carry scripts or programs (such as SVG, HTML or PHP) are never allowed.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
					)
				),
				'description' => __( 'Only these kinds of files can be attached to tickets and replies; each file is checked by what it contains.', 'aftercare' ),
				'type'        => 'array',
				'items'       => array(
					'type' => 'string',
					'enum' => array_keys( \Aftercare\Tickets\AttachmentStore::TYPES ),
				),
				'uniqueItems' => true,
				'default'     => array_keys( \Aftercare\Tickets\AttachmentStore::TYPES ),
			),
			'trusted_proxies'          => array(
				'x-aftercare' => self::ui( 'general', __( 'Trusted proxies', 'aftercare' ), array( 'control' => 'lines' ) ),
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
				'x-aftercare' => self::ui( 'general', __( 'Header with the visitor address', 'aftercare' ) ),
				'description' => __( 'The header in which your trusted proxies forward the visitor\'s address.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => \Aftercare\Http\ClientAddress::HEADERS,
				'default'     => 'X-Forwarded-For',
			),
		) + \Aftercare\Tickets\Sla::setting_fields() + \Aftercare\Tickets\BusinessHours::setting_fields() + \Aftercare\Tickets\PriorityRules::setting_fields()
			+ \Aftercare\Returns\Policy::setting_fields() + \Aftercare\Feedback\FeedbackService::setting_fields()
			+ \Aftercare\Mail\Mailbox::setting_fields() + \Aftercare\OrderActions\ActionLimits::setting_fields();
	}

	/**
	 * What the settings screen needs beside the JSON schema, under the `x-aftercare` keyword: the
	 * section the field is shown in, a short label (the description is its help text), and where a
	 * plain control will not do, a control hint (`page`, `lines`, `products`, …), a unit, labels
	 * for enum values (`options`) and the message a refused value gets (`invalid`).
	 *
	 * @param string               $section general, tickets, returns, help, email or privacy.
	 * @param array<string, mixed> $more    control, unit, options, invalid.
	 * @return array<string, mixed>
	 */
	public static function ui( string $section, string $label, array $more = array() ): array {
		return array(
			'section' => $section,
			'label'   => $label,
		) + $more;
	}

	/**
	 * @return array<string, mixed> Every setting, stored or default.
	 */
	public function all(): array {
		$stored = get_option( self::OPTION, array() );
		// The defaults once per instance: fields() translates every description, and the queue reads settings per row.
		$this->defaults ??= array_map( static fn( array $field ): mixed => $field['default'], $this->fields() );
		return array_merge( $this->defaults, array_intersect_key( is_array( $stored ) ? $stored : array(), $this->defaults ) );
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
