<?php
/**
 * One table of the search index (terms, postings, trigrams, documents). The index owns several
 * tables; each is handed to the installer as a Table of its own.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\HelpCenter;

use Aftercare\Infrastructure\Database\Table;

final class IndexTable implements Table {

	/**
	 * @param string $name    Table name without prefix, e.g. `search_terms`.
	 * @param int    $version Schema version.
	 * @param string $body    Column and index lines of the CREATE TABLE statement.
	 */
	public function __construct( private string $name, private int $version, private string $body ) {}

	public function table_name(): string {
		return $this->name;
	}

	public function schema_version(): int {
		return $this->version;
	}

	public function schema( string $table, string $collate ): string {
		return "CREATE TABLE {$table} (\n{$this->body}\n) {$collate};";
	}
}
