<?php
/**
 * Server rendering of the aftercare/returns block (Returns\Storefront\ReturnsBlock::render()
 * prepares $aftercare_data). The form's steps are sections of one form: the current one shows, the others
 * keep their fields. Everything is an Interactivity API template bound to the block's context,
 * which WordPress fills on the server (each step posted without JavaScript) and view.ts updates
 * in place (steps moved through with JavaScript).
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $attributes     Block attributes.
 * @var array<string, mixed> $aftercare_data Prepared by Returns\Storefront\ReturnsBlock::render().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_wrapper = get_block_wrapper_attributes();

if ( 'invalid' === $aftercare_data['mode'] ) :
	?>
	<div <?php echo $aftercare_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>>
		<div class="wp-block-aftercare-returns__invalid" role="alert">
			<p><?php esc_html_e( 'This link is invalid or has expired.', 'aftercare' ); ?></p>
			<p><a href="<?php echo esc_url( (string) $aftercare_data['form_url'] ); ?>"><?php esc_html_e( 'Start a new return', 'aftercare' ); ?></a></p>
		</div>
	</div>
	<?php
	return;
endif;

if ( 'status' === $aftercare_data['mode'] ) :
	?>
	<div <?php echo $aftercare_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>>
		<?php echo $aftercare_data['status_html']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in return-status.php. ?>
	</div>
	<?php
	return;
endif;

$aftercare_form   = $aftercare_data['form'];
$aftercare_uid    = wp_unique_id( 'aftercare-returns-' );
$aftercare_text   = static fn( string $key, string $fallback ): string =>
	'' !== (string) ( $attributes[ $key ] ?? '' ) ? (string) $attributes[ $key ] : $fallback;
$aftercare_titles = array(
	'order'   => $aftercare_data['logged_in'] ? __( 'Choose an order', 'aftercare' ) : __( 'Find your order', 'aftercare' ),
	'items'   => __( 'Items to return', 'aftercare' ),
	'details' => __( 'Tell us more', 'aftercare' ),
	'outcome' => __( 'What would you like?', 'aftercare' ),
	'review'  => __( 'Review and send', 'aftercare' ),
);
$aftercare_reasons = array_column( $aftercare_data['reasons'], null, 'key' );
$aftercare_messages = array(
	/* translators: %d: quantity bought. */
	'bought'   => __( 'Bought: %d', 'aftercare' ),
	/* translators: %d: quantity already returned or refunded. */
	'done'     => __( 'already returned or refunded: %d', 'aftercare' ),
	/* translators: %d: number of photos. */
	'tooManyFiles' => sprintf( __( 'Add at most %d photos.', 'aftercare' ), $aftercare_data['max_files'] ),
	/* translators: %s: size limit such as "10 MB". */
	'fileTooLarge' => sprintf( __( 'Each photo must be smaller than %s.', 'aftercare' ), size_format( $aftercare_data['max_bytes'] ) ),
	'failed'   => __( 'Something went wrong. Please try again.', 'aftercare' ),
	/* translators: 1: quantity, 2: product name, 3: reason. */
	'line'     => __( '%1$d × %2$s — %3$s', 'aftercare' ),
	'replayed' => \Aftercare\Returns\Storefront\ReturnWizard::replayed_message(),
);

/**
 * A line as the template binds it: names and ids of its fields, and what the shopper sees.
 *
 * @param array<string, mixed> $line Line of Returns\Storefront\ReturnForm.
 */
$aftercare_line = static function ( array $line ) use ( $aftercare_uid, $aftercare_messages ): array {
	$id = (int) $line['id'];
	return $line + array(
		'qtyName'    => 'aftercare_items[' . $id . '][quantity]',
		'reasonName' => 'aftercare_items[' . $id . '][reason]',
		'qtyId'      => $aftercare_uid . '-qty-' . $id,
		'reasonId'   => $aftercare_uid . '-reason-' . $id,
		'detailId'   => $aftercare_uid . '-detail-' . $id,
		'detail'     => sprintf( $aftercare_messages['bought'], $line['bought'] )
			. ( $line['done'] > 0 ? ' · ' . sprintf( $aftercare_messages['done'], $line['done'] ) : '' ),
	);
};

