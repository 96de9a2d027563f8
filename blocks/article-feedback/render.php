<?php
/**
 * Server rendering of the aftercare/article-feedback block: "Was this helpful?" and an optional
 * comment. Voting needs the script (view.ts), so the block shows once it runs.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $attributes     Block attributes.
 * @var array<string, mixed> $aftercare_data Prepared by HelpCenter\HelpBlocks::render_feedback().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_id = wp_unique_id( 'aftercare-feedback-' );
wp_interactivity_state(
	'aftercare/article-feedback',
	array(
		'messages' => array(
			'thanks' => __( 'Thanks for your feedback!', 'aftercare' ),
			'saved'  => __( 'Thanks, we read every comment.', 'aftercare' ),
			'failed' => __( 'Sorry, your feedback could not be sent. Please try again.', 'aftercare' ),
		),
	)
);
?>
<section
	<?php echo get_block_wrapper_attributes(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
	aria-labelledby="<?php echo esc_attr( $aftercare_id ); ?>"
	hidden
	data-wp-interactive="aftercare/article-feedback"
	<?php
	echo wp_interactivity_data_wp_context( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
		array(
			'rest'      => (string) $aftercare_data['rest'],
			'articleId' => (int) $aftercare_data['post_id'],
			'ready'     => false,
			'vote'      => '',
			'busy'      => false,
			'commented' => false,
			'message'   => '',
		)
	);
	?>
	data-wp-init="callbacks.show"
	data-wp-bind--hidden="!context.ready"
>
	<h2
		id="<?php echo esc_attr( $aftercare_id ); ?>"
		class="wp-block-aftercare-article-feedback__question"
	><?php esc_html_e( 'Was this article helpful?', 'aftercare' ); ?></h2>
	<div class="wp-block-aftercare-article-feedback__choices">
		<button
			type="button"
			class="wp-block-aftercare-article-feedback__choice wp-element-button"
			aria-pressed="false"
			data-wp-bind--aria-pressed="state.saidYes"
			data-wp-bind--disabled="context.busy"
			data-wp-on--click="actions.yes"
		><?php esc_html_e( 'Yes', 'aftercare' ); ?></button>
		<button
			type="button"
			class="wp-block-aftercare-article-feedback__choice wp-element-button"
			aria-pressed="false"
			data-wp-bind--aria-pressed="state.saidNo"
			data-wp-bind--disabled="context.busy"
			data-wp-on--click="actions.no"
		><?php esc_html_e( 'No', 'aftercare' ); ?></button>
	</div>
	<form class="wp-block-aftercare-article-feedback__comment" hidden data-wp-bind--hidden="!state.canComment" data-wp-on--submit="actions.comment">
		<label
			for="<?php echo esc_attr( $aftercare_id . '-comment' ); ?>"
			data-wp-text="state.commentLabel"
		><?php esc_html_e( 'What was missing or unclear? (optional)', 'aftercare' ); ?></label>
		<textarea id="<?php echo esc_attr( $aftercare_id . '-comment' ); ?>" name="comment" rows="3" maxlength="1000"></textarea>
		<button type="submit" class="wp-element-button" data-wp-bind--disabled="context.busy"><?php esc_html_e( 'Send feedback', 'aftercare' ); ?></button>
	</form>
	<p class="wp-block-aftercare-article-feedback__status" role="status" data-wp-text="context.message"></p>
</section>
<?php
wp_interactivity_state(
	'aftercare/article-feedback',
	array(
		'labels' => array(
			'yes' => __( 'Glad it helped! Anything we could add? (optional)', 'aftercare' ),
			'no'  => __( 'What was missing or unclear? (optional)', 'aftercare' ),
		),
	)
);
