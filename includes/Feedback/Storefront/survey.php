<?php
/**
 * The survey page's content: confirm the answer a link carries, then an optional comment; or why
 * the link does not work.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $aftercare_survey Prepared by SurveyPage.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_uid = wp_unique_id( 'aftercare-survey-' );
?>
<section class="aftercare-survey" aria-labelledby="<?php echo esc_attr( $aftercare_uid ); ?>-title">
	<h1 id="<?php echo esc_attr( $aftercare_uid ); ?>-title"><?php echo esc_html( $aftercare_survey['title'] ); ?></h1>

	<?php if ( 'refused' === $aftercare_survey['state'] ) : ?>
		<p class="aftercare-survey__error" role="alert"><?php echo esc_html( $aftercare_survey['message'] ); ?></p>
		<p><a href="<?php echo esc_url( home_url( '/' ) ); ?>"><?php esc_html_e( 'Go to the store', 'aftercare' ); ?></a></p>
	<?php else : ?>
		<?php if ( '' !== $aftercare_survey['notice'] ) : ?>
			<p class="aftercare-survey__notice" role="status"><?php echo esc_html( $aftercare_survey['notice'] ); ?></p>
		<?php endif; ?>
		<?php if ( '' !== $aftercare_survey['error'] ) : ?>
			<p class="aftercare-survey__error" role="alert"><?php echo esc_html( $aftercare_survey['error'] ); ?></p>
		<?php endif; ?>
		<p><?php echo esc_html( $aftercare_survey['about'] ); ?></p>

		<form method="post" action="<?php echo esc_url( $aftercare_survey['action'] ); ?>">
			<?php if ( 'confirm' === $aftercare_survey['state'] ) : ?>
				<p>
					<?php esc_html_e( 'Your answer:', 'aftercare' ); ?>
					<span class="aftercare-survey__choice"><?php echo esc_html( $aftercare_survey['choice'] ); ?></span>
				</p>
				<?php if ( '' !== $aftercare_survey['before'] ) : ?>
					<p>
						<?php
						/* translators: %s: the earlier answer, e.g. "Okay". */
						echo esc_html( sprintf( __( 'You answered "%s" before; sending this answer replaces it.', 'aftercare' ), $aftercare_survey['before'] ) );
						?>
					</p>
				<?php endif; ?>
				<p>
					<button type="submit" class="wp-element-button" name="<?php echo esc_attr( Aftercare\Feedback\Storefront\SurveyPage::SEND_FIELD ); ?>" value="1">
						<?php esc_html_e( 'Send my answer', 'aftercare' ); ?>
					</button>
				</p>
			<?php else : ?>
				<p>
					<?php esc_html_e( 'Your answer:', 'aftercare' ); ?>
					<span class="aftercare-survey__choice"><?php echo esc_html( $aftercare_survey['choice'] ); ?></span>
				</p>
				<p>
					<label for="<?php echo esc_attr( $aftercare_uid ); ?>-comment"><?php esc_html_e( 'Anything you would like to add? (optional)', 'aftercare' ); ?></label>
					<textarea
						id="<?php echo esc_attr( $aftercare_uid ); ?>-comment"
						name="<?php echo esc_attr( Aftercare\Feedback\Storefront\SurveyPage::COMMENT_FIELD ); ?>"
						rows="5"
						maxlength="<?php echo esc_attr( (string) $aftercare_survey['max'] ); ?>"
					><?php echo esc_textarea( $aftercare_survey['comment'] ); ?></textarea>
				</p>
				<p>
					<button type="submit" class="wp-element-button" name="<?php echo esc_attr( Aftercare\Feedback\Storefront\SurveyPage::SEND_FIELD ); ?>" value="1">
						<?php esc_html_e( 'Send comment', 'aftercare' ); ?>
					</button>
				</p>
			<?php endif; ?>
		</form>

		<?php if ( $aftercare_survey['others'] ) : ?>
			<nav aria-label="<?php esc_attr_e( 'Other answers', 'aftercare' ); ?>">
				<p>
					<?php
					echo esc_html(
						'confirm' === $aftercare_survey['state']
							? __( 'Meant another answer?', 'aftercare' )
							: __( 'Changed your mind? You can change your answer:', 'aftercare' )
					);
					?>
				</p>
				<ul class="aftercare-survey__others">
					<?php foreach ( $aftercare_survey['others'] as list( $aftercare_label, $aftercare_url ) ) : ?>
						<li><a href="<?php echo esc_url( $aftercare_url ); ?>"><?php echo esc_html( $aftercare_label ); ?></a></li>
					<?php endforeach; ?>
				</ul>
			</nav>
		<?php endif; ?>
	<?php endif; ?>
</section>