$aftercare_chosen = static function () use ( $aftercare_messages ): array {
	$context = wp_interactivity_get_context();
	$state   = wp_interactivity_state( 'aftercare/returns' );
	$lines   = array();
	foreach ( (array) ( $context['lines'] ?? array() ) as $line ) {
		if ( (int) $line['quantity'] > 0 ) {
			$lines[] = array(
				'id'     => $line['id'],
				'text'   => sprintf( $aftercare_messages['line'], (int) $line['quantity'], $line['name'], $state['reasons'][ $line['reason'] ]['label'] ?? '' ),
				'photos' => ! empty( $state['reasons'][ $line['reason'] ]['photos'] ),
			);
		}
	}
	return $lines;
};

wp_interactivity_state(
	'aftercare/returns',
	array(
		// Derived from the context, on the server (each step posted without JavaScript) as in view.ts.
		'isHidden'          => static function (): bool {
			$context = wp_interactivity_get_context();
			return ( $context['step'] ?? '' ) !== ( $context['section'] ?? '' );
		},
		'currentStep'       => static function (): string|bool {
			$context = wp_interactivity_get_context();
			return ( $context['step'] ?? '' ) === ( $context['section'] ?? '' ) ? 'step' : false;
		},
		'stepError'         => static function (): string {
			$context = wp_interactivity_get_context();
			return ( $context['errorStep'] ?? '' ) === ( $context['section'] ?? '' ) ? (string) $context['error'] : '';
		},
		'hasNoStepError'    => static function (): bool {
			$context = wp_interactivity_get_context();
			return ( $context['errorStep'] ?? '' ) !== ( $context['section'] ?? '' ) || '' === (string) $context['error'];
		},
		'lineLocked'        => static function (): bool {
			$context = wp_interactivity_get_context();
			return (int) ( $context['line']['returnable'] ?? 0 ) < 1;
		},
		'reasonSelected'    => static function (): bool {
			$context = wp_interactivity_get_context();
			return ( $context['line']['reason'] ?? '' ) === ( $context['reasonKey'] ?? null );
		},
		'nothingReturnable' => static function (): bool {
			$context = wp_interactivity_get_context();
			$lines   = (array) ( $context['lines'] ?? array() );
			return $lines && ! array_filter( $lines, static fn( array $line ): bool => $line['returnable'] > 0 );
		},
		'chosenLines'       => $aftercare_chosen,
		'photosRequired'    => static fn(): bool => (bool) array_filter( array_column( $aftercare_chosen(), 'photos' ) ),
		'photosOptional'    => static fn(): bool => ! array_filter( array_column( $aftercare_chosen(), 'photos' ) ),
		'outcomeLabel'      => static function (): string {
			$context = wp_interactivity_get_context();
			return (string) ( wp_interactivity_state( 'aftercare/returns' )['outcomes'][ $context['outcome'] ?? '' ] ?? '' );
		},
		'reasons'           => $aftercare_reasons,
		'outcomes'          => array_column( $aftercare_data['outcomes'], 'label', 'key' ),
		'steps'             => \Aftercare\Returns\ReturnRules::STEPS,
		'loggedIn'          => $aftercare_data['logged_in'],
		'rest'              => $aftercare_data['rest'],
		'pageUrl'           => $aftercare_data['page_url'],
		'maxFiles'          => $aftercare_data['max_files'],
		'maxBytes'          => $aftercare_data['max_bytes'],
		'messages'          => $aftercare_messages,
	)
);

