<?php
/**
 * Server rendering of the aftercare/contact block. Works before (and without) any script: the
 * form posts to the page itself (Contact\ContactBlock handles it); view.ts sends it to the REST
 * API instead and shows the result in place. Opened through a signed link, the block shows the
 * ticket's thread instead of the form.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $attributes     Block attributes.
 * @var array<string, mixed> $aftercare_data  Prepared by Contact\ContactBlock::render().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_wrapper = get_block_wrapper_attributes();

if ( ! empty( $aftercare_data['invalid'] ) ) : ?>
	<div <?php echo $aftercare_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>>
		<div class="wp-block-aftercare-contact__invalid" role="alert">
			<p><?php esc_html_e( 'This link is invalid or has expired.', 'aftercare' ); ?></p>
			<p><a href="<?php echo esc_url( (string) $aftercare_data['form_url'] ); ?>"><?php esc_html_e( 'Send us a new message', 'aftercare' ); ?></a></p>
		</div>
	</div>
	<?php
	return;
endif;

if ( isset( $aftercare_data['thread_html'] ) ) :
	?>
	<div <?php echo $aftercare_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>>
		<?php echo $aftercare_data['thread_html']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in thread.php. ?>
	</div>
	<?php
	return;
endif;

$aftercare_label = static fn( string $key, string $fallback ): string => ! empty( $attributes[ $key ] ) ? (string) $attributes[ $key ] : $fallback;
$aftercare_is_guest = ! $aftercare_data['logged_in'];
$aftercare_values   = $aftercare_data['values'];
$aftercare_id       = wp_unique_id( 'aftercare-contact-' );
$aftercare_order_on = ! empty( $attributes['showOrderField'] ) && $aftercare_data['orders_enabled'];

// The fields this visitor fills in, in form order; keys are the REST parameters. The name input is
// posted as `aftercare_name`: `name` is a WordPress query var, and posting it would load another page.
$aftercare_fields = array();
if ( $aftercare_is_guest ) {
	$aftercare_fields['name']  = array(
		'label'        => $aftercare_label( 'nameLabel', __( 'Name', 'aftercare' ) ),
		'type'         => 'text',
		'required'     => true,
		'autocomplete' => 'name',
	);
	$aftercare_fields['email'] = array(
		'label'        => $aftercare_label( 'emailLabel', __( 'Email', 'aftercare' ) ),
		'type'         => 'email',
		'required'     => true,
		'autocomplete' => 'email',
	);
	if ( $aftercare_order_on ) {
		$aftercare_fields['order_number'] = array(
			'label'        => $aftercare_label( 'orderLabel', __( 'Order number', 'aftercare' ) ),
			'type'         => 'text',
			'required'     => false,
			'autocomplete' => 'off',
		);
	}
} elseif ( $aftercare_order_on && $aftercare_data['orders'] ) {
	$aftercare_fields['order_id'] = array(
		'label'        => $aftercare_label( 'orderLabel', __( 'Order', 'aftercare' ) ),
		'type'         => 'select',
		'required'     => false,
		'autocomplete' => '',
	);
}
$aftercare_fields['subject'] = array(
	'label'        => $aftercare_label( 'subjectLabel', __( 'Subject', 'aftercare' ) ),
	'type'         => 'text',
	'required'     => true,
	'autocomplete' => '',
);
$aftercare_fields['message'] = array(
	'label'        => $aftercare_label( 'messageLabel', __( 'Message', 'aftercare' ) ),
	'type'         => 'textarea',
	'required'     => true,
	'autocomplete' => '',
);
if ( ! isset( $attributes['showAttachments'] ) || $attributes['showAttachments'] ) {
	$aftercare_fields['attachments'] = array(
		'label'        => $aftercare_label( 'attachmentsLabel', __( 'Attachments', 'aftercare' ) ),
		'type'         => 'file',
		'required'     => false,
		'autocomplete' => '',
	);
}

wp_interactivity_state(
	'aftercare/contact',
	array(
		// Derived per field from the form's errors, on the server (a refused post without
		// JavaScript) as on the client (view.ts).
		'fieldError'     => static function (): string {
			$context = wp_interactivity_get_context();
			return (string) ( $context['errors'][ $context['field'] ?? '' ] ?? '' );
		},
		'isFieldInvalid' => static function (): bool {
			$context = wp_interactivity_get_context();
			return '' !== (string) ( $context['errors'][ $context['field'] ?? '' ] ?? '' );
		},
		// The confirmation, derived from the context's result like view.ts does (a repeated
		// submission without JavaScript is answered on the server).
		'resultText'     => static function (): string {
			$result = wp_interactivity_get_context()['result'] ?? null;
			if ( ! is_array( $result ) ) {
				return '';
			}
			$state = wp_interactivity_state( 'aftercare/contact' );
			return sprintf( $state['messages'][ ! empty( $result['replayed'] ) ? 'replayed' : 'received' ], (int) $result['number'] );
		},
		'hasResult'      => static function (): bool {
			return ! empty( wp_interactivity_get_context()['result'] );
		},
		'resultLink'     => static function (): string {
			return (string) ( wp_interactivity_get_context()['result']['link'] ?? '' );
		},
		'restUrl'        => $aftercare_data['rest_url'],
		'restNonce'      => $aftercare_data['rest_nonce'],
		'maxFiles'       => $aftercare_data['max_files'],
		'maxBytes'       => $aftercare_data['max_bytes'],
		'messages'       => array(
			'required'     => __( 'Please fill in this field.', 'aftercare' ),
			'email'        => __( 'Please enter an email address like name@example.com.', 'aftercare' ),
			/* translators: %d: number of files. */
			'tooManyFiles' => sprintf( __( 'Attach at most %d files.', 'aftercare' ), $aftercare_data['max_files'] ),
			/* translators: %s: size limit such as "10 MB". */
			'fileTooLarge' => sprintf( __( 'Each file must be smaller than %s.', 'aftercare' ), size_format( $aftercare_data['max_bytes'] ) ),
			'failed'       => __( 'Something went wrong. Please try again.', 'aftercare' ),
			/* translators: %d: ticket number. */
			'received'     => __( 'Thank you! We received your request. Your ticket number is #%d.', 'aftercare' ),
			/* translators: %d: ticket number. */
			'replayed'     => __( 'We had already received this request: your ticket number is #%d. The link to follow it is in the email we sent you.', 'aftercare' ),
		),
	)
);

