<?php
/**
 * Server rendering of the aftercare/contact block: the contact form, usable
 * before (and without) any script. view.ts adds inline validation.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var string               $content    Inner content (unused).
 * @var WP_Block             $block      Block instance.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_show_order = ! empty( $attributes['showOrderField'] );
$aftercare_labels     = array(
	'name'     => __( 'Name', 'aftercare' ),
	'email'    => __( 'Email', 'aftercare' ),
	'order'    => __( 'Order number', 'aftercare' ),
	'optional' => __( '(optional)', 'aftercare' ),
	'subject'  => ! empty( $attributes['subjectLabel'] ) ? (string) $attributes['subjectLabel'] : __( 'Subject', 'aftercare' ),
	'message'  => ! empty( $attributes['messageLabel'] ) ? (string) $attributes['messageLabel'] : __( 'Message', 'aftercare' ),
	'submit'   => ! empty( $attributes['submitLabel'] ) ? (string) $attributes['submitLabel'] : __( 'Send message', 'aftercare' ),
);

$aftercare_is_guest = ! is_user_logged_in();
$aftercare_id       = wp_unique_id( 'aftercare-contact-' );

// The fields this visitor fills in, in form order.
$aftercare_fields = array();
if ( $aftercare_is_guest ) {
	$aftercare_fields['name']  = array(
		'type'         => 'text',
		'required'     => true,
		'autocomplete' => 'name',
	);
	$aftercare_fields['email'] = array(
		'type'         => 'email',
		'required'     => true,
		'autocomplete' => 'email',
	);
}
if ( $aftercare_show_order ) {
	$aftercare_fields['order'] = array(
		'type'         => 'text',
		'required'     => false,
		'autocomplete' => 'off',
	);
}
$aftercare_fields['subject'] = array(
	'type'         => 'text',
	'required'     => true,
	'autocomplete' => '',
);
$aftercare_fields['message'] = array(
	'type'         => 'textarea',
	'required'     => true,
	'autocomplete' => '',
);

wp_interactivity_state(
	'aftercare/contact',
	array(
		// Derived on the client per field; the server renders every field valid.
		'fieldError'     => '',
		'isFieldInvalid' => false,
		'messages'       => array(
			'required' => __( 'Please fill in this field.', 'aftercare' ),
			'email'    => __( 'Please enter an email address like name@example.com.', 'aftercare' ),
		),
	)
);

$aftercare_context = array(
	'errors' => array_fill_keys( array_keys( $aftercare_fields ), '' ),
);
?>
<div
	<?php echo get_block_wrapper_attributes(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
	data-wp-interactive="aftercare/contact"
	<?php echo wp_interactivity_data_wp_context( $aftercare_context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
>
	<form
		class="wp-block-aftercare-contact__form"
		method="post"
		data-wp-init="callbacks.init"
		data-wp-on--submit="actions.submit"
	>
		<?php if ( ! $aftercare_is_guest ) : ?>
			<p class="wp-block-aftercare-contact__signed-in">
				<?php
				echo wp_kses(
					sprintf(
						/* translators: %s: the signed-in customer's display name. */
						__( 'Signed in as %s', 'aftercare' ),
						'<strong>' . esc_html( wp_get_current_user()->display_name ) . '</strong>'
					),
					array( 'strong' => array() )
				);
				?>
			</p>
		<?php endif; ?>

		<?php
		foreach ( $aftercare_fields as $aftercare_name => $aftercare_field ) :
			$aftercare_field_id = $aftercare_id . '-' . $aftercare_name;
			$aftercare_error_id = $aftercare_field_id . '-error';
			?>
			<div
				class="wp-block-aftercare-contact__field"
				<?php echo wp_interactivity_data_wp_context( array( 'field' => $aftercare_name ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
			>
				<label class="wp-block-aftercare-contact__label" for="<?php echo esc_attr( $aftercare_field_id ); ?>">
					<?php echo esc_html( $aftercare_labels[ $aftercare_name ] ); ?>
					<?php if ( ! $aftercare_field['required'] ) : ?>
						<span class="wp-block-aftercare-contact__optional"><?php echo esc_html( $aftercare_labels['optional'] ); ?></span>
					<?php endif; ?>
				</label>
				<?php if ( 'textarea' === $aftercare_field['type'] ) : ?>
					<textarea
						id="<?php echo esc_attr( $aftercare_field_id ); ?>"
						class="wp-block-aftercare-contact__input wp-block-aftercare-contact__textarea"
						name="<?php echo esc_attr( $aftercare_name ); ?>"
						rows="6"
						<?php echo $aftercare_field['required'] ? 'required' : ''; ?>
						aria-describedby="<?php echo esc_attr( $aftercare_error_id ); ?>"
						data-wp-bind--aria-invalid="state.isFieldInvalid"
						data-wp-on--input="actions.revalidate"
					></textarea>
				<?php else : ?>
					<input
						id="<?php echo esc_attr( $aftercare_field_id ); ?>"
						class="wp-block-aftercare-contact__input"
						type="<?php echo esc_attr( $aftercare_field['type'] ); ?>"
						name="<?php echo esc_attr( $aftercare_name ); ?>"
						<?php if ( '' !== $aftercare_field['autocomplete'] ) : ?>
							autocomplete="<?php echo esc_attr( $aftercare_field['autocomplete'] ); ?>"
						<?php endif; ?>
						<?php echo $aftercare_field['required'] ? 'required' : ''; ?>
						aria-describedby="<?php echo esc_attr( $aftercare_error_id ); ?>"
						data-wp-bind--aria-invalid="state.isFieldInvalid"
						data-wp-on--input="actions.revalidate"
					/>
				<?php endif; ?>
				<p
					id="<?php echo esc_attr( $aftercare_error_id ); ?>"
					class="wp-block-aftercare-contact__error"
					hidden
					data-wp-bind--hidden="!state.isFieldInvalid"
					data-wp-text="state.fieldError"
				></p>
			</div>
		<?php endforeach; ?>

		<div class="wp-block-button wp-block-aftercare-contact__actions">
			<button type="submit" class="wp-block-button__link wp-element-button">
				<?php echo esc_html( $aftercare_labels['submit'] ); ?>
			</button>
		</div>
	</form>
</div>
