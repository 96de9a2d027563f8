<?php
/**
 * A ticket's public thread and the reply form, as the customer sees it: on the contact page
 * through a guest's signed link, and in My Account. Never shows internal notes (the data comes
 * from the customer's view of the REST API, which leaves them out).
 *
 * @package Aftercare
 *
 * @var array<string, mixed> $aftercare_thread {
 *     @type array  $ticket   REST data of the ticket (number, subject, status).
 *     @type array  $messages REST data of the public messages, oldest first.
 *     @type string $status   Status in words.
 *     @type string $notice   A confirmation to show first ('' for none).
 *     @type string $link     The signed link to show a guest ('' for none).
 *     @type string $error    Why the last reply was refused ('' for none).
 *     @type string $action   Where the reply form posts.
 *     @type array  $hidden   Hidden fields of the reply form.
 *     @type bool   $can_reply Whether replies are taken (closed tickets take none).
 *     @type string $accept   File types for the file input.
 *     @type string $files_hint Size and type hint of the file input.
 * }
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

$aftercare_ticket = $aftercare_thread['ticket'];
$aftercare_uid    = wp_unique_id( 'aftercare-thread-' );
?>
<section class="aftercare-thread" aria-labelledby="<?php echo esc_attr( $aftercare_uid ); ?>-title">
	<?php if ( '' !== $aftercare_thread['notice'] ) : ?>
		<div class="aftercare-thread__notice" role="status">
			<p><?php echo esc_html( $aftercare_thread['notice'] ); ?></p>
			<?php if ( '' !== $aftercare_thread['link'] ) : ?>
				<p>
					<?php esc_html_e( 'Keep this link to come back to your request (we have also emailed it to you):', 'aftercare' ); ?>
					<a class="aftercare-thread__link" href="<?php echo esc_url( $aftercare_thread['link'] ); ?>"><?php echo esc_html( $aftercare_thread['link'] ); ?></a>
				</p>
			<?php endif; ?>
		</div>
	<?php endif; ?>

	<h2 class="aftercare-thread__title" id="<?php echo esc_attr( $aftercare_uid ); ?>-title">
		<?php
		/* translators: 1: ticket number, 2: ticket subject. */
		echo esc_html( sprintf( __( 'Request #%1$d: %2$s', 'aftercare' ), (int) $aftercare_ticket['number'], (string) $aftercare_ticket['subject'] ) );
		?>
	</h2>
	<p class="aftercare-thread__status">
		<?php
		/* translators: %s: ticket status, e.g. "Open". */
		echo esc_html( sprintf( __( 'Status: %s', 'aftercare' ), $aftercare_thread['status'] ) );
		?>
	</p>

	<?php
	$aftercare_conversation = array(
		'uid'           => $aftercare_uid,
		'heading'       => '',
		'section_class' => '',
		'sizes'         => true,
		'label'         => __( 'Your reply', 'aftercare' ),
		'rows'          => 5,
		'submit'        => __( 'Send reply', 'aftercare' ),
		'closed'        => __( 'This request is closed. If you need more help, please send us a new message.', 'aftercare' ),
	) + $aftercare_thread;
	require __DIR__ . '/thread-messages.php';
	?>
</section>
