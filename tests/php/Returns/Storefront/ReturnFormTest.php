<?php
/**
 * The return form's state: read from a posted step (cleaned, bounded, an unknown step is the
 * first), the proved order's lines with what was entered for each, and the request it makes
 * (a guest's number and email or a customer's order id, only the chosen lines).
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Returns\Storefront;

use Aftercare\Returns\Storefront\ReturnForm;
use Aftercare\Tests\TestCase;

final class ReturnFormTest extends TestCase {

	protected function tearDown(): void {
		$_POST = array();
		parent::tearDown();
	}

	/**
	 * @return array<mixed> An eligibility answer for lines 7 (2 bought, 1 already returned) and 8.
	 */
	private static function eligibility(): array {
		$line = static fn( int $id, int $quantity, int $returned, int $returnable ): array => array(
			'order_item_id' => $id,
			'name'          => 'Item ' . $id,
			'quantity'      => $quantity,
			'returned'      => $returned,
			'refunded'      => 0,
			'returnable'    => $returnable,
			'reason'        => $returnable ? '' : 'Already returned.',
		);
		return array(
			'order' => array( 'number' => '1001' ),
			'items' => array( $line( 7, 2, 1, 1 ), $line( 8, 1, 1, 0 ) ),
		);
	}

	public function test_a_posted_step_is_read_cleaned_and_bounded(): void {
		$_POST = wp_slash(
			array(
				'aftercare_step'         => 'outcome',
				'aftercare_order_number' => ' #1001 ',
				'aftercare_email'        => 'gwen@example.test<b>',
				'aftercare_order_id'     => '42',
				'aftercare_comment'      => "Too small.\nSorry.",
				'aftercare_outcome'      => 'refund',
				'aftercare_items'        => array(
					7 => array(
						'quantity' => '99999',
						'reason'   => 'Size!',
					),
				),
			)
		);
		$form = ReturnForm::from_request();
		$this->assertSame(
			array( 'outcome', '1001', 'gwen@example.test', 42, "Too small.\nSorry.", 'refund' ),
			array( $form->step, $form->order_number, $form->email, $form->order_id, $form->comment, $form->outcome )
		);

		$form->with_order( self::eligibility() );
		$this->assertSame( '1001', $form->proved_number );
		$this->assertSame(
			array(
				'id'         => 7,
				'name'       => 'Item 7',
				'bought'     => 2,
				'done'       => 1,
				'returnable' => 1,
				'note'       => '',
				'quantity'   => 10000,
				'reason'     => 'size',
			),
			$form->lines[0]
		);
		$this->assertSame( array( 0, '' ), array( $form->lines[1]['quantity'], $form->lines[1]['reason'] ), 'nothing entered for line 8' );

		$_POST = array( 'aftercare_step' => 'pay' );
		$this->assertSame( 'order', ReturnForm::from_request()->step );
	}

	public function test_the_request_names_the_order_as_the_visitor_proves_it_and_only_the_chosen_lines(): void {
		$form = ( new ReturnForm( 'review', '1001', 'gwen@example.test', 42, '', 'refund', array( 7 => array( 'quantity' => 1, 'reason' => 'size' ) ) ) )->with_order(
			self::eligibility()
		);
		$items = array(
			array(
				'order_item_id' => 7,
				'quantity'      => 1,
				'reason'        => 'size',
			),
		);
		$this->assertSame(
			array(
				'order_number' => '1001',
				'email'        => 'gwen@example.test',
				'items'        => $items,
				'outcome'      => 'refund',
			),
			$form->params(),
			'a guest: number and email; no empty comment'
		);
		wp_set_current_user( $this->user( 'subscriber' )->ID );
		$this->assertSame(
			array(
				'order_id' => 42,
				'items'    => $items,
				'outcome'  => 'refund',
			),
			$form->params(),
			'a customer: the order id'
		);

		$refused = $form->refused( 'items', 'Why not.', 400 );
		$this->assertSame( array( 'items', 'Why not.', 400 ), array( $refused->step, $refused->error, $refused->http ) );
	}
}
