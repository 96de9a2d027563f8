<?php
/**
 * The store's mailbox as the settings describe it: where to connect, how, and which folder to
 * read. Built from the `mailbox_*` settings; empty host, user or password means not configured.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

use Aftercare\Settings\Settings;

final class Mailbox {

	public const SSL      = 'ssl';
	public const STARTTLS = 'starttls';

	public function __construct(
		public readonly string $host,
		public readonly int $port,
		public readonly string $security,
		public readonly string $user,
		#[\SensitiveParameter] public readonly string $password,
		public readonly string $folder = 'INBOX',
		public readonly bool $allow_self_signed = false
	) {}

	public static function from_settings( Settings $settings ): self {
		return self::from_values( $settings->all() );
	}

	/**
	 * @param array<string, mixed> $values The `mailbox_*` settings.
	 */
	public static function from_values( array $values ): self {
		return new self(
			(string) $values['mailbox_host'],
			(int) $values['mailbox_port'],
			(string) $values['mailbox_security'],
			(string) $values['mailbox_user'],
			(string) $values['mailbox_password'],
			(string) $values['mailbox_folder'],
			(bool) $values['mailbox_allow_self_signed']
		);
	}

	public function configured(): bool {
		return '' !== $this->host && '' !== $this->user && '' !== $this->password;
	}

	/**
	 * Names this mailbox and folder for its watermark: another account or folder starts afresh.
	 */
	public function key(): string {
		return strtolower( $this->user . '@' . $this->host . ':' . $this->port ) . '/' . $this->folder;
	}

	/**
	 * Setting fields of the mailbox, merged into Settings::fields().
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function setting_fields(): array {
		return array(
			'mailbox_host'              => array(
				'x-aftercare' => Settings::ui(
					'email',
					__( 'Mailbox server (IMAP)', 'aftercare' ),
					array( 'invalid' => __( 'Mailbox server (IMAP): enter a host name like imap.example.com, without "imap://" or a path.', 'aftercare' ) )
				),
				'description' => __( 'IMAP server of the support mailbox, e.g. imap.gmail.com (empty: no mailbox is read).', 'aftercare' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9.:\\[\\]-]*$',
				'maxLength'   => 255,
				'default'     => '',
			),
			'mailbox_port'              => array(
				'x-aftercare' => Settings::ui( 'email', __( 'Mailbox port', 'aftercare' ) ),
				'description' => __( 'IMAP port: usually 993 for SSL/TLS, 143 for STARTTLS.', 'aftercare' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 65535,
				'default'     => 993,
			),
			'mailbox_security'          => array(
				'x-aftercare' => Settings::ui(
					'email',
					__( 'Mailbox encryption', 'aftercare' ),
					array(
						'options' => array(
							self::SSL      => __( 'SSL/TLS', 'aftercare' ),
							self::STARTTLS => __( 'STARTTLS', 'aftercare' ),
						),
					)
				),
				'description' => __( 'How the connection is encrypted: SSL/TLS from the start, or STARTTLS after connecting.', 'aftercare' ),
				'type'        => 'string',
				'enum'        => array( self::SSL, self::STARTTLS ),
				'default'     => self::SSL,
			),
			'mailbox_user'              => array(
				'x-aftercare' => Settings::ui( 'email', __( 'Mailbox user name', 'aftercare' ) ),
				'description' => __( 'User name of the support mailbox, often its address.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 255,
				'default'     => '',
			),
			'mailbox_password'          => array(
				'x-aftercare' => Settings::ui( 'email', __( 'Mailbox password', 'aftercare' ), array( 'control' => 'password' ) ),
				'description' => __( 'Password or app password of the support mailbox. Write-only: it is never sent back.', 'aftercare' ),
				'type'        => 'string',
				'maxLength'   => 255,
				'default'     => '',
				// In no context: accepted on update, never in a response (see SettingsSchema).
				'context'     => array(),
			),
			'mailbox_folder'            => array(
				'x-aftercare' => Settings::ui( 'email', __( 'Mailbox folder', 'aftercare' ) ),
				'description' => __( 'Folder whose new messages become tickets and replies.', 'aftercare' ),
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => 255,
				'default'     => 'INBOX',
			),
			'mailbox_allow_self_signed' => array(
				'x-aftercare' => Settings::ui( 'email', __( 'Accept a self-signed certificate', 'aftercare' ) ),
				'description' => __( 'Accept a server certificate that is not signed by a trusted authority (only for a server you run yourself).', 'aftercare' ),
				'type'        => 'boolean',
				'default'     => false,
			),
		);
	}
}
