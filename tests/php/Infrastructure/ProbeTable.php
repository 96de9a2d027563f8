<?php
/**
 * A throwaway table for installer tests; version 2 adds a column.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Infrastructure;

use Aftercare\Infrastructure\Database\Table;

final class ProbeTable implements Table {

	public function __construct( private int $version = 1 ) {}

	public function table_name(): string {
		return 'probe';
	}

	public function schema_version(): int {
		return $this->version;
	}

	public function schema( string $table, string $collate ): string {
		$extra = $this->version >= 2 ? "  added_in_v2 varchar(20) NOT NULL DEFAULT '',\n" : '';
		return "CREATE TABLE {$table} (\n  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n{$extra}  PRIMARY KEY  (id)\n) {$collate};";
	}
}
