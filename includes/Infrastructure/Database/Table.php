<?php
/**
 * A custom table, owned by the repository that reads and writes it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure\Database;

interface Table {

	/**
	 * Table name without the site prefix and without `aftercare_`, e.g. `tickets`.
	 */
	public function table_name(): string;

	/**
	 * Schema version; raise it whenever schema() changes so the installer runs dbDelta again.
	 */
	public function schema_version(): int;

	/**
	 * The CREATE TABLE statement in dbDelta's format (two spaces before PRIMARY KEY, one index per line).
	 *
	 * @param string $table   Full table name, prefix included.
	 * @param string $collate Charset and collation clause of the site.
	 */
	public function schema( string $table, string $collate ): string;
}
