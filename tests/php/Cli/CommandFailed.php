<?php
/**
 * Thrown by RecordingOutput::error(), where WP-CLI would print the error and exit 1.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Cli;

final class CommandFailed extends \RuntimeException {}
