<?php
/**
 * Prepares a bench site for mail in and prints its inbound secret as JSON:
 * `php bench/mail-in-setup.php <siteDir>`.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

require __DIR__ . '/lib/wordpress.php';
require aftercare_bench_wp_load( $argv, 1, 'bench/mail-in-setup.php <siteDir>' );

( new Aftercare\Settings\Settings() )->update( array( 'support_email' => 'help@shop.example' ) );
echo wp_json_encode( array( 'secret' => ( new Aftercare\Mail\ReplyAddress( new Aftercare\Settings\Settings() ) )->secret() ) ), "\n";
