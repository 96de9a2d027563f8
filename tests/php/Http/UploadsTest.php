<?php
/**
 * Uploads: PHP's grouped `attachments[]` field as a list of files, one file sent alone, and empty
 * file inputs (a slot without a file) left out.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Http;

use Aftercare\Http\Uploads;
use Aftercare\Tests\TestCase;

final class UploadsTest extends TestCase {

	/**
	 * @param array<string, mixed> $files File params.
	 */
	private function request( array $files ): \WP_REST_Request {
		$request = new \WP_REST_Request( 'POST', '/aftercare/v1/tickets' );
		$request->set_file_params( $files );
		return $request;
	}

	public function test_a_grouped_field_becomes_one_entry_per_file_without_the_empty_slots(): void {
		$files = Uploads::from(
			$this->request(
				array(
					'attachments' => array(
						'name'     => array( 'a.jpg', '', 'b.pdf' ),
						'type'     => array( 'image/jpeg', '', 'application/pdf' ),
						'tmp_name' => array( '/tmp/a', '', '/tmp/b' ),
						'size'     => array( 10, 0, 20 ),
						'error'    => array( UPLOAD_ERR_OK, UPLOAD_ERR_NO_FILE, UPLOAD_ERR_INI_SIZE ),
					),
				)
			)
		);
		$this->assertSame(
			array(
				array(
					'name'     => 'a.jpg',
					'tmp_name' => '/tmp/a',
					'size'     => 10,
					'error'    => UPLOAD_ERR_OK,
				),
				array(
					'name'     => 'b.pdf',
					'tmp_name' => '/tmp/b',
					'size'     => 20,
					'error'    => UPLOAD_ERR_INI_SIZE,
				),
			),
			$files,
			'a failed upload is still reported; only "no file" is nothing'
		);
	}

	public function test_a_single_file_field_is_a_list_of_one(): void {
		$files = Uploads::from(
			$this->request(
				array(
					'attachments' => array(
						'name'     => 'photo.png',
						'type'     => 'image/png',
						'tmp_name' => '/tmp/p',
						'size'     => 5,
						'error'    => UPLOAD_ERR_OK,
					),
				)
			)
		);
		$this->assertCount( 1, $files );
		$this->assertSame( 'photo.png', $files[0]['name'] );
	}

	public function test_no_field_or_only_an_empty_input_is_no_upload(): void {
		$this->assertSame( array(), Uploads::from( $this->request( array() ) ) );
		$this->assertSame( array(), Uploads::from( $this->request( array( 'photos' => array( 'name' => 'x.jpg' ) ) ) ) );
		$empty = array(
			'name'     => array( '' ),
			'type'     => array( '' ),
			'tmp_name' => array( '' ),
			'size'     => array( 0 ),
			'error'    => array( UPLOAD_ERR_NO_FILE ),
		);
		$this->assertSame( array(), Uploads::from( $this->request( array( 'attachments' => $empty ) ) ) );
	}
}
