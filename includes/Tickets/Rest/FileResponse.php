<?php
/**
 * A REST response whose body is a stored file, streamed by the attachments controller.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets\Rest;

final class FileResponse extends \WP_REST_Response {

	public function __construct( public readonly string $path ) {
		parent::__construct( null, 200 );
	}
}
