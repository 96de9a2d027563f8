<?php
/**
 * The store's attachment settings, where files come in: the types it chose (from the safe list)
 * and the limit for all files of one message. A refused upload writes nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Tickets\Rest;

use Aftercare\Settings\Settings;
use Aftercare\Tickets\Storefront\CustomerThreads;

final class AttachmentTypesTest extends TicketRestTestCase {

	public function test_a_type_the_store_did_not_choose_is_refused_for_customers_and_agents(): void {
		( new Settings() )->update( array( 'attachment_types' => array( 'image/png', 'application/pdf' ) ) );
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		$before = $this->snapshot();

		$log   = array( array( 'log.txt', "a log\n" ) );
		$guest = $this->multipart( $path, array( 'body' => 'Log' ), $log, 0, $ticket['access_token'] );
		$this->assertErrorCode( 'aftercare_file_type', $guest, 400 );
		$this->assertSame( 'Only these files can be attached: PNG and PDF.', $guest->get_data()['message'] );
		$this->assertErrorCode( 'aftercare_file_type', $this->multipart( $path, array( 'body' => 'Log' ), $log, $this->agent->ID ), 400 );
		$this->assertSame( $before, $this->snapshot(), 'nothing written' );

		$photo = array( array( 'photo.png', self::png() ) );
		$this->assertSame( 201, $this->multipart( $path, array( 'body' => 'Photo' ), $photo, 0, $ticket['access_token'] )->get_status() );
	}

	public function test_the_file_inputs_offer_only_the_chosen_types(): void {
		( new Settings() )->update( array( 'attachment_types' => array( 'image/jpeg', 'text/plain' ) ) );
		$threads = new CustomerThreads( new Settings() );

		$this->assertSame( '.jpg,.jpeg,.txt,.log,.csv', $threads->accept() );
		$this->assertSame( '.jpg,.jpeg', $threads->accept( \Aftercare\Tickets\AttachmentStore::INLINE_TYPES ), 'return photos: images only' );
		$this->assertStringContainsString( 'JPEG and plain text', $threads->files_hint() );
		$this->assertStringNotContainsString( 'PDF', $threads->files_hint() );
	}

	public function test_the_files_of_one_message_stay_within_the_message_limit(): void {
		( new Settings() )->update(
			array(
				'attachment_max_size_mb'    => 2,
				'attachment_max_message_mb' => 3,
			)
		);
		$ticket = $this->guest_ticket();
		$path   = '/aftercare/v1/tickets/' . $ticket['id'] . '/messages';
		$file   = static fn( string $name ): array => array( $name, str_repeat( "lorem ipsum\n", 130000 ) ); // 1.5 MB.
		$dir    = wp_upload_dir()['basedir'] . '/aftercare-private/';
		$files  = glob( $dir . '*' );
		$before = $this->snapshot();

		$over = $this->multipart( $path, array( 'body' => 'Logs' ), array( $file( 'a.txt' ), $file( 'b.txt' ), $file( 'c.txt' ) ), $this->agent->ID );
		$this->assertErrorCode( 'aftercare_message_too_large', $over, 400 );
		$this->assertStringContainsString( '3 MB at most', $over->get_data()['message'] );
		$this->assertSame( $before, $this->snapshot() );
		$this->assertSame( $files, glob( $dir . '*' ), 'no stored file left behind' );

		$this->assertSame( 201, $this->multipart( $path, array( 'body' => 'Logs' ), array( $file( 'a.txt' ), $file( 'b.txt' ) ), $this->agent->ID )->get_status() );
	}
}
