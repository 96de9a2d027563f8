<?php
/**
 * Runs `wp aftercare …` commands the way WP-CLI would, with the plugin's own wiring
 * (Plugin::commands()), recording what they write.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Cli;

use Aftercare\Plugin;

trait RunsCommands {

	/**
	 * Runs a subcommand that must succeed, e.g. `wp( 'aftercare outbox', 'retry', array( '7' ) )`.
	 *
	 * @param string[]             $args       Positional arguments, as WP-CLI passes them (strings).
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	protected function wp( string $command, string $method, array $args = array(), array $assoc_args = array() ): RecordingOutput {
		$output = new RecordingOutput();
		$this->command( $command, $output )->$method( $args, $assoc_args );
		$this->assertSame( array(), $output->said( 'error' ) );
		return $output;
	}

	/**
	 * Runs a subcommand that must stop with an error containing $error.
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	protected function wp_fails( string $error, string $command, string $method, array $args = array(), array $assoc_args = array() ): RecordingOutput {
		$output = new RecordingOutput();
		try {
			$this->command( $command, $output )->$method( $args, $assoc_args );
			$this->fail( "wp {$command} {$method} should have stopped with an error" );
		} catch ( CommandFailed $failure ) {
			$this->assertStringContainsString( $error, $failure->getMessage() );
		}
		return $output;
	}

	private function command( string $name, RecordingOutput $output ): object {
		$commands = Plugin::instance()->commands( $output );
		$this->assertArrayHasKey( $name, $commands );
		return $commands[ $name ];
	}
}
