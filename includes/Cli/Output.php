<?php
/**
 * Where a WP-CLI command writes: WP-CLI itself on a server (WpCliOutput), a recorder in tests, so
 * the commands run and are checked without WP-CLI installed.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Cli;

interface Output {

	/** A line of information. */
	public function line( string $text ): void;

	/** Data as it is (CSV, say), to standard output whatever --quiet says. */
	public function write( string $text ): void;

	/** The command did what was asked. */
	public function success( string $text ): void;

	/** Something went wrong with one item; the command goes on. */
	public function warning( string $text ): void;

	/**
	 * The command stops here and exits non-zero.
	 */
	public function error( string $text ): never;

	/**
	 * Rows as a table, CSV, JSON, YAML or their count.
	 *
	 * @param string                                        $format One of Command::FORMATS.
	 * @param array<int, array<string, int|string|float|null>> $rows   Rows keyed by field.
	 * @param string[]                                      $fields The fields to show, in order.
	 */
	public function table( string $format, array $rows, array $fields ): void;

	/**
	 * A progress bar over $total steps.
	 */
	public function progress( string $label, int $total ): Progress;
}
