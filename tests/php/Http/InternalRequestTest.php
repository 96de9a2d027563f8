<?php
/**
 * InternalRequest: a route called inside the request as the current visitor (its permission
 * check decides), uploads passed on as a browser sent them, and refusals in words for people.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Http;

use Aftercare\Http\InternalRequest;
use Aftercare\Tests\Tickets\Rest\TicketRestTestCase;

final class InternalRequestTest extends TicketRestTestCase {

	public function test_the_route_answers_as_the_current_visitor(): void {
		wp_set_current_user( $this->customer_a->ID );
		$created = InternalRequest::dispatch(
			'POST',
			'/aftercare/v1/tickets',
			array(
				'subject' => 'Wrong size',
				'message' => 'Can I swap it?',
			)
		);
		$this->assertSame( 201, $created['status'], (string) wp_json_encode( $created['data'] ) );
		$path = '/aftercare/v1/tickets/' . $created['data']['id'];
		$this->assertSame( 'Wrong size', InternalRequest::dispatch( 'GET', $path, array( 'context' => 'view' ) )['data']['subject'] );

		wp_set_current_user( $this->customer_b->ID );
		$refused = InternalRequest::dispatch( 'GET', $path, array() );
		$this->assertSame( 403, $refused['status'] );
		$this->assertSame( 'Sorry, you are not allowed to do that.', InternalRequest::error_message( $refused ) );
	}

	public function test_a_form_sent_with_an_empty_file_input_makes_no_attachment(): void {
		$created = InternalRequest::dispatch(
			'POST',
			'/aftercare/v1/tickets',
			array(
				'name'    => 'Gwen Guest',
				'email'   => 'gwen@example.test',
				'subject' => 'Where is my parcel?',
				'message' => 'It has been a week.',
			),
			array(
				'attachments' => array(
					'name'     => array( '' ),
					'type'     => array( '' ),
					'tmp_name' => array( '' ),
					'size'     => array( 0 ),
					'error'    => array( UPLOAD_ERR_NO_FILE ),
				),
			)
		);
		$this->assertSame( 201, $created['status'], (string) wp_json_encode( $created['data'] ) );
		$this->assertSame( 0, $this->count_rows( 'attachments' ) );
	}

	public function test_people_read_the_routes_refusal_but_never_a_server_error(): void {
		$this->assertSame(
			'Too many requests.',
			InternalRequest::error_message(
				array(
					'status' => 429,
					'data'   => array( 'message' => 'Too many requests.' ),
				)
			)
		);
		$sorry = 'Something went wrong. Please try again.';
		$this->assertSame(
			$sorry,
			InternalRequest::error_message(
				array(
					'status' => 500,
					'data'   => array( 'message' => 'SQLSTATE[42S02]: table missing' ),
				)
			)
		);
		$this->assertSame(
			$sorry,
			InternalRequest::error_message(
				array(
					'status' => 400,
					'data'   => array( 'message' => array( 'not', 'words' ) ),
				)
			)
		);
	}
}
