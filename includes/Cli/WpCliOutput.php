<?php
/**
 * Output through WP-CLI: its log, success, warning and error lines (error exits 1), its item
 * formatter and its progress bar (which stays quiet when the output is not a terminal).
 *
 * Only loaded under WP-CLI, where these functions exist.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Cli;

final class WpCliOutput implements Output {

	public function line( string $text ): void {
		\WP_CLI::log( $text );
	}

	public function write( string $text ): void {
		\WP_CLI::line( str_ends_with( $text, "\n" ) ? substr( $text, 0, -1 ) : $text ); // line() ends it again.
	}

	public function success( string $text ): void {
		\WP_CLI::success( $text );
	}

	public function warning( string $text ): void {
		\WP_CLI::warning( $text );
	}

	public function error( string $text ): never {
		\WP_CLI::error( $text );
		exit( 1 ); // WP_CLI::error() exits already; this tells PHP so.
	}

	public function table( string $format, array $rows, array $fields ): void {
		\WP_CLI\Utils\format_items( $format, $rows, $fields );
	}

	public function progress( string $label, int $total ): Progress {
		// On a terminal WP-CLI's bar (php-cli-tools) refuses a total of 0: nothing to show then.
		$bar = $total > 0 ? \WP_CLI\Utils\make_progress_bar( $label, $total ) : null;
		return new class( $bar ) implements Progress {
			/**
			 * @param object|null $bar WP-CLI's bar (\cli\progress\Bar, or \WP_CLI\NoOp off a terminal).
			 */
			public function __construct( private ?object $bar ) {}

			public function tick(): void {
				$this->bar?->tick(); // Its argument would be a position, not a step: one step each.
			}

			public function finish(): void {
				$this->bar?->finish();
			}
		};
	}
}
