<?php
/**
 * The `wp aftercare …` commands: which there are, that WP-CLI gets them only when it runs the
 * site (a web request loads none of their classes), and that each subcommand carries the doc
 * comment WP-CLI reads its synopsis and help from.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Cli;

use Aftercare\Cli\Command;
use Aftercare\Plugin;
use Aftercare\Tests\TestCase;

final class CommandsTest extends TestCase {

	/** The site is booted in other processes, which must not wait for this one's transaction. */
	protected bool $transactional = false;

	private const COMMANDS = array(
		'aftercare help'          => array( 'reindex' ),
		'aftercare tickets'       => array( 'recount' ),
		'aftercare reports'       => array( 'rebuild', 'export' ),
		'aftercare outbox'        => array( 'list_', 'retry' ),
		'aftercare received-mail' => array( 'list_', 'retry' ),
	);

	/**
	 * Boots the test site in a PHP process of its own.
	 *
	 * @return array<string, mixed> What the fixture printed.
	 */
	private static function boot( string ...$args ): array {
		$pipes   = array();
		$process = proc_open(
			array( PHP_BINARY, dirname( __DIR__, 2 ) . '/fixtures/cli/boot.php', ...$args ),
			array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ),
			$pipes
		);
		$out = (string) stream_get_contents( $pipes[1] );
		$err = (string) stream_get_contents( $pipes[2] );
		proc_close( $process );
		$booted = json_decode( $out, true );
		if ( ! is_array( $booted ) ) {
			throw new \RuntimeException( 'The site did not boot: ' . $out . $err ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- test output.
		}
		return $booted;
	}

	public function test_every_domain_s_commands_with_their_subcommands(): void {
		$commands = Plugin::instance()->commands( new RecordingOutput() );
		$this->assertSame( array_keys( self::COMMANDS ), array_keys( $commands ) );
		foreach ( $commands as $name => $command ) {
			$this->assertInstanceOf( Command::class, $command );
			$methods = array_filter(
				( new \ReflectionObject( $command ) )->getMethods( \ReflectionMethod::IS_PUBLIC ),
				static fn( \ReflectionMethod $method ): bool => ! str_starts_with( $method->getName(), '__' )
			);
			// WP-CLI makes a subcommand of every public method: only these.
			$names   = array_values( array_map( static fn( \ReflectionMethod $method ): string => $method->getName(), $methods ) );
			$this->assertSame( self::COMMANDS[ $name ], $names, $name );
			foreach ( $methods as $method ) {
				$doc = (string) $method->getDocComment();
				$this->assertMatchesRegularExpression( '#^/\*\*\n\t \* [A-Z][^\n]+\.\n#', $doc, "{$name} {$method->getName()}: a one-line summary for `wp help`" );
				if ( str_ends_with( $method->getName(), '_' ) ) {
					$this->assertStringContainsString( '@subcommand ' . rtrim( $method->getName(), '_' ), $doc );
				}
			}
		}
	}

	public function test_wp_cli_gets_the_commands_and_a_web_request_loads_none_of_their_classes(): void {
		if ( class_exists( 'WooCommerce' ) ) {
			$this->markTestSkipped( 'WooCommerce loads its own WP-CLI commands, which need the real WP-CLI.' );
		}
		$this->assertSame( array( 'classes' => array() ), self::boot(), 'no CLI class is loaded on a web request' );

		$cli = self::boot( 'cli' );
		$this->assertSame(
			array(
				'aftercare help'          => \Aftercare\HelpCenter\Cli\HelpCommand::class,
				'aftercare tickets'       => \Aftercare\Tickets\Cli\TicketsCommand::class,
				'aftercare reports'       => \Aftercare\Reports\Cli\ReportsCommand::class,
				'aftercare outbox'        => \Aftercare\Notifications\Cli\OutboxCommand::class,
				'aftercare received-mail' => \Aftercare\Mail\Cli\ReceivedMailCommand::class,
			),
			$cli['added']
		);
		$this->assertContains( \Aftercare\Cli\WpCliOutput::class, $cli['classes'] );
	}

	public function test_wp_cli_output_goes_through_wp_cli_s_own_functions(): void {
		if ( class_exists( 'WooCommerce' ) ) {
			$this->markTestSkipped( 'WooCommerce loads its own WP-CLI commands, which need the real WP-CLI.' );
		}
		$fields = array( 'id', 'type', 'recipient', 'status', 'attempts', 'created', 'next_attempt', 'sent', 'ticket', 'return', 'error' );
		$this->assertSame(
			array(
				// No bar for no work (WP-CLI's would throw); one step per tick (its argument is a position).
				array( 'bar', '3 steps', 3 ),
				array( 'tick', null ),
				array( 'tick', null ),
				array( 'tick', null ),
				array( 'finish' ),
				array( 'line', "a,b\n1,2" ), // WP-CLI ends the line: the CSV's bytes, no blank line after.
				array( 'format_items', 'json', $fields ),
				array( 'error', 'Unknown format "xml". Use one of: table, csv, json, yaml, count.' ),
				array( 'exit 1' ),
			),
			self::boot( 'cli' )['calls']
		);
	}
}
