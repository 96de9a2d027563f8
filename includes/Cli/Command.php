<?php
/**
 * A group of `wp aftercare …` subcommands: each public method is one (WP-CLI reads its synopsis
 * from the doc comment), taking WP-CLI's positional and named arguments. Commands only parse
 * arguments, call the domain's services and report through Output; the work is the services'.
 *
 * WP-CLI checks arguments against the synopsis, but the commands check them again so that a
 * direct call (the tests) meets the same refusals, with translated messages.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Cli;

abstract class Command {

	/** What --format accepts where a command lists things. */
	public const FORMATS = array( 'table', 'csv', 'json', 'yaml', 'count' );

	public function __construct( protected readonly Output $output ) {}

	/**
	 * The --format asked for (table by default).
	 *
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	protected function format( array $assoc_args ): string {
		$format = (string) ( $assoc_args['format'] ?? 'table' );
		if ( ! in_array( $format, self::FORMATS, true ) ) {
			$this->output->error(
				/* translators: 1: the format asked for, 2: the formats there are, e.g. "table, csv, json". */
				sprintf( __( 'Unknown format "%1$s". Use one of: %2$s.', 'aftercare' ), $format, implode( ', ', self::FORMATS ) )
			);
		}
		return $format;
	}

	/**
	 * A positive whole number from a named argument.
	 *
	 * @param array<string, mixed> $assoc_args Named arguments.
	 */
	protected function number( array $assoc_args, string $name, int $default ): int {
		$value = (string) ( $assoc_args[ $name ] ?? $default );
		if ( ! ctype_digit( $value ) || (int) $value < 1 ) {
			/* translators: 1: option name, e.g. "limit", 2: the value given. */
			$this->output->error( sprintf( __( '--%1$s must be a whole number above 0, not "%2$s".', 'aftercare' ), $name, $value ) );
		}
		return (int) $value;
	}

	/**
	 * The ids named as positional arguments, or those $all gives with --all; one or the other.
	 *
	 * @param string[]             $args       Positional arguments.
	 * @param array<string, mixed> $assoc_args Named arguments.
	 * @param callable(): int[]    $all        Every id --all means.
	 * @return int[]
	 */
	protected function ids( array $args, array $assoc_args, callable $all ): array {
		$every = ! empty( $assoc_args['all'] );
		if ( $every === (bool) $args ) {
			$this->output->error( __( 'Name the ids, or pass --all (not both).', 'aftercare' ) );
		}
		foreach ( $args as $arg ) {
			if ( ! ctype_digit( (string) $arg ) || (int) $arg < 1 ) {
				/* translators: %s: what was given instead of an id. */
				$this->output->error( sprintf( __( '"%s" is not an id.', 'aftercare' ), $arg ) );
			}
		}
		return $every ? $all() : array_values( array_unique( array_map( 'intval', $args ) ) );
	}

	/**
	 * A stored Unix time in the site's time zone, or '' for none.
	 */
	protected function time( int $timestamp ): string {
		return $timestamp > 0 ? (string) wp_date( 'Y-m-d H:i:s', $timestamp ) : '';
	}
}
