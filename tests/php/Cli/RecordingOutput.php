<?php
/**
 * The tests' Output: records every line, table and progress bar a command writes; error() throws
 * CommandFailed where WP-CLI would exit.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Cli;

use Aftercare\Cli\Output;
use Aftercare\Cli\Progress;

final class RecordingOutput implements Output {

	/** @var array<int, array{0: string, 1: string}> Kind (line, success, warning, error) and text, in order. */
	public array $messages = array();

	/** @var array<int, array{format: string, rows: array<int, array<string, mixed>>, fields: string[]}> */
	public array $tables = array();

	/** @var array<int, object{label: string, total: int, ticks: int, finished: bool}> */
	public array $bars = array();

	public function line( string $text ): void {
		$this->messages[] = array( 'line', $text );
	}

	/** What write() was given, joined. */
	public string $written = '';

	public function write( string $text ): void {
		$this->written .= $text;
	}

	public function success( string $text ): void {
		$this->messages[] = array( 'success', $text );
	}

	public function warning( string $text ): void {
		$this->messages[] = array( 'warning', $text );
	}

	public function error( string $text ): never {
		$this->messages[] = array( 'error', $text );
		throw new CommandFailed( $text );
	}

	public function table( string $format, array $rows, array $fields ): void {
		$this->tables[] = array(
			'format' => $format,
			'rows'   => $rows,
			'fields' => $fields,
		);
	}

	public function progress( string $label, int $total ): Progress {
		$bar          = (object) array(
			'label'    => $label,
			'total'    => $total,
			'ticks'    => 0,
			'finished' => false,
		);
		$this->bars[] = $bar;
		return new class( $bar ) implements Progress {
			public function __construct( private object $bar ) {}

			public function tick(): void {
				if ( $this->bar->finished ) {
					throw new \LogicException( 'tick after finish' );
				}
				++$this->bar->ticks;
			}

			public function finish(): void {
				$this->bar->finished = true;
			}
		};
	}

	/**
	 * The texts of one kind of message.
	 *
	 * @return string[]
	 */
	public function said( string $kind ): array {
		return array_values( array_map( static fn( array $m ): string => $m[1], array_filter( $this->messages, static fn( array $m ): bool => $kind === $m[0] ) ) );
	}
}
