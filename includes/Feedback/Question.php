<?php
/**
 * The question a mail asks, with one signed link per answer. Plain data; the mail templates
 * escape it.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Feedback;

final class Question {

	/**
	 * @param string                                  $prompt  E.g. "How did we do?".
	 * @param array<int, array{0: string, 1: string}> $answers Label and link of each answer, in order.
	 */
	public function __construct( public readonly string $prompt, public readonly array $answers ) {}
}
