<?php
/**
 * Attachment files and their rows. Files are checked by what they contain (finfo), not by what
 * their name or the browser claims, against a short allowlist and the upload quotas of customers
 * and guests; they are stored with random names and no extension under uploads/aftercare-private/
 * (behind a deny-all .htaccess and an empty index.php) or, better, a folder outside the web root
 * (AFTERCARE_ATTACHMENTS_DIR or the `aftercare_attachments_dir` filter), and are only ever
 * delivered by the permission-checked REST route.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Http\ClientAddress;
use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Infrastructure\RateLimiter;
use Aftercare\Settings\Settings;

final class AttachmentStore implements Table {

	/**
	 * Sniffed type => extensions a file of that type may carry: the safe list the store chooses its
	 * `attachment_types` from. Nothing here runs in a browser or on a server (no SVG, HTML, scripts).
	 */
	public const TYPES = array(
		'image/jpeg'      => array( 'jpg', 'jpeg' ),
		'image/png'       => array( 'png' ),
		'image/gif'       => array( 'gif' ),
		'image/webp'      => array( 'webp' ),
		'application/pdf' => array( 'pdf' ),
		'text/plain'      => array( 'txt', 'log', 'csv' ),
	);

	/** Raster images browsers may show inline; everything else is always a download. */
	public const INLINE_TYPES = array( 'image/jpeg', 'image/png', 'image/gif', 'image/webp' );

	public const MAX_FILES = 5;

	/**
	 * What customers and guests may upload (agents have no quota): files and bytes a ticket holds
	 * from them, and bytes a client (their account, else their address) sends in a day.
	 */
	public const QUOTAS = array(
		'ticket_files' => 30,
		'ticket_bytes' => 100 * MB_IN_BYTES,
		'daily_bytes'  => 100 * MB_IN_BYTES,
	);

	public function __construct(
		private \wpdb $wpdb,
		private Settings $settings,
		private Clock $clock,
		private RateLimiter $limiter,
		private ClientAddress $client
	) {}

	public function table_name(): string {
		return 'attachments';
	}

	public function schema_version(): int {
		return 1;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  ticket_id bigint(20) unsigned NOT NULL,
  message_id bigint(20) unsigned NOT NULL,
  file varchar(100) NOT NULL,
  name varchar(190) NOT NULL,
  mime varchar(100) NOT NULL,
  size bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY message (message_id),
  KEY ticket (ticket_id)
) {$collate};";
	}

	public function table(): string {
		return $this->wpdb->prefix . 'aftercare_attachments';
	}

	public function max_bytes(): int {
		return (int) $this->settings->get( 'attachment_max_size_mb' ) * MB_IN_BYTES;
	}

	/** Most the files of one message may add up to. */
	public function max_message_bytes(): int {
		return (int) $this->settings->get( 'attachment_max_message_mb' ) * MB_IN_BYTES;
	}

	/**
	 * The types the store allows (its `attachment_types` setting, never beyond the safe list).
	 *
	 * @return array<string, string[]> Type => extensions.
	 */
	public static function allowed( Settings $settings ): array {
		return array_intersect_key( self::TYPES, array_flip( (array) $settings->get( 'attachment_types' ) ) );
	}

	/**
	 * A file input's `accept` for these types.
	 *
	 * @param array<string, string[]> $types Type => extensions.
	 */
	public static function accept_attribute( array $types ): string {
		return implode( ',', array_map( static fn( string $ext ): string => '.' . $ext, array_merge( array(), ...array_values( $types ) ) ) );
	}

	/**
	 * These types as a shopper reads them: "JPEG, PNG and PDF".
	 *
	 * @param array<string, string[]> $types Type => extensions.
	 */
	public static function describe( array $types ): string {
		$names = array(
			'image/jpeg'      => 'JPEG',
			'image/png'       => 'PNG',
			'image/gif'       => 'GIF',
			'image/webp'      => 'WebP',
			'application/pdf' => 'PDF',
			'text/plain'      => __( 'plain text', 'aftercare' ),
		);
		return wp_sprintf_l( '%l', array_values( array_intersect_key( $names, $types ) ) );
	}

	/**
	 * The upload quotas, after the `aftercare_attachment_quotas` filter.
	 *
	 * @return array{ticket_files: int, ticket_bytes: int, daily_bytes: int}
	 */
	public function quotas(): array {
		/**
		 * Upload quotas of customers and guests: `ticket_files` and `ticket_bytes` a ticket holds from
		 * them, `daily_bytes` a client (account, else address) may send per day.
		 *
		 * @param array{ticket_files: int, ticket_bytes: int, daily_bytes: int} $quotas Defaults: 30 files, 100 MB, 100 MB.
		 */
		$quotas = (array) apply_filters( 'aftercare_attachment_quotas', self::QUOTAS );
		return array_map( 'intval', array_intersect_key( $quotas + self::QUOTAS, self::QUOTAS ) );
	}

	/**
	 * Checks uploaded files and moves them into private storage. Nothing is kept when any file is
	 * refused. The caller records them with insert() or throws them away with discard().
	 *
	 * @param array<int, array{name?: mixed, tmp_name?: mixed, size?: mixed, error?: mixed}> $files Uploads, as PHP lists them.
	 * @param int $actor_id  Who uploads (0 = guest); agents have no quota.
	 * @param int $ticket_id The ticket they go to (0 = a new one).
	 * @return array<int, array{file: string, name: string, mime: string, size: int}>
	 */
	public function accept( array $files, int $actor_id, int $ticket_id = 0 ): array {
		if ( count( $files ) > self::MAX_FILES ) {
			/* translators: %d: number of files. */
			throw DomainError::invalid( 'too_many_files', sprintf( __( 'Attach at most %d files.', 'aftercare' ), self::MAX_FILES ) );
		}
		$checked = array_map( array( $this, 'check' ), array_values( $files ) );
		if ( array_sum( array_column( $checked, 'size' ) ) > $this->max_message_bytes() ) {
			throw DomainError::invalid(
				'message_too_large',
				/* translators: %s: size limit, e.g. "25 MB". */
				sprintf( __( 'The files of one message may add up to %s at most.', 'aftercare' ), size_format( $this->max_message_bytes() ) )
			);
		}
		if ( $checked && ! TicketService::is_agent( $actor_id ) ) {
			$this->charge( $checked, $actor_id, $ticket_id );
		}
		$stored = array();
		try {
			foreach ( $checked as $file ) {
				$name = bin2hex( random_bytes( 16 ) );
				if ( ! copy( $file['tmp_name'], $this->directory() . $name ) ) {
					throw DomainError::invalid( 'upload_failed', __( 'The file could not be saved. Please try again.', 'aftercare' ) );
				}
				$stored[] = array(
					'file' => $name,
					'name' => $file['name'],
					'mime' => $file['mime'],
					'size' => $file['size'],
				);
			}
		} catch ( \Throwable $error ) {
			$this->discard( $stored );
			throw $error;
		}
		return $stored;
	}

	/**
	 * @param array<int, array{file: string, name: string, mime: string, size: int}> $files From accept().
	 * @return Attachment[]
	 */
	public function insert( int $ticket_id, int $message_id, array $files ): array {
		$saved = array();
		foreach ( $files as $file ) {
			$row = array(
				'ticket_id'  => $ticket_id,
				'message_id' => $message_id,
				'file'       => $file['file'],
				'name'       => $file['name'],
				'mime'       => $file['mime'],
				'size'       => $file['size'],
				'created_at' => $this->clock->now(),
			);
			if ( ! $this->wpdb->insert( $this->table(), $row ) ) {
				throw new \RuntimeException( 'Attachment insert failed: ' . esc_html( $this->wpdb->last_error ) );
			}
			$saved[] = Attachment::from_row( (object) ( $row + array( 'id' => $this->wpdb->insert_id ) ) );
		}
		return $saved;
	}

	/**
	 * Deletes stored files whose rows were never written (the unit of work failed).
	 *
	 * @param array<int, array{file: string}> $files From accept().
	 */
	public function discard( array $files ): void {
		foreach ( $files as $file ) {
			wp_delete_file( $this->directory() . $file['file'] );
		}
	}

	public function find( int $id ): ?Attachment {
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) );
		return $row ? Attachment::from_row( $row ) : null;
	}

	/**
	 * @param int[] $message_ids Messages.
	 * @return array<int, Attachment[]> By message id.
	 */
	public function for_messages( array $message_ids ): array {
		if ( ! $message_ids ) {
			return array();
		}
		$placeholders = implode( ',', array_fill( 0, count( $message_ids ), '%d' ) );
		$rows         = $this->wpdb->get_results(
			// phpcs:ignore WordPress.DB.PreparedSQL
			$this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE message_id IN ({$placeholders}) ORDER BY id", $message_ids )
		);
		$by_message   = array();
		foreach ( $rows as $row ) {
			$by_message[ (int) $row->message_id ][] = Attachment::from_row( $row );
		}
		return $by_message;
	}

	/**
	 * Tickets that hold files, in id order, after the ticket $after.
	 *
	 * @return int[]
	 */
	public function ticket_ids( int $after, int $limit ): array {
		$sql = "SELECT DISTINCT ticket_id FROM {$this->table()} WHERE ticket_id > %d ORDER BY ticket_id LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		return array_map( 'intval', $this->wpdb->get_col( $this->wpdb->prepare( $sql, $after, $limit ) ) );
	}

	/**
	 * The files of these tickets, in id order.
	 *
	 * @param int[] $ticket_ids Tickets.
	 * @return Attachment[]
	 */
	public function of_tickets( array $ticket_ids, int $limit ): array {
		if ( ! $ticket_ids || $limit < 1 ) {
			return array();
		}
		$in   = implode( ',', array_fill( 0, count( $ticket_ids ), '%d' ) );
		$sql  = "SELECT * FROM {$this->table()} WHERE ticket_id IN ({$in}) ORDER BY id LIMIT %d";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- table name, placeholders.
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( $sql, ...array_merge( $ticket_ids, array( $limit ) ) ) );
		return array_map( array( Attachment::class, 'from_row' ), $rows );
	}

	/**
	 * Deletes a stored file and its row.
	 */
	public function delete( Attachment $attachment ): void {
		wp_delete_file( $this->path( $attachment ) );
		$this->wpdb->delete( $this->table(), array( 'id' => $attachment->id ) );
	}

	/**
	 * Refuses uploads beyond the ticket's quota (413) or the client's daily one (429), and counts
	 * them against the day's.
	 *
	 * @param array<int, array{size: int}> $files Checked uploads.
	 */
	private function charge( array $files, int $actor_id, int $ticket_id ): void {
		$quotas = $this->quotas();
		$bytes  = (int) array_sum( array_column( $files, 'size' ) );
		$held   = $ticket_id
			? $this->wpdb->get_row(
				$this->wpdb->prepare(
					// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared,Generic.Files.LineLength.TooLong -- table names.
					"SELECT COUNT(*) AS files, COALESCE(SUM(a.size), 0) AS bytes FROM {$this->table()} a INNER JOIN {$this->wpdb->prefix}aftercare_messages m ON m.id = a.message_id WHERE a.ticket_id = %d AND m.author_role = 'customer'",
					$ticket_id
				)
			)
			: null;
		if ( (int) ( $held->files ?? 0 ) + count( $files ) > $quotas['ticket_files'] || (int) ( $held->bytes ?? 0 ) + $bytes > $quotas['ticket_bytes'] ) {
			throw DomainError::too_large(
				'attachment_quota',
				sprintf(
					/* translators: 1: number of files, 2: size, e.g. "100 MB". */
					__( 'A ticket holds at most %1$d files or %2$s of attachments. Send your message without them, or open a new ticket.', 'aftercare' ),
					$quotas['ticket_files'],
					size_format( $quotas['ticket_bytes'] )
				)
			);
		}
		$client = $actor_id > 0 ? 'user:' . $actor_id : 'ip:' . $this->client->key();
		$wait   = $this->limiter->spend( 'attachment_bytes', $client, $bytes, $quotas['daily_bytes'], DAY_IN_SECONDS );
		if ( $wait > 0 ) {
			throw DomainError::throttled(
				sprintf(
					/* translators: %s: size, e.g. "100 MB". */
					__( 'You can upload up to %s of attachments a day. Send your message without them, or try again later.', 'aftercare' ),
					size_format( $quotas['daily_bytes'] )
				),
				$wait
			);
		}
	}

	/** Full path of a stored file. */
	public function path( Attachment $attachment ): string {
		return $this->directory() . basename( $attachment->file );
	}

	/**
	 * @param array{name?: mixed, tmp_name?: mixed, size?: mixed, error?: mixed} $file One upload.
	 * @return array{tmp_name: string, name: string, mime: string, size: int}
	 */
	private function check( array $file ): array {
		$tmp   = is_string( $file['tmp_name'] ?? null ) ? $file['tmp_name'] : '';
		$error = (int) ( $file['error'] ?? UPLOAD_ERR_NO_FILE );
		$size  = '' !== $tmp && is_file( $tmp ) ? (int) filesize( $tmp ) : 0;
		if ( UPLOAD_ERR_INI_SIZE === $error || UPLOAD_ERR_FORM_SIZE === $error || $size > $this->max_bytes() ) {
			/* translators: %s: size limit, e.g. "10 MB". */
			throw DomainError::invalid( 'file_too_large', sprintf( __( 'Each file must be smaller than %s.', 'aftercare' ), size_format( $this->max_bytes() ) ) );
		}
		if ( UPLOAD_ERR_OK !== $error || 0 === $size ) {
			throw DomainError::invalid( 'upload_failed', __( 'A file did not upload completely. Please try again.', 'aftercare' ) );
		}
		$name      = sanitize_file_name( wp_basename( is_string( $file['name'] ?? null ) ? $file['name'] : '' ) );
		$extension = strtolower( pathinfo( $name, PATHINFO_EXTENSION ) );
		$mime      = ( new \finfo( FILEINFO_MIME_TYPE ) )->file( $tmp );
		$allowed   = self::allowed( $this->settings );
		if ( ! isset( $allowed[ $mime ] ) || ! in_array( $extension, $allowed[ $mime ], true ) ) {
			/* translators: %s: file types, e.g. "JPEG, PNG and PDF". */
			throw DomainError::invalid( 'file_type', sprintf( __( 'Only these files can be attached: %s.', 'aftercare' ), self::describe( $allowed ) ) );
		}
		return array(
			'tmp_name' => $tmp,
			'name'     => mb_substr( $name, 0, 190 ),
			'mime'     => $mime,
			'size'     => $size,
		);
	}

	/**
	 * Where the files are: AFTERCARE_ATTACHMENTS_DIR when defined, else uploads/aftercare-private/.
	 */
	public static function folder(): string {
		$dir = defined( 'AFTERCARE_ATTACHMENTS_DIR' )
			? (string) constant( 'AFTERCARE_ATTACHMENTS_DIR' )
			: trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'aftercare-private';
		/**
		 * Where attachment files are kept. A folder outside the web root cannot be served by any
		 * server configuration; every web node must see the same folder.
		 *
		 * @param string $dir Absolute path.
		 */
		return trailingslashit( (string) apply_filters( 'aftercare_attachments_dir', $dir ) );
	}

	/**
	 * The private folder, created on first use with files that make web servers refuse it.
	 */
	public function directory(): string {
		$dir = self::folder();
		if ( ! is_file( $dir . '.htaccess' ) ) {
			wp_mkdir_p( $dir );
			// phpcs:disable WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- tiny guard files in our own folder.
			file_put_contents( $dir . '.htaccess', "Require all denied\n<IfModule !mod_authz_core.c>\nDeny from all\n</IfModule>\n" );
			file_put_contents( $dir . 'index.php', "<?php\n// Silence is golden.\n" );
			// phpcs:enable
		}
		return $dir;
	}
}
