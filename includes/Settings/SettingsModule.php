<?php
/**
 * Settings: their REST resource and the mailbox connection test (the option store itself is
 * shared, see InfrastructureModule).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Settings;

use Aftercare\Infrastructure\InfrastructureModule;
use Aftercare\Infrastructure\Module;
use Aftercare\Mail\Rest\MailboxTestController;
use Aftercare\Settings\Rest\SettingsController;
use Aftercare\Settings\Rest\SettingsSchema;

final class SettingsModule extends Module {

	public function __construct( private InfrastructureModule $shared ) {}

	public function services(): array {
		$settings = $this->shared->settings;
		return array( new SettingsController( $settings, new SettingsSchema( $settings ) ), new MailboxTestController( $settings ) );
	}
}
