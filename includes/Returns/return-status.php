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
		<strong class="aftercare-return__badge" data-status="<?php echo esc_attr( (string) $aftercare_return['status'] ); ?>"><?php echo esc_html( (string) $aftercare_return['status_label'] ); ?></strong>
	</p>
	<p class="aftercare-return__order">
		<?php
		/* translators: 1: order number, 2: what the shopper asked for, e.g. "Store credit". */
		echo esc_html( sprintf( __( 'Order #%1$s · You asked for: %2$s', 'aftercare' ), (string) $aftercare_return['order']['number'], $aftercare_status['outcome'] ) );
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
					/* translators: 1: quantity, 2: product name, 3: reason. */
					echo esc_html( sprintf( __( '%1$d × %2$s — %3$s', 'aftercare' ), (int) $aftercare_item['quantity'], (string) $aftercare_item['name'], (string) $aftercare_item['reason_label'] ) );
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

	<div class="aftercare-return__section">
		<h3><?php esc_html_e( 'Messages', 'aftercare' ); ?></h3>
		<ol class="aftercare-thread__messages">
			<?php foreach ( $aftercare_status['messages'] as $aftercare_message ) : ?>
				<li class="aftercare-thread__message aftercare-thread__message--<?php echo esc_attr( (string) $aftercare_message['author']['role'] ); ?>">
					<article aria-label="<?php echo esc_attr( (string) $aftercare_message['author']['name'] ); ?>">
						<header class="aftercare-thread__meta">
							<strong><?php echo esc_html( (string) $aftercare_message['author']['name'] ); ?></strong>
							<?php if ( 'agent' === $aftercare_message['author']['role'] ) : ?>
								<span class="aftercare-thread__badge"><?php esc_html_e( 'Support team', 'aftercare' ); ?></span>
							<?php endif; ?>
							<time datetime="<?php echo esc_attr( (string) $aftercare_message['created'] ); ?>">
								<?php echo esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) strtotime( (string) $aftercare_message['created'] ) ) ); ?>
							</time>
						</header>
						<div class="aftercare-thread__body"><?php echo wp_kses_post( (string) $aftercare_message['body'] ); ?></div>
						<?php if ( ! empty( $aftercare_message['attachments'] ) ) : ?>
							<ul class="aftercare-thread__files">
								<?php foreach ( $aftercare_message['attachments'] as $aftercare_file ) : ?>
									<li><a href="<?php echo esc_url( (string) $aftercare_file['url'] ); ?>" rel="noopener noreferrer"><?php echo esc_html( (string) $aftercare_file['name'] ); ?></a></li>
								<?php endforeach; ?>
							</ul>
						<?php endif; ?>
					</article>
				</li>
			<?php endforeach; ?>
		</ol>
	</div>

	<?php if ( $aftercare_status['can_reply'] ) : ?>
		<form class="aftercare-thread__reply" method="post" action="<?php echo esc_url( $aftercare_status['action'] ); ?>" enctype="multipart/form-data">
			<?php foreach ( $aftercare_status['hidden'] as $aftercare_name => $aftercare_value ) : ?>
				<input type="hidden" name="<?php echo esc_attr( (string) $aftercare_name ); ?>" value="<?php echo esc_attr( (string) $aftercare_value ); ?>" />
			<?php endforeach; ?>
			<?php if ( '' !== $aftercare_status['error'] ) : ?>
				<p class="aftercare-thread__error" role="alert"><?php echo esc_html( $aftercare_status['error'] ); ?></p>
			<?php endif; ?>
			<p class="aftercare-thread__field">
				<label for="<?php echo esc_attr( $aftercare_uid ); ?>-reply"><?php esc_html_e( 'Your message', 'aftercare' ); ?></label>
				<textarea id="<?php echo esc_attr( $aftercare_uid ); ?>-reply" name="message" rows="4" required></textarea>
			</p>
			<p class="aftercare-thread__field">
				<label for="<?php echo esc_attr( $aftercare_uid ); ?>-files"><?php esc_html_e( 'Attachments', 'aftercare' ); ?> <span class="aftercare-thread__optional"><?php esc_html_e( '(optional)', 'aftercare' ); ?></span></label>
				<input id="<?php echo esc_attr( $aftercare_uid ); ?>-files" type="file" name="attachments[]" multiple accept="<?php echo esc_attr( $aftercare_status['accept'] ); ?>" aria-describedby="<?php echo esc_attr( $aftercare_uid ); ?>-files-hint" />
				<span class="aftercare-thread__hint" id="<?php echo esc_attr( $aftercare_uid ); ?>-files-hint"><?php echo esc_html( $aftercare_status['files_hint'] ); ?></span>
			</p>
			<p class="wp-block-button">
				<button type="submit" class="wp-block-button__link wp-element-button button"><?php esc_html_e( 'Send message', 'aftercare' ); ?></button>
			</p>
		</form>
	<?php else : ?>
		<p class="aftercare-thread__closed"><?php esc_html_e( 'This return is closed. If you need more help, please contact us.', 'aftercare' ); ?></p>
	<?php endif; ?>
</section>
