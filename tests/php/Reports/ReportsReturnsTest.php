<?php
/**
 * Returns in the reports: settled returns by reason and outcome, the value refunded, the effort
 * score's mean, per product; kept by events as a rebuild counts them.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Reports;

use Aftercare\Feedback\Survey;
use Aftercare\Feedback\SurveyLinks;
use Aftercare\Plugin;
use Aftercare\Reports\Facts;
use Aftercare\Tests\Returns\ReturnsTestCase;

final class ReportsReturnsTest extends ReturnsTestCase {

	public function test_settled_returns_by_reason_outcome_refund_and_effort(): void {
		$agent = $this->user( 'aftercare_agent' );
		$admin = $this->user( 'administrator' );
		$today = Facts::day( time() );

		$order    = $this->order();
		$refunded = $this->returns->create( $order, $this->input( $order, array( array( 0, 1, 'size' ), array( 1, 1, 'changed_mind' ) ) ), 0 )['return'];
		$this->returns->move( $refunded->id, 'approved', $agent->ID );
		$this->returns->receive( $refunded->id, array(), false, $agent->ID );
		$refunded = $this->returns->refund( $refunded->id, $agent->ID, false, 0.0, '' );
		$this->assertGreaterThan( 0, $refunded->refund_amount );

		// Rejected: not settled, not counted.
		$other    = $this->order( array( 'email' => 'gwen@example.test' ) );
		$rejected = $this->returns->create( $other, $this->input( $other, array( array( 0, 1, 'not_as_described' ) ) ), 0 )['return'];
		$this->returns->move( $rejected->id, 'rejected', $agent->ID );

		$link = ( new SurveyLinks() )->sign( Survey::Effort, $refunded->id, 4, time() + DAY_IN_SECONDS, 'gwen@example.test' );
		Plugin::instance()->feedback->answer( $link->token(), null );

		$table = Plugin::instance()->reports->table;
		$kept  = array_filter( $table->day( $today ), static fn( string $key ): bool => ! str_contains( $key, '|backlog' ), ARRAY_FILTER_USE_KEY );
		Plugin::instance()->reports->rollup->rebuild( $today );
		$rebuilt = array_filter( $table->day( $today ), static fn( string $key ): bool => ! str_contains( $key, '|backlog' ), ARRAY_FILTER_USE_KEY );
		$this->assertSame( $kept, $rebuilt );

		$data = $this->rest( 'GET', '/aftercare/v1/reports/summary', array( 'from' => $today, 'to' => $today ), $admin->ID )->get_data();
		$this->assertSame( array( 'settled' => 1, 'refund_value' => round( $refunded->refund_amount, 2 ) ), $data['current']['returns'] );
		$this->assertSame( array( 'count' => 1, 'sum' => 4, 'mean' => 4.0 ), $data['current']['ces'] );
		$this->assertSame( array( 'changed_mind' => 1, 'size' => 1 ), array_column( $data['returns']['by_reason'], 'current', 'code' ) );
		$this->assertSame( 'Does not fit', array_column( $data['returns']['by_reason'], 'label', 'code' )['size'] );
		$this->assertSame( array( 'refunded' => 1 ), array_column( $data['returns']['by_outcome'], 'current', 'code' ) );

		$by_product = array(
			'from'  => $today,
			'to'    => $today,
			'group' => 'product',
		);
		$products   = $this->rest( 'GET', '/aftercare/v1/reports/breakdown', $by_product, $admin->ID )->get_data()['rows'];
		$ids = array_values( array_unique( array_map( static fn( $item ): string => (string) $item->product_id, $refunded->items ) ) );
		$this->assertSame( $ids, array_column( $products, 'key' ), 'one row per returned product' );
		foreach ( $products as $row ) {
			$this->assertSame( 1, $row['current']['returns']['settled'] );
			$this->assertSame( 4.0, $row['current']['ces']['mean'] );
		}
	}
}
