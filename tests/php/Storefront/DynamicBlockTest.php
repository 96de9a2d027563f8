<?php
/**
 * DynamicBlock::render_template(): a template sees the variables it is given and its output is
 * returned; a template that is not there (no build yet) renders nothing.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tests\Storefront;

use Aftercare\Storefront\DynamicBlock;
use Aftercare\Tests\TestCase;

final class DynamicBlockTest extends TestCase {

	private string $file = '';

	protected function tearDown(): void {
		if ( '' !== $this->file ) {
			wp_delete_file( $this->file );
		}
		parent::tearDown();
	}

	public function test_the_template_renders_with_its_variables(): void {
		$this->file = (string) tempnam( get_temp_dir(), 'aftercare' );
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		file_put_contents( $this->file, '<p><?php echo esc_html( $aftercare_data["greeting"] . ", " . $attributes["name"] ); ?></p>' );
		$html = DynamicBlock::render_template(
			$this->file,
			array(
				'attributes'     => array( 'name' => 'Gwen & co' ),
				'aftercare_data' => array( 'greeting' => 'Hello' ),
			)
		);
		$this->assertSame( '<p>Hello, Gwen &amp; co</p>', $html );
	}

	public function test_a_missing_template_renders_nothing(): void {
		$this->assertSame( '', DynamicBlock::render_template( AFTERCARE_DIR . 'build/blocks/no-such-block/render.php', array() ) );
	}
}
