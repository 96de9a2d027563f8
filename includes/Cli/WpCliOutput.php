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
		$bar = \WP_CLI\Utils\make_progress_bar( $label, $total );
		return new class( $bar ) implements Progress {
			/**
			 * @param object $bar WP-CLI's bar (\cli\progress\Bar, or \WP_CLI\NoOp off a terminal).
			 */
			public function __construct( private object $bar ) {}

			public function tick( int $steps = 1 ): void {
				$this->bar->tick( $steps );
			}

			public function finish(): void {
				$this->bar->finish();
			}
		};
	}
}
