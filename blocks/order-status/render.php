<?php
/**
 * Server rendering of the aftercare/order-status block. Orders\OrderStatusBlock::render() prepares
 * $aftercare_data (and renders nothing without an order source). The order markup is one
 * Interactivity API template: WordPress fills it on the server (a guest's posted lookup, a
 * customer's orders) and view.ts fills it again after a lookup through the REST route.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $attributes     Block attributes.
 * @var array<string, mixed> $aftercare_data Prepared by Orders\OrderStatusBlock::render().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_heading = '' !== (string) ( $attributes['heading'] ?? '' ) ? (string) $attributes['heading'] : __( 'Where is my order?', 'aftercare' );
$aftercare_submit  = '' !== (string) ( $attributes['submitLabel'] ?? '' ) ? (string) $attributes['submitLabel'] : __( 'Find my order', 'aftercare' );
$aftercare_show    = array(
	'items'    => ! empty( $attributes['showItems'] ),
	'tracking' => ! empty( $attributes['showTracking'] ),
	'timeline' => ! empty( $attributes['showTimeline'] ),
);
$aftercare_id      = wp_unique_id( 'aftercare-order-status-' );
$aftercare_empty   = array(
	'number'       => '',
	'title'        => '',
	'status'       => '',
	'status_label' => '',
	'status_text'  => '',
	'created'      => '',
	'date'         => '',
	'placed'       => '',
	'items'        => array(),
	'tracking'     => array(),
	'timeline'     => array(),
	'timeline_url' => '',
	'return_url'   => '',
	'help_url'     => '',
	'total'        => '',
);
$aftercare_key_label = $aftercare_data['allows_postcode'] ? __( 'Email or billing postcode', 'aftercare' ) : __( 'Email address', 'aftercare' );

wp_interactivity_state(
	'aftercare/order-status',
	array(
		'restUrl'        => $aftercare_data['rest_url'],
		'allowsPostcode' => (bool) $aftercare_data['allows_postcode'],
		'messages'       => array(
			'network' => __( 'We could not reach the store. Check your connection and try again.', 'aftercare' ),
		),
	)
);

/**
 * One order, as a template bound to `context.result`.
 *
 * @param array<string, bool> $show What the store chose to show.
 */
$aftercare_order = static function ( array $show ): void {
	?>
	<h3 class="wp-block-aftercare-order-status__title" tabindex="-1" data-wp-text="context.result.title"></h3>
	<p class="wp-block-aftercare-order-status__status">
		<strong class="wp-block-aftercare-order-status__badge" data-wp-text="context.result.status_label"></strong>
		<span data-wp-text="context.result.status_text"></span>
	</p>
	<p class="wp-block-aftercare-order-status__placed" data-wp-text="context.result.placed"></p>
	<p class="wp-block-aftercare-order-status__total" data-wp-bind--hidden="!context.result.total">
		<?php esc_html_e( 'Total:', 'aftercare' ); ?> <span data-wp-text="context.result.total"></span>
	</p>
	<?php if ( $show['tracking'] ) : ?>
		<div class="wp-block-aftercare-order-status__section" data-wp-bind--hidden="!context.result.tracking.0">
			<h4><?php esc_html_e( 'Tracking', 'aftercare' ); ?></h4>
			<ul class="wp-block-aftercare-order-status__tracking">
				<template data-wp-each--shipment="context.result.tracking">
					<li>
						<span data-wp-text="context.shipment.carrier"></span>
						<a
							data-wp-bind--href="context.shipment.url"
							data-wp-bind--hidden="!context.shipment.url"
							data-wp-text="context.shipment.number"
							rel="noopener noreferrer"
							target="_blank"
						></a>
						<span data-wp-bind--hidden="context.shipment.url" data-wp-text="context.shipment.number"></span>
					</li>
				</template>
			</ul>
		</div>
	<?php endif; ?>
	<?php if ( $show['items'] ) : ?>
		<div class="wp-block-aftercare-order-status__section">
			<h4><?php esc_html_e( 'Items', 'aftercare' ); ?></h4>
			<ul class="wp-block-aftercare-order-status__items">
				<template data-wp-each--item="context.result.items">
					<li>
						<span data-wp-text="context.item.name"></span>
						<span class="wp-block-aftercare-order-status__quantity"><span aria-hidden="true">×</span><span class="screen-reader-text"><?php esc_html_e( 'quantity', 'aftercare' ); // phpcs:ignore Generic.Files.LineLength.TooLong -- HTML. ?></span> <span data-wp-text="context.item.quantity"></span></span>
					</li>
				</template>
			</ul>
		</div>
	<?php endif; ?>
	<?php if ( $show['timeline'] ) : ?>
		<div class="wp-block-aftercare-order-status__section">
			<h4><?php esc_html_e( 'History', 'aftercare' ); ?></h4>
			<ol class="wp-block-aftercare-order-status__timeline">
				<template data-wp-each--event="context.result.timeline">
					<li data-wp-bind--data-type="context.event.type">
						<time data-wp-bind--datetime="context.event.time" data-wp-text="context.event.date"></time>
						<span class="wp-block-aftercare-order-status__event" data-wp-text="context.event.label"></span>
						<span class="wp-block-aftercare-order-status__detail" data-wp-text="context.event.detail"></span>
					</li>
				</template>
			</ol>
		</div>
	<?php endif; ?>
	<p class="wp-block-aftercare-order-status__actions">
		<a
			class="wp-block-aftercare-order-status__action"
			data-wp-bind--href="context.result.return_url"
			data-wp-bind--hidden="!context.result.return_url"
		><?php esc_html_e( 'Return items', 'aftercare' ); ?></a>
		<a
			class="wp-block-aftercare-order-status__action"
			data-wp-bind--href="context.result.help_url"
			data-wp-bind--hidden="!context.result.help_url"
		><?php esc_html_e( 'Get help with this order', 'aftercare' ); ?></a>
	</p>
	<?php
};

