<?php
/**
 * A conversation's messages and its reply form, as the customer sees them: shared by a ticket's
 * thread (thread.php) and a return's status page (Returns/return-status.php), which differ only
 * in the words and sizes passed here.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $aftercare_conversation {
 *     @type string $uid         Id prefix unique on the page.
 *     @type array  $messages    REST data of the public messages, oldest first.
 *     @type string $heading     Heading above the messages, wrapped with them in a div of
 *                               class `section_class` ('' for neither).
 *     @type string $section_class Class of that div.
 *     @type bool   $sizes       Whether each attachment's size is shown.
 *     @type bool   $can_reply   Whether replies are taken; else `closed` is shown.
 *     @type string $action      Where the reply form posts.
 *     @type array  $hidden      Hidden fields of the reply form.
 *     @type string $error       Why the last reply was refused ('' for none).
 *     @type string $accept      File types for the file input.
 *     @type string $files_hint  Size and type hint of the file input.
 *     @type string $label       Label of the message field.
 *     @type int    $rows        Rows of the message field.
 *     @type string $submit      Text of the submit button.
 *     @type string $closed      What to say when replies are not taken.
 * }
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_uid = (string) $aftercare_conversation['uid'];
?>
<?php if ( '' !== $aftercare_conversation['heading'] ) : ?>
	<div class="<?php echo esc_attr( (string) $aftercare_conversation['section_class'] ); ?>">
		<h3><?php echo esc_html( (string) $aftercare_conversation['heading'] ); ?></h3>
<?php endif; ?>
	<ol class="aftercare-thread__messages">
		<?php foreach ( $aftercare_conversation['messages'] as $aftercare_message ) : ?>
			<li class="aftercare-thread__message aftercare-thread__message--<?php echo esc_attr( (string) $aftercare_message['author']['role'] ); ?>">
				<article aria-label="<?php echo esc_attr( (string) $aftercare_message['author']['name'] ); ?>">
					<header class="aftercare-thread__meta">
						<strong><?php echo esc_html( (string) $aftercare_message['author']['name'] ); ?></strong>
						<?php if ( 'agent' === $aftercare_message['author']['role'] ) : ?>
							<span class="aftercare-thread__badge"><?php esc_html_e( 'Support team', 'aftercare' ); ?></span>
						<?php endif; ?>
						<time datetime="<?php echo esc_attr( (string) $aftercare_message['created'] ); ?>">
							<?php
							echo esc_html( wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) strtotime( (string) $aftercare_message['created'] ) ) );
							?>
						</time>
					</header>
					<div class="aftercare-thread__body"><?php echo wp_kses_post( (string) $aftercare_message['body'] ); ?></div>
					<?php if ( ! empty( $aftercare_message['attachments'] ) ) : ?>
						<ul class="aftercare-thread__files">
							<?php foreach ( $aftercare_message['attachments'] as $aftercare_file ) : ?>
								<li>
									<a
										href="<?php echo esc_url( (string) $aftercare_file['url'] ); ?>"
										rel="noopener noreferrer"
									><?php echo esc_html( (string) $aftercare_file['name'] ); ?></a>
									<?php if ( $aftercare_conversation['sizes'] ) : ?>
										<span class="aftercare-thread__size">(<?php echo esc_html( (string) size_format( (int) $aftercare_file['size'] ) ); ?>)</span>
									<?php endif; ?>
								</li>
							<?php endforeach; ?>
						</ul>
					<?php endif; ?>
				</article>
			</li>
		<?php endforeach; ?>
	</ol>
<?php if ( '' !== $aftercare_conversation['heading'] ) : ?>
	</div>
<?php endif; ?>

	<?php if ( $aftercare_conversation['can_reply'] ) : ?>
		<form
			class="aftercare-thread__reply"
			method="post"
			action="<?php echo esc_url( (string) $aftercare_conversation['action'] ); ?>"
			enctype="multipart/form-data"
		>
			<?php foreach ( $aftercare_conversation['hidden'] as $aftercare_name => $aftercare_value ) : ?>
				<input type="hidden" name="<?php echo esc_attr( (string) $aftercare_name ); ?>" value="<?php echo esc_attr( (string) $aftercare_value ); ?>" />
			<?php endforeach; ?>
			<?php if ( '' !== $aftercare_conversation['error'] ) : ?>
				<p class="aftercare-thread__error" role="alert"><?php echo esc_html( (string) $aftercare_conversation['error'] ); ?></p>
			<?php endif; ?>
			<p class="aftercare-thread__field">
				<label for="<?php echo esc_attr( $aftercare_uid ); ?>-reply"><?php echo esc_html( (string) $aftercare_conversation['label'] ); ?></label>
				<textarea
					id="<?php echo esc_attr( $aftercare_uid ); ?>-reply"
					name="message"
					rows="<?php echo esc_attr( (string) $aftercare_conversation['rows'] ); ?>"
					required
				></textarea>
			</p>
			<p class="aftercare-thread__field">
				<label for="<?php echo esc_attr( $aftercare_uid ); ?>-files"><?php esc_html_e( 'Attachments', 'aftercare' ); ?> <span class="aftercare-thread__optional"><?php esc_html_e( '(optional)', 'aftercare' ); // phpcs:ignore Generic.Files.LineLength.TooLong -- HTML. ?></span></label>
				<input
					id="<?php echo esc_attr( $aftercare_uid ); ?>-files"
					type="file"
					name="attachments[]"
					multiple
					accept="<?php echo esc_attr( (string) $aftercare_conversation['accept'] ); ?>"
					aria-describedby="<?php echo esc_attr( $aftercare_uid ); ?>-files-hint"
				/>
				<span
					class="aftercare-thread__hint"
					id="<?php echo esc_attr( $aftercare_uid ); ?>-files-hint"
				><?php echo esc_html( (string) $aftercare_conversation['files_hint'] ); ?></span>
			</p>
			<p class="wp-block-button">
				<button type="submit" class="wp-block-button__link wp-element-button button"><?php echo esc_html( (string) $aftercare_conversation['submit'] ); ?></button>
			</p>
		</form>
	<?php else : ?>
		<p class="aftercare-thread__closed"><?php echo esc_html( (string) $aftercare_conversation['closed'] ); ?></p>
	<?php endif; ?>
