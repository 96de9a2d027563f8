<?php
/**
 * Site Health (Tools → Site Health): whether the web server hands out attachment files to anyone
 * who knows their address. A deny-all .htaccess only works on Apache with overrides allowed;
 * nginx, LiteSpeed setups and many hosts ignore it. So the test writes a probe file into the
 * attachments folder, fetches it over HTTP like a stranger would and warns when it is served.
 * A folder outside the web root has no address, which is the safe answer.
 *
 * @package Aftercare
 */

declare( strict_types=1 );

namespace Aftercare\Tickets;

use Aftercare\Infrastructure\Registrable;
use Aftercare\Rest\AbstractController;

final class AttachmentsHealth implements Registrable {

	public const TEST = 'aftercare_private_attachments';

	public const ROUTE = '/site-health/attachments';

	public function __construct( private AttachmentStore $attachments ) {}

	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * An async test: it makes an HTTP request, so it must not hold up the Site Health screen.
	 *
	 * @param array<string, array<string, mixed>> $tests Site Health tests.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_test( array $tests ): array {
		$tests['async'][ self::TEST ] = array(
			'label'             => __( 'Support attachments are private', 'aftercare' ),
			'test'              => rest_url( AbstractController::NAMESPACE . self::ROUTE ),
			'has_rest'          => true,
			'async_direct_test' => array( $this, 'run' ),
		);
		return $tests;
	}

	public function register_route(): void {
		register_rest_route(
			AbstractController::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'run' ),
				'permission_callback' => static fn(): bool => current_user_can( 'view_site_health_checks' ),
			)
		);
	}

	/**
	 * The test's result, in Site Health's format.
	 *
	 * @return array<string, mixed>
	 */
	public function run(): array {
		$dir    = $this->attachments->directory();
		$url    = self::url_of( $dir );
		$result = array(
			'label'       => __( 'Support attachments are private', 'aftercare' ),
			'status'      => 'good',
			'badge'       => array(
				'label' => __( 'Security', 'aftercare' ),
				'color' => 'blue',
			),
			'description' => '<p>'
				. esc_html__( 'Files customers attach to support tickets can only be downloaded through Aftercare, after a permission check.', 'aftercare' )
				. '</p>',
			'actions'     => '',
			'test'        => self::TEST,
		);
		if ( null === $url ) {
			return $result;
		}
		$name  = 'probe-' . bin2hex( random_bytes( 8 ) );
		$probe = 'aftercare-probe-' . bin2hex( random_bytes( 16 ) );
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a probe file in our own folder, deleted below.
		if ( false === file_put_contents( $dir . $name, $probe ) ) {
			$result['status']      = 'recommended';
			$result['label']       = __( 'The support attachments folder is not writable', 'aftercare' );
			$result['description'] = '<p>'
				. esc_html__( 'Aftercare could not write to the folder where ticket attachments are kept, so customers cannot attach files.', 'aftercare' )
				. '</p>';
			return $result;
		}
		$response = wp_remote_get(
			$url . $name,
			array(
				'timeout'     => 10,
				'redirection' => 0,
				'sslverify'   => false,
			)
		);
		wp_delete_file( $dir . $name );
		if ( is_wp_error( $response ) ) {
			$result['status']      = 'recommended';
			$result['label']       = __( 'Aftercare could not check whether support attachments are private', 'aftercare' );
			$result['description'] = '<p>' . esc_html(
				/* translators: %s: the error message. */
				sprintf( __( 'The site could not request its own attachments folder over HTTP (%s).', 'aftercare' ), $response->get_error_message() )
			) . '</p>';
		} elseif ( 200 === wp_remote_retrieve_response_code( $response ) && str_contains( wp_remote_retrieve_body( $response ), $probe ) ) {
			$result['status']      = 'critical';
			$result['label']       = __( 'Support attachments can be downloaded by anyone who knows their address', 'aftercare' );
			$result['badge']['color'] = 'red';
			$result['description'] = '<p>' . esc_html__( 'The web server serves files from the folder where ticket attachments are kept and ignores its .htaccess rules (as nginx does). The files have random names, but they should only ever be reachable through Aftercare.', 'aftercare' ) . '</p><p>' . sprintf( // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				/* translators: 1: the constant, 2: wp-config.php */
				esc_html__( 'Keep them outside the web root: define %1$s in %2$s as a folder outside it (shared by every web server), move the existing files there, or deny access to the folder in the web server’s configuration.', 'aftercare' ), // phpcs:ignore Generic.Files.LineLength.TooLong -- one translatable string.
				'<code>AFTERCARE_ATTACHMENTS_DIR</code>',
				'<code>wp-config.php</code>'
			) . '</p>';
		}
		return $result;
	}

	/**
	 * The web address of a folder, or null when it is not under the uploads, content or
	 * WordPress folder (then no address of this site leads to it).
	 */
	private static function url_of( string $dir ): ?string {
		$dir     = wp_normalize_path( $dir );
		$uploads = wp_upload_dir( null, false );
		$bases   = array(
			trailingslashit( wp_normalize_path( (string) $uploads['basedir'] ) ) => trailingslashit( (string) $uploads['baseurl'] ),
			trailingslashit( wp_normalize_path( WP_CONTENT_DIR ) ) => trailingslashit( content_url() ),
			trailingslashit( wp_normalize_path( ABSPATH ) )        => trailingslashit( site_url() ),
		);
		foreach ( $bases as $path => $url ) {
			if ( str_starts_with( $dir, $path ) ) {
				return $url . implode( '/', array_map( 'rawurlencode', explode( '/', substr( $dir, strlen( $path ) ) ) ) );
			}
		}
		return null;
	}
}
