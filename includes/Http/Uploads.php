<?php
/**
 * The files a request sends in its `attachments[]` field, for every route that takes files
 * (ticket and return creation, replies on either thread).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Http;

final class Uploads {

	/** The multipart field every route takes files in. */
	public const FIELD = 'attachments';

	/**
	 * The uploads as a list of single files (PHP groups them by field). An empty file input
	 * arrives as a slot without a file: nothing was sent, nothing failed, so it is left out here
	 * (the one place that decides it, for scripts and no-JS forms alike).
	 *
	 * @return array<int, array<string, mixed>>
	 */
	public static function from( \WP_REST_Request $request ): array {
		$field = $request->get_file_params()[ self::FIELD ] ?? null;
		if ( ! is_array( $field ) ) {
			return array();
		}
		if ( ! is_array( $field['name'] ?? null ) ) {
			$field = array_map( static fn( $value ) => array( $value ), $field );
		}
		$files = array();
		foreach ( array_keys( $field['name'] ) as $i ) {
			$error = $field['error'][ $i ] ?? UPLOAD_ERR_NO_FILE;
			if ( UPLOAD_ERR_NO_FILE === $error ) {
				continue;
			}
			$files[] = array(
				'name'     => $field['name'][ $i ] ?? '',
				'tmp_name' => $field['tmp_name'][ $i ] ?? '',
				'size'     => $field['size'][ $i ] ?? 0,
				'error'    => $error,
			);
		}
		return $files;
	}
}