$aftercare_errors = array_fill_keys( array_keys( $aftercare_fields ), '' );
if ( isset( $aftercare_errors[ $aftercare_data['error_field'] ] ) ) {
	$aftercare_errors[ $aftercare_data['error_field'] ] = $aftercare_data['error'];
}
$aftercare_context = array(
	'errors'     => $aftercare_errors,
	'formError'  => isset( $aftercare_errors[ $aftercare_data['error_field'] ] ) ? '' : $aftercare_data['error'],
	'submitting' => false,
	'result'     => $aftercare_data['replayed'] ? array(
		'number'   => $aftercare_data['replayed'],
		'link'     => '',
		'replayed' => true,
	) : null,
);
?>
<div
	<?php echo $aftercare_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
	data-wp-interactive="aftercare/contact"
	<?php echo wp_interactivity_data_wp_context( $aftercare_context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
>
	<div
		class="wp-block-aftercare-contact__result"
		role="status"
		tabindex="-1"
		hidden
		data-wp-bind--hidden="!state.hasResult"
		data-wp-watch="callbacks.focusResult"
	>
		<p data-wp-text="state.resultText"></p>
		<p data-wp-bind--hidden="!state.resultLink">
			<?php esc_html_e( 'Keep this link to come back to your request (we have also emailed it to you):', 'aftercare' ); ?>
			<a class="wp-block-aftercare-contact__link" data-wp-bind--href="state.resultLink" data-wp-text="state.resultLink"></a>
		</p>
	</div>
	<form
		class="wp-block-aftercare-contact__form"
		method="post"
		enctype="multipart/form-data"
		data-wp-bind--hidden="state.hasResult"
		data-wp-init="callbacks.init"
		data-wp-on--submit="actions.submit"
	>
		<input type="hidden" name="aftercare_contact" value="1" />
		<?php // Filled by view.ts per page view; a page posted without it is keyed by its content. ?>
		<input type="hidden" name="idempotency_key" value="" />
		<?php echo $aftercare_data['nonce_field']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- wp_nonce_field() output. ?>

		<?php if ( ! $aftercare_is_guest ) : ?>
			<p class="wp-block-aftercare-contact__signed-in">
				<?php
				echo wp_kses(
					sprintf(
						/* translators: %s: the signed-in customer's display name. */
						__( 'Signed in as %s', 'aftercare' ),
						'<strong>' . esc_html( $aftercare_data['user_name'] ) . '</strong>'
					),
					array( 'strong' => array() )
				);
				?>
			</p>
		<?php endif; ?>

		<p
			class="wp-block-aftercare-contact__form-error"
			role="alert"
			data-wp-text="context.formError"
			<?php echo '' === $aftercare_context['formError'] ? 'hidden' : ''; ?>
			data-wp-bind--hidden="!context.formError"
		><?php echo esc_html( $aftercare_context['formError'] ); ?></p>

		<?php
		foreach ( $aftercare_fields as $aftercare_name => $aftercare_field ) :
			$aftercare_field_id = $aftercare_id . '-' . $aftercare_name;
			$aftercare_error_id = $aftercare_field_id . '-error';
			$aftercare_hint_id  = $aftercare_field_id . '-hint';
			$aftercare_error    = $aftercare_errors[ $aftercare_name ];
			$aftercare_common   = sprintf(
				'id="%1$s" aria-describedby="%2$s" data-wp-bind--aria-invalid="state.isFieldInvalid" data-wp-on--input="actions.revalidate"%3$s%4$s',
				esc_attr( $aftercare_field_id ),
				esc_attr( trim( $aftercare_error_id . ( 'file' === $aftercare_field['type'] ? ' ' . $aftercare_hint_id : '' ) ) ),
				$aftercare_field['required'] ? ' required' : '',
				'' !== $aftercare_error ? ' aria-invalid="true"' : ''
			);
			?>
			<div
				class="wp-block-aftercare-contact__field"
				<?php
				// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
				echo wp_interactivity_data_wp_context( array( 'field' => $aftercare_name ) );
				?>
			>
				<label class="wp-block-aftercare-contact__label" for="<?php echo esc_attr( $aftercare_field_id ); ?>">
					<?php echo esc_html( $aftercare_field['label'] ); ?>
					<?php if ( ! $aftercare_field['required'] ) : ?>
						<span class="wp-block-aftercare-contact__optional"><?php echo esc_html( __( '(optional)', 'aftercare' ) ); ?></span>
					<?php endif; ?>
				</label>
				<?php if ( 'textarea' === $aftercare_field['type'] ) : ?>
					<textarea
						class="wp-block-aftercare-contact__input wp-block-aftercare-contact__textarea"
						name="message"
						rows="6"
						<?php echo $aftercare_common; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped above. ?>
					><?php echo esc_textarea( $aftercare_values['message'] ); ?></textarea>
				<?php elseif ( 'select' === $aftercare_field['type'] ) : ?>
					<select
						class="wp-block-aftercare-contact__input"
						name="order_id"
						<?php echo $aftercare_common; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped above. ?>
					>
						<option value="0"><?php esc_html_e( 'Not about a particular order', 'aftercare' ); ?></option>
						<?php foreach ( $aftercare_data['orders'] as $aftercare_order ) : ?>
							<option
								value="<?php echo esc_attr( (string) $aftercare_order['id'] ); ?>"
								<?php selected( $aftercare_order['selected'] ); ?>
							><?php echo esc_html( $aftercare_order['label'] ); ?></option>
						<?php endforeach; ?>
					</select>
				<?php elseif ( 'file' === $aftercare_field['type'] ) : ?>
					<input
						class="wp-block-aftercare-contact__input wp-block-aftercare-contact__files"
						type="file"
						name="attachments[]"
						multiple
						accept="<?php echo esc_attr( $aftercare_data['accept'] ); ?>"
						<?php echo $aftercare_common; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped above. ?>
						data-wp-on--change="actions.revalidate"
					/>
					<span
						class="wp-block-aftercare-contact__hint"
						id="<?php echo esc_attr( $aftercare_hint_id ); ?>"
					><?php echo esc_html( $aftercare_data['files_hint'] ); ?></span>
				<?php else : ?>
					<input
						class="wp-block-aftercare-contact__input"
						type="<?php echo esc_attr( $aftercare_field['type'] ); ?>"
						name="<?php echo esc_attr( 'name' === $aftercare_name ? 'aftercare_name' : $aftercare_name ); ?>"
						value="<?php echo esc_attr( $aftercare_values[ $aftercare_name ] ?? '' ); ?>"
						<?php if ( '' !== $aftercare_field['autocomplete'] ) : ?>
							autocomplete="<?php echo esc_attr( $aftercare_field['autocomplete'] ); ?>"
						<?php endif; ?>
						<?php echo $aftercare_common; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped above. ?>
					/>
				<?php endif; ?>
				<p
					id="<?php echo esc_attr( $aftercare_error_id ); ?>"
					class="wp-block-aftercare-contact__error"
					<?php echo '' === $aftercare_error ? 'hidden' : ''; ?>
					data-wp-bind--hidden="!state.isFieldInvalid"
					data-wp-text="state.fieldError"
				><?php echo esc_html( $aftercare_error ); ?></p>
				<?php
				if ( 'subject' === $aftercare_name && class_exists( \Aftercare\HelpCenter\SuggestionBox::class ) ) {
					// Help articles matching the subject (the help center's suggestions; help-suggestions.ts attaches them).
					echo \Aftercare\HelpCenter\SuggestionBox::markup( 'contact' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in markup().
				}
				?>
			</div>
		<?php endforeach; ?>

		<div class="wp-block-button wp-block-aftercare-contact__actions">
			<button type="submit" class="wp-block-button__link wp-element-button" data-wp-bind--aria-disabled="context.submitting">
				<?php echo esc_html( $aftercare_label( 'submitLabel', __( 'Send message', 'aftercare' ) ) ); ?>
			</button>
		</div>
	</form>
</div>
