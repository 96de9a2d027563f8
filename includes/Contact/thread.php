<?php
/**
 * A ticket's public thread and the reply form, as the customer sees it: on the contact page
 * through a guest's signed link, and in My Account. Never shows internal notes (the data comes
 * from the customer's view of the REST API, which leaves them out).
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $aftercare_thread {
 *     @type array  $ticket   REST data of the ticket (number, subject, status).
 *     @type array  $messages REST data of the public messages, oldest first.
 *     @type string $status   Status in words.
 *     @type string $notice   A confirmation to show first ('' for none).
 *     @type string $link     The signed link to show a guest ('' for none).
 *     @type string $error    Why the last reply was refused ('' for none).
 *     @type string $action   Where the reply form posts.
 *     @type array  $hidden   Hidden fields of the reply form.
 *     @type bool   $can_reply Whether replies are taken (closed tickets take none).
 *     @type string $accept   File types for the file input.
 *     @type string $files_hint Size and type hint of the file input.
 * }
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_ticket = $aftercare_thread['ticket'];
$aftercare_uid    = wp_unique_id( 'aftercare-thread-' );
?>
<section class="aftercare-thread" aria-labelledby="<?php echo esc_attr( $aftercare_uid ); ?>-title">
	<?php if ( '' !== $aftercare_thread['notice'] ) : ?>
		<div class="aftercare-thread__notice" role="status">
			<p><?php echo esc_html( $aftercare_thread['notice'] ); ?></p>
			<?php if ( '' !== $aftercare_thread['link'] ) : ?>
				<p>
					<?php esc_html_e( 'Keep this link to come back to your request (we have also emailed it to you):', 'aftercare' ); ?>
					<a class="aftercare-thread__link" href="<?php echo esc_url( $aftercare_thread['link'] ); ?>"><?php echo esc_html( $aftercare_thread['link'] ); ?></a>
				</p>
			<?php endif; ?>
		</div>
	<?php endif; ?>

	<h2 class="aftercare-thread__title" id="<?php echo esc_attr( $aftercare_uid ); ?>-title">
		<?php
		/* translators: 1: ticket number, 2: ticket subject. */
		echo esc_html( sprintf( __( 'Request #%1$d: %2$s', 'aftercare' ), (int) $aftercare_ticket['number'], (string) $aftercare_ticket['subject'] ) );
		?>
	</h2>
	<p class="aftercare-thread__status">
		<?php
		/* translators: %s: ticket status, e.g. "Open". */
		echo esc_html( sprintf( __( 'Status: %s', 'aftercare' ), $aftercare_thread['status'] ) );
		?>
	</p>

	<ol class="aftercare-thread__messages">
		<?php foreach ( $aftercare_thread['messages'] as $aftercare_message ) : ?>
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
								<li>
									<a href="<?php echo esc_url( (string) $aftercare_file['url'] ); ?>" rel="noopener noreferrer"><?php echo esc_html( (string) $aftercare_file['name'] ); ?></a>
									<span class="aftercare-thread__size">(<?php echo esc_html( (string) size_format( (int) $aftercare_file['size'] ) ); ?>)</span>
								</li>
							<?php endforeach; ?>
						</ul>
					<?php endif; ?>
				</article>
			</li>
		<?php endforeach; ?>
	</ol>

	<?php if ( $aftercare_thread['can_reply'] ) : ?>
		<form class="aftercare-thread__reply" method="post" action="<?php echo esc_url( $aftercare_thread['action'] ); ?>" enctype="multipart/form-data">
			<?php foreach ( $aftercare_thread['hidden'] as $aftercare_name => $aftercare_value ) : ?>
				<input type="hidden" name="<?php echo esc_attr( (string) $aftercare_name ); ?>" value="<?php echo esc_attr( (string) $aftercare_value ); ?>" />
			<?php endforeach; ?>
			<?php if ( '' !== $aftercare_thread['error'] ) : ?>
				<p class="aftercare-thread__error" role="alert"><?php echo esc_html( $aftercare_thread['error'] ); ?></p>
			<?php endif; ?>
			<p class="aftercare-thread__field">
				<label for="<?php echo esc_attr( $aftercare_uid ); ?>-reply"><?php esc_html_e( 'Your reply', 'aftercare' ); ?></label>
				<textarea id="<?php echo esc_attr( $aftercare_uid ); ?>-reply" name="message" rows="5" required></textarea>
			</p>
			<p class="aftercare-thread__field">
				<label for="<?php echo esc_attr( $aftercare_uid ); ?>-files"><?php esc_html_e( 'Attachments', 'aftercare' ); ?> <span class="aftercare-thread__optional"><?php esc_html_e( '(optional)', 'aftercare' ); ?></span></label>
				<input id="<?php echo esc_attr( $aftercare_uid ); ?>-files" type="file" name="attachments[]" multiple accept="<?php echo esc_attr( $aftercare_thread['accept'] ); ?>" aria-describedby="<?php echo esc_attr( $aftercare_uid ); ?>-files-hint" />
				<span class="aftercare-thread__hint" id="<?php echo esc_attr( $aftercare_uid ); ?>-files-hint"><?php echo esc_html( $aftercare_thread['files_hint'] ); ?></span>
			</p>
			<p class="wp-block-button">
				<button type="submit" class="wp-block-button__link wp-element-button button"><?php esc_html_e( 'Send reply', 'aftercare' ); ?></button>
			</p>
		</form>
	<?php else : ?>
		<p class="aftercare-thread__closed"><?php esc_html_e( 'This request is closed. If you need more help, please send us a new message.', 'aftercare' ); ?></p>
	<?php endif; ?>
</section>
