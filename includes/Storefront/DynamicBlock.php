<?php
/**
 * Base of the storefront blocks rendered by a service (not by render.php alone): hooks the
 * service's render() in as the block's render_callback, handles the page's POSTs and headers in
 * before_page(), and hands the editor script what it needs as a window global.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Storefront;

use Aftercare\Infrastructure\Registrable;

abstract class DynamicBlock implements Registrable {

	/** The block's name; each subclass sets its own. */
	public const NAME = '';

	/** The window global the editor script reads ('' for none). */
	protected const EDITOR_GLOBAL = '';

	/**
	 * The block's HTML.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	abstract public function render( array $attributes ): string;

	/** Before any output: the form's POSTs and the private headers of personal pages. */
	abstract public function before_page(): void;

	public function register(): void {
		add_filter( 'register_block_type_args', array( $this, 'block_args' ), 10, 2 );
		add_action( 'template_redirect', array( $this, 'before_page' ) );
		if ( '' !== static::EDITOR_GLOBAL ) {
			add_action( 'enqueue_block_editor_assets', array( $this, 'editor_data' ) );
		}
	}

	/**
	 * Renders through render() so that render.php receives the prepared data.
	 *
	 * @param array<string, mixed> $args Block type arguments.
	 * @return array<string, mixed>
	 */
	public function block_args( array $args, string $name ): array {
		if ( static::NAME === $name ) {
			$args['render_callback'] = array( $this, 'render' );
		}
		return $args;
	}

	/**
	 * Hands editor_settings() to the editor script as window[EDITOR_GLOBAL].
	 */
	public function editor_data(): void {
		wp_add_inline_script(
			generate_block_asset_handle( static::NAME, 'editorScript' ),
			sprintf( 'window.%s = %s;', static::EDITOR_GLOBAL, wp_json_encode( $this->editor_settings() ) ),
			'before'
		);
	}

	/**
	 * A template's HTML: $file (a block's render.php in the build, or a template beside the class
	 * that renders it) run with $vars as its variables; '' when there is no such file (no build).
	 *
	 * @param array<string, mixed> $vars Variable name => value, e.g. `attributes`, `aftercare_data`.
	 */
	public static function render_template( string $file, array $vars ): string {
		if ( ! is_readable( $file ) ) {
			return '';
		}
		ob_start();
		// phpcs:ignore Generic.PHP.ForbiddenFunctions.Found -- The one template boundary: names chosen by our callers, never by input, and none overwritten (as wc_get_template() does).
		extract( $vars, EXTR_SKIP );
		require $file;
		return (string) ob_get_clean();
	}

	/**
	 * The idempotency key of a form posted without JavaScript: made from what it says, so a double
	 * submit makes one request, and never printed in a page that a cache could share with other
	 * visitors (scripts send a key of their own per page view).
	 *
	 * @param array<string, mixed> $fields The request's parameters.
	 */
	protected static function form_key( array $fields ): string {
		return 'form-' . substr( hash( 'sha256', (string) wp_json_encode( $fields ) ), 0, 40 );
	}

	/**
	 * What the editor script needs to know about the store.
	 *
	 * @return array<string, mixed>
	 */
	protected function editor_settings(): array {
		return array();
	}
}
