<?php
/**
 * A return's status page as its shopper sees it: status, items, what happens next, the
 * timeline, the conversation and a reply form. Used by the returns block (signed link, or the
 * signed-in customer) and My Account → Returns.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $aftercare_status Prepared by ReturnStatusPage::render().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_return = $aftercare_status['return'];
$aftercare_uid    = wp_unique_id( 'aftercare-return-' );
$aftercare_refund = (array) ( $aftercare_return['refund'] ?? array() );
?>
<section class="aftercare-return" aria-labelledby="<?php echo esc_attr( $aftercare_uid ); ?>-title">
	<?php if ( '' !== $aftercare_status['notice'] ) : ?>
		<div class="aftercare-thread__notice" role="status">
			<p><?php echo esc_html( $aftercare_status['notice'] ); ?></p>
			<?php if ( '' !== $aftercare_status['link'] ) : ?>
				<p>
					<?php esc_html_e( 'Keep this link to come back to your return (we have also emailed it to you):', 'aftercare' ); ?>
					<a class="aftercare-thread__link" href="<?php echo esc_url( $aftercare_status['link'] ); ?>"><?php echo esc_html( $aftercare_status['link'] ); ?></a>
				</p>
			<?php endif; ?>
		</div>
	<?php endif; ?>

	<h2 class="aftercare-return__title" id="<?php echo esc_attr( $aftercare_uid ); ?>-title" tabindex="-1">
		<?php
		/* translators: %s: return number, e.g. R-1001. */
		echo esc_html( sprintf( __( 'Return %s', 'aftercare' ), (string) $aftercare_return['number'] ) );
		?>
	</h2>
	<p class="aftercare-return__status">
		<?php esc_html_e( 'Status:', 'aftercare' ); ?>
		<strong
			class="aftercare-return__badge"
			data-status="<?php echo esc_attr( (string) $aftercare_return['status'] ); ?>"
		><?php echo esc_html( (string) $aftercare_return['status_label'] ); ?></strong>
	</p>
	<p class="aftercare-return__order">
		<?php
		echo esc_html(
			/* translators: 1: order number, 2: what the shopper asked for, e.g. "Store credit". */
			sprintf( __( 'Order #%1$s · You asked for: %2$s', 'aftercare' ), (string) $aftercare_return['order']['number'], $aftercare_status['outcome'] )
		);
		?>
	</p>
	<?php if ( '' !== (string) ( $aftercare_return['shipping_instructions'] ?? '' ) ) : ?>
		<div class="aftercare-return__shipping">
			<h3><?php esc_html_e( 'How to send the items back', 'aftercare' ); ?></h3>
			<p><?php echo nl2br( esc_html( (string) $aftercare_return['shipping_instructions'] ) ); ?></p>
		</div>
	<?php endif; ?>
	<?php if ( 'refund' === ( $aftercare_return['resolution'] ?? '' ) && (float) ( $aftercare_refund['amount'] ?? 0 ) > 0 ) : ?>
		<p class="aftercare-return__resolution">
			<?php
			/* translators: %s: amount refunded. */
			echo esc_html( sprintf( __( 'Refunded: %s', 'aftercare' ), $aftercare_status['refunded'] ) );
			?>
		</p>
	<?php elseif ( '' !== (string) ( $aftercare_return['coupon_code'] ?? '' ) ) : ?>
		<p class="aftercare-return__resolution">
			<?php
			/* translators: %s: coupon code. */
			echo esc_html( sprintf( __( 'Your store credit code: %s', 'aftercare' ), (string) $aftercare_return['coupon_code'] ) );
			?>
		</p>
	<?php endif; ?>

	<div class="aftercare-return__section">
		<h3><?php esc_html_e( 'Items', 'aftercare' ); ?></h3>
		<ul class="aftercare-return__items">
			<?php foreach ( (array) $aftercare_return['items'] as $aftercare_item ) : ?>
				<li>
					<?php
					echo esc_html(
						sprintf(
							/* translators: 1: quantity, 2: product name, 3: reason. */
							__( '%1$d × %2$s — %3$s', 'aftercare' ),
							(int) $aftercare_item['quantity'],
							(string) $aftercare_item['name'],
							(string) $aftercare_item['reason_label']
						)
					);
					?>
				</li>
			<?php endforeach; ?>
		</ul>
	</div>

	<div class="aftercare-return__section">
		<h3><?php esc_html_e( 'History', 'aftercare' ); ?></h3>
		<ol class="aftercare-return__timeline">
			<?php foreach ( $aftercare_status['timeline'] as $aftercare_event ) : ?>
				<li>
					<time datetime="<?php echo esc_attr( $aftercare_event['time'] ); ?>"><?php echo esc_html( $aftercare_event['date'] ); ?></time>
					<span><?php echo esc_html( $aftercare_event['label'] ); ?></span>
				</li>
			<?php endforeach; ?>
		</ol>
	</div>

	<?php
	$aftercare_conversation = array(
		'uid'           => $aftercare_uid,
		'heading'       => __( 'Messages', 'aftercare' ),
		'section_class' => 'aftercare-return__section',
		'sizes'         => false,
		'label'         => __( 'Your message', 'aftercare' ),
		'rows'          => 4,
		'submit'        => __( 'Send message', 'aftercare' ),
		'closed'        => __( 'This return is closed. If you need more help, please contact us.', 'aftercare' ),
	) + $aftercare_status;
	require __DIR__ . '/../../Tickets/Storefront/thread-messages.php';
	?>
</section>