$aftercare_context = array(
	'uid'         => $aftercare_uid,
	'step'        => $aftercare_form->step,
	'error'       => $aftercare_form->error,
	'errorStep'   => '' !== $aftercare_form->error ? $aftercare_form->step : '',
	'busy'        => false,
	'orderNumber' => $aftercare_form->proved_number,
	'lines'       => array_map( $aftercare_line, $aftercare_form->lines ),
	'comment'     => $aftercare_form->comment,
	'outcome'     => $aftercare_form->outcome,
);
$aftercare_step_count = count( $aftercare_titles );

/**
 * A step's section opening: its heading (focused when the step is reached) and its error.
 */
$aftercare_open = static function ( string $step ) use ( $aftercare_uid, $aftercare_titles, $aftercare_step_count ): void {
	$index = (int) array_search( $step, array_keys( $aftercare_titles ), true ) + 1;
	?>
	<section
		class="wp-block-aftercare-returns__step"
		aria-labelledby="<?php echo esc_attr( $aftercare_uid . '-' . $step ); ?>"
		<?php
		// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
		echo wp_interactivity_data_wp_context( array( 'section' => $step ) );
		?>
		data-wp-bind--hidden="state.isHidden"
	>
		<h3 class="wp-block-aftercare-returns__step-title" id="<?php echo esc_attr( $aftercare_uid . '-' . $step ); ?>" tabindex="-1">
			<span class="wp-block-aftercare-returns__step-count">
				<?php
				/* translators: 1: step number, 2: number of steps. */
				echo esc_html( sprintf( __( 'Step %1$d of %2$d:', 'aftercare' ), $index, $aftercare_step_count ) );
				?>
			</span>
			<?php echo esc_html( $aftercare_titles[ $step ] ); ?>
		</h3>
		<p class="wp-block-aftercare-returns__error" role="alert" data-wp-bind--hidden="state.hasNoStepError" data-wp-text="state.stepError"></p>
	<?php
};

/**
 * The step's buttons: back (without checks) and on.
 */
