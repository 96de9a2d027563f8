<?php
/**
 * One domain's part of the composition root. Its constructor builds the services other modules
 * use (as public properties); services() builds the rest and returns everything the domain
 * hooks into WordPress, tables() the tables it owns, migrations() its data migrations and
 * commands() its WP-CLI commands (asked only under WP-CLI).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

use Aftercare\Cli\Command;
use Aftercare\Cli\Output;
use Aftercare\Infrastructure\Database\Table;

abstract class Module {

	/**
	 * What the domain registers, in the order its hooks are added. The root asks once.
	 *
	 * @return Registrable[]
	 */
	abstract public function services(): array;

	/**
	 * The tables the domain's repositories own.
	 *
	 * @return Table[]
	 */
	public function tables(): array {
		return array();
	}

	/**
	 * Data migrations by id, in the order they must run (see Installer).
	 *
	 * @return array<string, callable(): bool>
	 */
	public function migrations(): array {
		return array();
	}

	/**
	 * The domain's `wp aftercare …` commands by name (e.g. `aftercare outbox`). Asked only under
	 * WP-CLI, so their classes are never loaded on a web request.
	 *
	 * @return array<string, Command>
	 */
	public function commands( Output $output ): array {
		return array();
	}
}