$aftercare_context = array(
	'found'  => null !== $aftercare_data['result'],
	'result' => $aftercare_data['result'] ?? $aftercare_empty,
	'error'  => (string) $aftercare_data['error'],
	'busy'   => false,
);
?>
<div
	<?php echo get_block_wrapper_attributes(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
	data-wp-interactive="aftercare/order-status"
	<?php echo wp_interactivity_data_wp_context( $aftercare_context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
>
	<h2 class="wp-block-aftercare-order-status__heading"><?php echo esc_html( $aftercare_heading ); ?></h2>

	<?php if ( $aftercare_data['logged_in'] ) : ?>
		<section class="wp-block-aftercare-order-status__mine" aria-labelledby="<?php echo esc_attr( $aftercare_id . '-mine' ); ?>">
			<h3 id="<?php echo esc_attr( $aftercare_id . '-mine' ); ?>"><?php esc_html_e( 'Your recent orders', 'aftercare' ); ?></h3>
			<?php if ( ! $aftercare_data['orders'] ) : ?>
				<p><?php esc_html_e( 'You have no orders yet.', 'aftercare' ); ?></p>
			<?php endif; ?>
			<?php foreach ( $aftercare_data['orders'] as $aftercare_view ) : ?>
				<article
					class="wp-block-aftercare-order-status__order"
					<?php
					echo wp_interactivity_data_wp_context( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
						array(
							'found'  => true,
							'result' => $aftercare_view,
						)
					);
					?>
				>
					<?php $aftercare_order( $aftercare_show ); ?>
				</article>
			<?php endforeach; ?>
		</section>
	<?php endif; ?>

	<form
		class="wp-block-aftercare-order-status__form"
		method="post"
		data-wp-on--submit="actions.submit"
		aria-labelledby="<?php echo esc_attr( $aftercare_id . '-form' ); ?>"
	>
		<h3 id="<?php echo esc_attr( $aftercare_id . '-form' ); ?>" class="wp-block-aftercare-order-status__form-title">
			<?php echo $aftercare_data['logged_in'] ? esc_html__( 'Look up another order', 'aftercare' ) : esc_html__( 'Look up your order', 'aftercare' ); ?>
		</h3>
		<input type="hidden" name="aftercare_order_lookup" value="1" />
		<div class="wp-block-aftercare-order-status__field">
			<label for="<?php echo esc_attr( $aftercare_id . '-number' ); ?>"><?php esc_html_e( 'Order number', 'aftercare' ); ?></label>
			<input
				id="<?php echo esc_attr( $aftercare_id . '-number' ); ?>"
				class="wp-block-aftercare-order-status__input"
				type="text"
				name="aftercare_order_number"
				required
				maxlength="40"
				autocomplete="off"
				value="<?php echo esc_attr( $aftercare_data['values']['number'] ); ?>"
			/>
		</div>
		<div class="wp-block-aftercare-order-status__field">
			<label for="<?php echo esc_attr( $aftercare_id . '-key' ); ?>"><?php echo esc_html( $aftercare_key_label ); ?></label>
			<input
				id="<?php echo esc_attr( $aftercare_id . '-key' ); ?>"
				class="wp-block-aftercare-order-status__input"
				type="<?php echo $aftercare_data['allows_postcode'] ? 'text' : 'email'; ?>"
				name="aftercare_order_key"
				required
				maxlength="190"
				autocomplete="<?php echo $aftercare_data['allows_postcode'] ? 'off' : 'email'; ?>"
				value="<?php echo esc_attr( $aftercare_data['values']['key'] ); ?>"
			/>
		</div>
		<div class="wp-block-button wp-block-aftercare-order-status__submit">
			<button
				type="submit"
				class="wp-block-button__link wp-element-button"
				data-wp-bind--aria-disabled="context.busy"
			><?php echo esc_html( $aftercare_submit ); ?></button>
		</div>
		<p class="wp-block-aftercare-order-status__error" role="alert" tabindex="-1" data-wp-bind--hidden="!context.error" data-wp-text="context.error"></p>
	</form>

	<div class="wp-block-aftercare-order-status__result" aria-live="polite">
		<div class="wp-block-aftercare-order-status__order" data-wp-bind--hidden="!context.found">
			<?php $aftercare_order( $aftercare_show ); ?>
		</div>
	</div>
</div>
