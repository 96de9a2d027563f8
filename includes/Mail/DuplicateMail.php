<?php
/**
 * Thrown inside Inbox's unit of work when another delivery of the same mail was written first:
 * it rolls the ticket write back.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Mail;

final class DuplicateMail extends \RuntimeException {}
