<?php
/**
 * A report table as a CSV download: the REST server sends its text instead of JSON.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Reports\Rest;

final class CsvResponse extends \WP_REST_Response {

	public function __construct( string $csv, string $filename ) {
		parent::__construct( $csv, 200 );
		$this->header( 'Content-Type', 'text/csv; charset=utf-8' );
		$this->header( 'Content-Disposition', sprintf( 'attachment; filename="%s"', $filename ) );
		$this->header( 'X-Content-Type-Options', 'nosniff' );
	}

	/**
	 * Sends the text (WordPress has sent the headers already). Static: every report route adds
	 * the same callback, so it is added once.
	 *
	 * @param bool              $served Whether the request was served already.
	 * @param \WP_HTTP_Response $result Result to send.
	 */
	public static function serve( $served, $result ): bool {
		if ( $served || ! $result instanceof self ) {
			return (bool) $served;
		}
		echo (string) $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CSV text, sent as text/csv with nosniff.
		return true;
	}
}