$aftercare_nav = static function ( string $back, string $next, string $label ): void {
	?>
	<div class="wp-block-aftercare-returns__nav">
		<?php if ( '' !== $back ) : ?>
			<div class="wp-block-button is-style-outline">
				<button
					type="submit"
					name="aftercare_goto"
					value="<?php echo esc_attr( $back ); ?>"
					class="wp-block-button__link wp-element-button wp-block-aftercare-returns__back"
				><?php esc_html_e( 'Back', 'aftercare' ); ?></button>
			</div>
		<?php endif; ?>
		<div class="wp-block-button">
			<button
				type="submit"
				name="aftercare_goto"
				value="<?php echo esc_attr( $next ); ?>"
				class="wp-block-button__link wp-element-button"
				data-wp-bind--aria-disabled="context.busy"
			><?php echo esc_html( $label ); ?></button>
		</div>
	</div>
	<?php
};
$aftercare_continue = __( 'Continue', 'aftercare' );
?>
<div
	<?php echo $aftercare_wrapper; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
	id="<?php echo esc_attr( $aftercare_uid ); ?>"
	data-wp-interactive="aftercare/returns"
	<?php echo wp_interactivity_data_wp_context( $aftercare_context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
>
	<h2 class="wp-block-aftercare-returns__heading"><?php echo esc_html( $aftercare_text( 'heading', __( 'Return items', 'aftercare' ) ) ); ?></h2>

	<ol class="wp-block-aftercare-returns__progress" aria-label="<?php esc_attr_e( 'Steps', 'aftercare' ); ?>">
		<?php foreach ( $aftercare_titles as $aftercare_step => $aftercare_title ) : ?>
			<li
				<?php
				// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
				echo wp_interactivity_data_wp_context( array( 'section' => $aftercare_step ) );
				?>
				data-wp-bind--aria-current="state.currentStep"
			><?php echo esc_html( $aftercare_title ); ?></li>
		<?php endforeach; ?>
	</ol>

	<form
		class="wp-block-aftercare-returns__form"
		method="post"
		enctype="multipart/form-data"
		action="<?php echo esc_url( $aftercare_data['page_url'] . '#' . $aftercare_uid ); ?>"
		data-wp-init="callbacks.init"
		data-wp-on--submit="actions.submit"
	>
		<input type="hidden" name="aftercare_returns" value="1" />
		<input type="hidden" name="aftercare_step" value="<?php echo esc_attr( $aftercare_form->step ); ?>" data-wp-bind--value="context.step" />
		<?php // Filled by view.ts per page view; a page posted without it is keyed by its content. ?>
		<input type="hidden" name="idempotency_key" value="" />
		<?php echo $aftercare_data['nonce']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- wp_nonce_field() output. ?>
		<?php // Enter in a field goes on from the current step. ?>
		<button type="submit" name="aftercare_goto" value="next" hidden tabindex="-1" aria-hidden="true"></button>

		<?php $aftercare_open( 'order' ); ?>
			<?php if ( $aftercare_data['logged_in'] ) : ?>
				<?php if ( $aftercare_data['orders'] ) : ?>
					<div class="wp-block-aftercare-returns__field">
						<label for="<?php echo esc_attr( $aftercare_uid . '-order-id' ); ?>"><?php esc_html_e( 'Order', 'aftercare' ); ?></label>
						<select id="<?php echo esc_attr( $aftercare_uid . '-order-id' ); ?>" class="wp-block-aftercare-returns__input" name="aftercare_order_id">
							<?php foreach ( $aftercare_data['orders'] as $aftercare_order ) : ?>
								<option
									value="<?php echo esc_attr( (string) $aftercare_order['id'] ); ?>"
									<?php selected( $aftercare_order['selected'] ); ?>
								><?php echo esc_html( $aftercare_order['label'] ); ?></option>
							<?php endforeach; ?>
						</select>
					</div>
				<?php else : ?>
					<p><?php esc_html_e( 'You have no orders yet.', 'aftercare' ); ?></p>
				<?php endif; ?>
			<?php else : ?>
				<p class="wp-block-aftercare-returns__intro"><?php esc_html_e( 'Enter your order number and the email address you used at checkout.', 'aftercare' ); ?></p>
				<div class="wp-block-aftercare-returns__field">
					<label for="<?php echo esc_attr( $aftercare_uid . '-number' ); ?>"><?php esc_html_e( 'Order number', 'aftercare' ); ?></label>
					<input
						id="<?php echo esc_attr( $aftercare_uid . '-number' ); ?>"
						class="wp-block-aftercare-returns__input"
						type="text"
						name="aftercare_order_number"
						aria-required="true"
						maxlength="40"
						autocomplete="off"
						value="<?php echo esc_attr( $aftercare_form->order_number ); ?>"
					/>
				</div>
				<div class="wp-block-aftercare-returns__field">
					<label for="<?php echo esc_attr( $aftercare_uid . '-email' ); ?>"><?php esc_html_e( 'Email address', 'aftercare' ); ?></label>
					<input
						id="<?php echo esc_attr( $aftercare_uid . '-email' ); ?>"
						class="wp-block-aftercare-returns__input"
						type="email"
						name="aftercare_email"
						aria-required="true"
						maxlength="190"
						autocomplete="email"
						value="<?php echo esc_attr( $aftercare_form->email ); ?>"
					/>
				</div>
			<?php endif; ?>
			<?php if ( ! $aftercare_data['logged_in'] || $aftercare_data['orders'] ) : ?>
				<?php $aftercare_nav( '', 'items', $aftercare_continue ); ?>
			<?php endif; ?>
		</section>

		<?php $aftercare_open( 'items' ); ?>
			<p class="wp-block-aftercare-returns__order-number">
				<?php esc_html_e( 'Order', 'aftercare' ); ?> #<span data-wp-text="context.orderNumber"></span>
			</p>
			<p
				class="wp-block-aftercare-returns__notice"
				data-wp-bind--hidden="!state.nothingReturnable"
			><?php esc_html_e( 'Nothing in this order can be returned now. The reason is shown under each item.', 'aftercare' ); ?></p>
			<ul class="wp-block-aftercare-returns__lines">
				<template data-wp-each--line="context.lines" data-wp-each-key="context.line.id">
					<li class="wp-block-aftercare-returns__line">
						<fieldset>
							<legend class="wp-block-aftercare-returns__line-name" data-wp-text="context.line.name"></legend>
							<p class="wp-block-aftercare-returns__detail" data-wp-bind--id="context.line.detailId" data-wp-text="context.line.detail"></p>
							<p class="wp-block-aftercare-returns__why-not" data-wp-bind--hidden="!context.line.note" data-wp-text="context.line.note"></p>
							<div class="wp-block-aftercare-returns__line-fields" data-wp-bind--hidden="state.lineLocked">
								<div class="wp-block-aftercare-returns__field">
									<label data-wp-bind--for="context.line.qtyId"><?php esc_html_e( 'Quantity to return', 'aftercare' ); ?></label>
									<input
										class="wp-block-aftercare-returns__input wp-block-aftercare-returns__quantity"
										type="number"
										inputmode="numeric"
										min="0"
										step="1"
										data-wp-bind--max="context.line.returnable"
										data-wp-bind--id="context.line.qtyId"
										data-wp-bind--name="context.line.qtyName"
										data-wp-bind--value="context.line.quantity"
										data-wp-bind--aria-describedby="context.line.detailId"
										data-wp-on--input="actions.setQuantity"
									/>
								</div>
								<div class="wp-block-aftercare-returns__field">
									<label data-wp-bind--for="context.line.reasonId"><?php esc_html_e( 'Reason', 'aftercare' ); ?></label>
									<select
										class="wp-block-aftercare-returns__input"
										data-wp-bind--id="context.line.reasonId"
										data-wp-bind--name="context.line.reasonName"
										data-wp-on--change="actions.setReason"
									>
										<option value=""><?php esc_html_e( 'Choose a reason', 'aftercare' ); ?></option>
										<?php foreach ( $aftercare_data['reasons'] as $aftercare_reason ) : ?>
											<option
												value="<?php echo esc_attr( $aftercare_reason['key'] ); ?>"
												<?php
												// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
												echo wp_interactivity_data_wp_context( array( 'reasonKey' => $aftercare_reason['key'] ) );
												?>
												data-wp-bind--selected="state.reasonSelected"
											>
												<?php echo esc_html( $aftercare_reason['label'] . ( $aftercare_reason['photos'] ? ' ' . __( '(photos needed)', 'aftercare' ) : '' ) ); ?>
											</option>
										<?php endforeach; ?>
									</select>
								</div>
							</div>
						</fieldset>
					</li>
				</template>
			</ul>
			<?php $aftercare_nav( 'order', 'details', $aftercare_continue ); ?>
		</section>

		<?php $aftercare_open( 'details' ); ?>
			<div class="wp-block-aftercare-returns__field">
				<label for="<?php echo esc_attr( $aftercare_uid . '-comment' ); ?>">
					<?php esc_html_e( 'Anything else we should know?', 'aftercare' ); ?>
					<span class="wp-block-aftercare-returns__optional"><?php esc_html_e( '(optional)', 'aftercare' ); ?></span>
				</label>
				<textarea
					id="<?php echo esc_attr( $aftercare_uid . '-comment' ); ?>"
					class="wp-block-aftercare-returns__input"
					name="aftercare_comment"
					rows="5"
					maxlength="5000"
					data-wp-on--input="actions.setComment"
				><?php echo esc_textarea( $aftercare_form->comment ); ?></textarea>
				<?php echo $aftercare_data['suggestions']; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped in SuggestionBox::markup(). ?>
			</div>
			<?php $aftercare_nav( 'items', 'outcome', $aftercare_continue ); ?>
		</section>

		<?php $aftercare_open( 'outcome' ); ?>
			<fieldset class="wp-block-aftercare-returns__outcomes">
				<legend><?php esc_html_e( 'What would you like instead?', 'aftercare' ); ?></legend>
				<?php foreach ( $aftercare_data['outcomes'] as $aftercare_outcome ) : ?>
					<div class="wp-block-aftercare-returns__choice">
						<input
							type="radio"
							id="<?php echo esc_attr( $aftercare_uid . '-outcome-' . $aftercare_outcome['key'] ); ?>"
							name="aftercare_outcome"
							value="<?php echo esc_attr( $aftercare_outcome['key'] ); ?>"
							<?php checked( $aftercare_form->outcome, $aftercare_outcome['key'] ); ?>
							data-wp-on--change="actions.setOutcome"
						/>
						<label
							for="<?php echo esc_attr( $aftercare_uid . '-outcome-' . $aftercare_outcome['key'] ); ?>"
						><?php echo esc_html( $aftercare_outcome['label'] ); ?></label>
					</div>
				<?php endforeach; ?>
			</fieldset>
			<?php $aftercare_nav( 'details', 'review', $aftercare_continue ); ?>
		</section>

		<?php $aftercare_open( 'review' ); ?>
			<dl class="wp-block-aftercare-returns__summary">
				<dt><?php esc_html_e( 'Order', 'aftercare' ); ?></dt>
				<dd>#<span data-wp-text="context.orderNumber"></span></dd>
				<dt><?php esc_html_e( 'Items', 'aftercare' ); ?></dt>
				<dd>
					<ul>
						<template data-wp-each--chosen="state.chosenLines" data-wp-each-key="context.chosen.id">
							<li data-wp-text="context.chosen.text"></li>
						</template>
					</ul>
				</dd>
				<dt><?php esc_html_e( 'Your comment', 'aftercare' ); ?></dt>
				<dd class="wp-block-aftercare-returns__comment" data-wp-text="context.comment"></dd>
				<dt><?php esc_html_e( 'You would like', 'aftercare' ); ?></dt>
				<dd data-wp-text="state.outcomeLabel"></dd>
			</dl>
			<div class="wp-block-aftercare-returns__field">
				<label for="<?php echo esc_attr( $aftercare_uid . '-photos' ); ?>">
					<?php esc_html_e( 'Photos', 'aftercare' ); ?>
					<span class="wp-block-aftercare-returns__optional" data-wp-bind--hidden="state.photosRequired"><?php esc_html_e( '(optional)', 'aftercare' ); ?></span>
					<span
						class="wp-block-aftercare-returns__required"
						data-wp-bind--hidden="state.photosOptional"
					><?php esc_html_e( '(needed for the reason you chose)', 'aftercare' ); ?></span>
				</label>
				<input
					id="<?php echo esc_attr( $aftercare_uid . '-photos' ); ?>"
					class="wp-block-aftercare-returns__input"
					type="file"
					name="attachments[]"
					multiple
					accept="<?php echo esc_attr( $aftercare_data['accept'] ); ?>"
					aria-describedby="<?php echo esc_attr( $aftercare_uid . '-photos-hint' ); ?>"
				/>
				<span class="wp-block-aftercare-returns__hint" id="<?php echo esc_attr( $aftercare_uid . '-photos-hint' ); ?>">
					<?php
					echo esc_html(
						sprintf(
							/* translators: 1: number of photos, 2: size limit such as "10 MB", 3: image types such as "JPEG and PNG". */
							__( 'Up to %1$d photos of %2$s each (%3$s).', 'aftercare' ),
							$aftercare_data['max_files'],
							size_format( $aftercare_data['max_bytes'] ),
							$aftercare_data['photo_types']
						)
					);
					?>
				</span>
			</div>
			<?php $aftercare_nav( 'outcome', 'submit', $aftercare_text( 'submitLabel', __( 'Send return request', 'aftercare' ) ) ); ?>
		</section>
	</form>
</div>
