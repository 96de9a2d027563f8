<?php
/**
 * One domain's part of the composition root. Its constructor builds the services other modules
 * use (as public properties); services() builds the rest and returns everything the domain
 * hooks into WordPress, tables() the tables it owns and migrations() its data migrations.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Infrastructure;

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
}
