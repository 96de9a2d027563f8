<?php
/**
 * Server rendering of the aftercare/help-center block. HelpCenter\HelpBlocks::render_help_center()
 * prepares $aftercare_data. Without JavaScript the search form loads this page again with `?q=`,
 * and the block shows the results; view.ts turns the box into a combobox with live results.
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $attributes     Block attributes.
 * @var array<string, mixed> $aftercare_data Prepared by HelpCenter\HelpBlocks::render_help_center().
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_id      = wp_unique_id( 'aftercare-help-' );
$aftercare_query   = (string) $aftercare_data['query'];
$aftercare_results = (array) $aftercare_data['results'];
$aftercare_compact = ! empty( $attributes['compact'] );
$aftercare_heading = '' !== (string) ( $attributes['heading'] ?? '' ) ? (string) $attributes['heading'] : __( 'How can we help?', 'aftercare' );
$aftercare_hint    = '' !== (string) ( $attributes['placeholder'] ?? '' )
	? (string) $attributes['placeholder']
	: __( 'Search for answers, e.g. “return an item”', 'aftercare' );
$aftercare_layout  = 'list' === ( $attributes['layout'] ?? 'grid' ) ? 'list' : 'grid';

wp_interactivity_state(
	'aftercare/help-center',
	array(
		'messages' => array(
			'none' => __( 'No articles match. Press Enter to search anyway.', 'aftercare' ),
			'one'  => __( 'One article found. Use the arrow keys to choose it.', 'aftercare' ),
			/* translators: %d: number of articles found. */
			'many' => __( '%d articles found. Use the arrow keys to choose one.', 'aftercare' ),
		),
	)
);
$aftercare_context = array(
	'rest'      => (string) $aftercare_data['rest'],
	'listboxId' => $aftercare_id . '-listbox',
	'query'     => $aftercare_query,
	'results'   => array(),
	'active'    => -1,
	'open'      => false,
	'status'    => '',
);
?>
<div
	<?php
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
	echo get_block_wrapper_attributes( array( 'class' => 'is-layout-' . $aftercare_layout . ( $aftercare_compact ? ' is-compact' : '' ) ) );
	?>
	data-wp-interactive="aftercare/help-center"
	<?php echo wp_interactivity_data_wp_context( $aftercare_context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress. ?>
>
	<form
		class="wp-block-aftercare-help-center__search"
		role="search"
		method="get"
		action="<?php echo esc_url( (string) $aftercare_data['action'] ); ?>"
		data-wp-on--submit="actions.submit"
	>
		<?php if ( $aftercare_compact ) : ?>
			<label class="screen-reader-text" for="<?php echo esc_attr( $aftercare_id ); ?>"><?php esc_html_e( 'Search the help center', 'aftercare' ); ?></label>
		<?php else : ?>
			<h2
				class="wp-block-aftercare-help-center__heading"
			><label for="<?php echo esc_attr( $aftercare_id ); ?>"><?php echo esc_html( $aftercare_heading ); ?></label></h2>
		<?php endif; ?>
		<div class="wp-block-aftercare-help-center__box">
			<input
				id="<?php echo esc_attr( $aftercare_id ); ?>"
				class="wp-block-aftercare-help-center__input"
				type="search"
				name="<?php echo esc_attr( Aftercare\HelpCenter\Storefront\HelpBlocks::QUERY_PARAM ); ?>"
				value="<?php echo esc_attr( $aftercare_query ); ?>"
				data-wp-bind--value="context.query"
				placeholder="<?php echo esc_attr( $aftercare_hint ); ?>"
				maxlength="190"
				autocomplete="off"
				role="combobox"
				aria-autocomplete="list"
				aria-expanded="false"
				aria-controls="<?php echo esc_attr( $aftercare_id . '-listbox' ); ?>"
				data-wp-bind--aria-expanded="context.open"
				data-wp-bind--aria-activedescendant="state.activeDescendant"
				data-wp-on--input="actions.type"
				data-wp-on--keydown="actions.key"
				data-wp-on--focus="actions.reopen"
				data-wp-on--blur="actions.close"
			/>
			<button type="submit" class="wp-block-aftercare-help-center__submit wp-element-button"><?php esc_html_e( 'Search', 'aftercare' ); ?></button>
			<ul
				id="<?php echo esc_attr( $aftercare_id . '-listbox' ); ?>"
				class="wp-block-aftercare-help-center__listbox"
				role="listbox"
				aria-label="<?php esc_attr_e( 'Matching articles', 'aftercare' ); ?>"
				hidden
				data-wp-bind--hidden="!context.open"
			>
				<template data-wp-each--result="context.results" data-wp-each-key="context.result.id">
					<li
						class="wp-block-aftercare-help-center__option"
						role="option"
						aria-selected="false"
						data-wp-bind--id="state.optionId"
						data-wp-bind--aria-selected="state.isActive"
						data-wp-class--is-active="state.isActive"
						data-wp-on--mousedown="actions.keepFocus"
						data-wp-on--click="actions.choose"
					>
						<span class="wp-block-aftercare-help-center__option-title" data-wp-text="context.result.title"></span>
						<span class="wp-block-aftercare-help-center__option-category" data-wp-text="context.result.category"></span>
					</li>
				</template>
			</ul>
		</div>
		<p class="screen-reader-text" role="status" data-wp-text="context.status"></p>
	</form>

	<?php if ( '' !== $aftercare_query ) : ?>
		<section class="wp-block-aftercare-help-center__results" aria-labelledby="<?php echo esc_attr( $aftercare_id . '-results' ); ?>">
			<h2 id="<?php echo esc_attr( $aftercare_id . '-results' ); ?>" class="wp-block-aftercare-help-center__section-title">
				<?php
				echo esc_html(
					sprintf(
						/* translators: 1: number of articles, 2: the search query. */
						_n( '%1$d article for “%2$s”', '%1$d articles for “%2$s”', count( $aftercare_results ), 'aftercare' ),
						count( $aftercare_results ),
						$aftercare_query
					)
				);
				?>
			</h2>
			<?php if ( $aftercare_results ) : ?>
				<ol class="wp-block-aftercare-help-center__result-list">
					<?php foreach ( $aftercare_results as $aftercare_article ) : ?>
						<li
							class="wp-block-aftercare-help-center__result"
							<?php
							// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Escaped by WordPress.
							echo wp_interactivity_data_wp_context( array( 'articleId' => (int) $aftercare_article['id'] ) );
							?>
						>
							<a
								class="wp-block-aftercare-help-center__result-link"
								href="<?php echo esc_url( $aftercare_article['url'] ); ?>"
								data-wp-on--click="actions.logResultClick"
							><?php echo esc_html( $aftercare_article['title'] ); ?></a>
							<?php if ( '' !== $aftercare_article['category'] ) : ?>
								<span class="wp-block-aftercare-help-center__result-category"><?php echo esc_html( $aftercare_article['category'] ); ?></span>
							<?php endif; ?>
							<p class="wp-block-aftercare-help-center__result-excerpt"><?php echo esc_html( $aftercare_article['excerpt'] ); ?></p>
						</li>
					<?php endforeach; ?>
				</ol>
			<?php else : ?>
				<p class="wp-block-aftercare-help-center__empty"><?php esc_html_e( 'No article matches those words. Try fewer or different words.', 'aftercare' ); ?></p>
			<?php endif; ?>
		</section>
	<?php endif; ?>

	<?php if ( $aftercare_data['categories'] ) : ?>
		<section class="wp-block-aftercare-help-center__categories" aria-labelledby="<?php echo esc_attr( $aftercare_id . '-categories' ); ?>">
			<h2
				id="<?php echo esc_attr( $aftercare_id . '-categories' ); ?>"
				class="wp-block-aftercare-help-center__section-title"
			><?php esc_html_e( 'Browse by topic', 'aftercare' ); ?></h2>
			<ul class="wp-block-aftercare-help-center__category-list">
				<?php foreach ( $aftercare_data['categories'] as $aftercare_category ) : ?>
					<li class="wp-block-aftercare-help-center__category">
						<a class="wp-block-aftercare-help-center__category-link" href="<?php echo esc_url( $aftercare_category['url'] ); ?>">
							<span class="wp-block-aftercare-help-center__category-name"><?php echo esc_html( $aftercare_category['name'] ); ?></span>
							<?php if ( '' !== $aftercare_category['description'] ) : ?>
								<span class="wp-block-aftercare-help-center__category-description"><?php echo esc_html( $aftercare_category['description'] ); ?></span>
							<?php endif; ?>
							<span class="wp-block-aftercare-help-center__category-count">
								<?php
								/* translators: %d: number of articles in a category. */
								echo esc_html( sprintf( _n( '%d article', '%d articles', $aftercare_category['count'], 'aftercare' ), $aftercare_category['count'] ) );
								?>
							</span>
						</a>
					</li>
				<?php endforeach; ?>
			</ul>
		</section>
	<?php endif; ?>

	<?php if ( $aftercare_data['popular'] ) : ?>
		<section class="wp-block-aftercare-help-center__popular" aria-labelledby="<?php echo esc_attr( $aftercare_id . '-popular' ); ?>">
			<h2
				id="<?php echo esc_attr( $aftercare_id . '-popular' ); ?>"
				class="wp-block-aftercare-help-center__section-title"
			><?php esc_html_e( 'Popular articles', 'aftercare' ); ?></h2>
			<ul class="wp-block-aftercare-help-center__popular-list">
				<?php foreach ( $aftercare_data['popular'] as $aftercare_article ) : ?>
					<li><a href="<?php echo esc_url( $aftercare_article['url'] ); ?>"><?php echo esc_html( $aftercare_article['title'] ); ?></a></li>
				<?php endforeach; ?>
			</ul>
		</section>
	<?php endif; ?>

	<?php if ( '' !== $aftercare_data['contact'] ) : ?>
		<p class="wp-block-aftercare-help-center__contact">
			<?php esc_html_e( 'Can’t find what you need?', 'aftercare' ); ?>
			<a href="<?php echo esc_url( $aftercare_data['contact'] ); ?>"><?php esc_html_e( 'Contact us', 'aftercare' ); ?></a>
		</p>
	<?php endif; ?>
</div>
