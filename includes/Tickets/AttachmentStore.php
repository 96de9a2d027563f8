<?php
/**
 * Attachment files and their rows. Files are checked by what they contain (finfo), not by what
 * their name or the browser claims, against a short allowlist; they are stored under
 * uploads/aftercare-private/ with random names and no extension, behind a deny-all .htaccess and an
 * empty index.php, and are only ever delivered by the permission-checked REST route.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Clock;
use Aftercare\Infrastructure\Database\Table;
use Aftercare\Infrastructure\DomainError;
use Aftercare\Settings\Settings;

final class AttachmentStore implements Table {

	/** Sniffed type => extensions a file of that type may carry. */
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

	public function __construct( private \wpdb $wpdb, private Settings $settings, private Clock $clock ) {}

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

	/**
	 * Checks uploaded files and moves them into private storage. Nothing is kept when any file is
	 * refused. The caller records them with insert() or throws them away with discard().
	 *
	 * @param array<int, array{name?: mixed, tmp_name?: mixed, size?: mixed, error?: mixed}> $files Uploads, as PHP lists them.
	 * @return array<int, array{file: string, name: string, mime: string, size: int}>
	 */
	public function accept( array $files ): array {
		if ( count( $files ) > self::MAX_FILES ) {
			/* translators: %d: number of files. */
			throw DomainError::invalid( 'too_many_files', sprintf( __( 'Attach at most %d files.', 'aftercare' ), self::MAX_FILES ) );
		}
		$checked = array_map( array( $this, 'check' ), array_values( $files ) );
		$stored  = array();
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
		$row = $this->wpdb->get_row( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
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
		$rows         = $this->wpdb->get_results( $this->wpdb->prepare( "SELECT * FROM {$this->table()} WHERE message_id IN ({$placeholders}) ORDER BY id", $message_ids ) ); // phpcs:ignore WordPress.DB.PreparedSQL
		$by_message   = array();
		foreach ( $rows as $row ) {
			$by_message[ (int) $row->message_id ][] = Attachment::from_row( $row );
		}
		return $by_message;
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
		if ( ! isset( self::TYPES[ $mime ] ) || ! in_array( $extension, self::TYPES[ $mime ], true ) ) {
			throw DomainError::invalid( 'file_type', __( 'Only images (JPEG, PNG, GIF, WebP), PDF and plain text files can be attached.', 'aftercare' ) );
		}
		return array(
			'tmp_name' => $tmp,
			'name'     => mb_substr( $name, 0, 190 ),
			'mime'     => $mime,
			'size'     => $size,
		);
	}

	/**
	 * The private folder, created on first use with files that make web servers refuse it.
	 */
	private function directory(): string {
		$dir = trailingslashit( wp_upload_dir( null, false )['basedir'] ) . 'aftercare-private/';
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
