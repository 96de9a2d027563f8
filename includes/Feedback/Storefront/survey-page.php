<?php
/**
 * The survey page in a classic theme: the theme's header and footer around the survey block.
 *
 * @package Aftercare
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

get_header();
?>
<main id="main" class="site-main">
	<?php
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- The block escapes what it prints.
	echo do_blocks( '<!-- wp:' . Aftercare\Feedback\Storefront\SurveyPage::BLOCK . ' /-->' );
	?>
</main>
<?php
get_footer();
