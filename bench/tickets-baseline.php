<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name: Aftercare tickets bench
 * Description: Bench sites only (bench/tickets.mjs), never shipped. The baseline the queue is measured against: the same tickets as a custom post type with post meta and replies as child posts, the way Awesome Support stores them, behind REST routes that answer the queue's questions with WP_Query. Also signs requests in as the user named by X-Aftercare-Bench-User and reports the SQL query count in X-Aftercare-Bench-Queries.
 *
 * @package Aftercare
 */
// phpcs:enable Generic.Files.LineLength.TooLong

declare( strict_types=1 );

add_filter(
	'determine_current_user',
	static fn( $user_id ) => isset( $_SERVER['HTTP_X_AFTERCARE_BENCH_USER'] ) ? (int) $_SERVER['HTTP_X_AFTERCARE_BENCH_USER'] : $user_id,
	100
);

add_filter(
	'rest_post_dispatch',
	static function ( $response ) {
		if ( $response instanceof WP_HTTP_Response ) {
			$response->header( 'X-Aftercare-Bench-Queries', (string) $GLOBALS['wpdb']->num_queries );
		}
		return $response;
	},
	PHP_INT_MAX
);

add_action(
	'init',
	static function (): void {
		register_post_type( 'bench_ticket', array( 'public' => false ) );
		register_post_type( 'bench_reply', array( 'public' => false ) );
		foreach ( array( 'new', 'open', 'pending', 'on_hold', 'solved', 'closed' ) as $status ) {
			register_post_status( 'bench_' . $status, array( 'internal' => true ) );
		}
	}
);

/**
 * A ticket post as the queue lists it (meta comes from the cache WP_Query primed).
 *
 * @return array<string, mixed>
 */
function aftercare_bench_ticket( WP_Post $post ): array {
	$meta = static fn( string $key ) => get_post_meta( $post->ID, $key, true );
	$user = (int) $meta( '_wpas_assignee' );
	return array(
		'id'            => $post->ID,
		'number'        => (int) $meta( '_wpas_number' ),
		'subject'       => $post->post_title,
		'status'        => substr( $post->post_status, 6 ),
		'priority'      => $meta( '_wpas_priority' ),
		'channel'       => $meta( '_wpas_channel' ),
		'customer'      => array(
			'id'    => (int) $post->post_author,
			'name'  => $meta( '_wpas_customer_name' ),
			'email' => $meta( '_wpas_customer_email' ),
		),
		'order_id'      => (int) $meta( '_wpas_order_id' ) ?: null,
		'assignee_id'   => $user ?: null,
		'assignee_name' => $user ? get_userdata( $user )->display_name : null,
		'due'           => (int) $meta( '_wpas_due' ),
		'updated'       => $post->post_modified_gmt,
	);
}

/**
 * The open view as WP_Query asks it: open tickets by due time.
 *
 * @param array<string, mixed> $extra More query vars.
 * @return array<string, mixed>
 */
function aftercare_bench_query( string $view, int $user_id, array $extra = array() ): array {
	$meta = array( array( 'key' => '_wpas_state', 'value' => 'solved' === $view ? 'closed' : 'open' ) );
	if ( 'mine' === $view ) {
		$meta[] = array( 'key' => '_wpas_assignee', 'value' => $user_id );
	} elseif ( 'unassigned' === $view ) {
		$meta[] = array( 'key' => '_wpas_assignee', 'value' => 0 );
	} elseif ( 'awaiting' === $view ) {
		$meta[] = array( 'key' => '_wpas_awaiting', 'value' => 'agent' );
	}
	return $extra + array(
		'post_type'      => 'bench_ticket',
		'post_status'    => array( 'bench_new', 'bench_open', 'bench_pending', 'bench_on_hold', 'bench_solved', 'bench_closed' ),
		'meta_query'     => $meta, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- the baseline is exactly this.
		'meta_key'       => '_wpas_due', // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
		'orderby'        => array(
			'meta_value_num' => 'ASC',
			'ID'             => 'ASC',
		),
		'posts_per_page' => 25,
	);
}

add_action(
	'rest_api_init',
	static function (): void {
		$agent = static fn() => current_user_can( 'read_aftercare_tickets' );
		register_rest_route(
			'aftercare-bench/v1',
			'/tickets',
			array(
				array(
					'methods'             => 'GET',
					'permission_callback' => $agent,
					'callback'            => static function ( WP_REST_Request $request ) {
						$extra = array();
						if ( $request['search'] ) {
							// Subjects and replies, as a post-type desk must search them: LIKE over posts, replies mapped to their ticket.
							global $wpdb;
							$like  = '%' . $wpdb->esc_like( (string) $request['search'] ) . '%';
							$ids   = $wpdb->get_col(
								$wpdb->prepare(
									"SELECT DISTINCT IF(post_parent > 0, post_parent, ID) FROM {$wpdb->posts} WHERE post_type IN ('bench_ticket', 'bench_reply') AND (post_title LIKE %s OR post_content LIKE %s)", // phpcs:ignore Generic.Files.LineLength.TooLong -- one SQL query.
									$like,
									$like
								)
							);
							$extra = array( 'post__in' => $ids ? array_map( 'intval', $ids ) : array( 0 ) );
						}
						$query    = new WP_Query( aftercare_bench_query( (string) ( $request['view'] ?? 'open' ), get_current_user_id(), $extra ) );
						$response = rest_ensure_response( array_map( 'aftercare_bench_ticket', $query->posts ) );
						$response->header( 'X-WP-Total', (string) $query->found_posts );
						return $response;
					},
				),
				array(
					'methods'             => 'POST',
					'permission_callback' => $agent,
					'callback'            => static function ( WP_REST_Request $request ) {
						$id = wp_insert_post(
							array(
								'post_type'   => 'bench_ticket',
								'post_status' => 'bench_new',
								'post_title'  => sanitize_text_field( (string) $request['subject'] ),
							),
							true
						);
						foreach ( array(
							'_wpas_state'          => 'open',
							'_wpas_priority'       => 'normal',
							'_wpas_channel'        => 'admin',
							'_wpas_assignee'       => 0,
							'_wpas_awaiting'       => 'agent',
							'_wpas_due'            => time() + 8 * HOUR_IN_SECONDS,
							'_wpas_customer_email' => sanitize_email( (string) $request['customer_email'] ),
							'_wpas_customer_name'  => sanitize_text_field( (string) $request['customer_name'] ),
							'_wpas_number'         => $id + 1000,
							'_wpas_order_id'       => 0,
						) as $key => $value ) {
							update_post_meta( $id, $key, $value );
						}
						wp_insert_post(
							array(
								'post_type'    => 'bench_reply',
								'post_status'  => 'publish',
								'post_parent'  => $id,
								'post_content' => wp_kses_post( (string) $request['message'] ),
							)
						);
						return new WP_REST_Response( aftercare_bench_ticket( get_post( $id ) ), 201 );
					},
				),
			)
		);
		register_rest_route(
			'aftercare-bench/v1',
			'/tickets/counts',
			array(
				'methods'             => 'GET',
				'permission_callback' => $agent,
				'callback'            => static function () {
					$counts = array();
					foreach ( array( 'mine', 'unassigned', 'awaiting', 'open', 'solved' ) as $view ) {
						$query           = new WP_Query(
							array( 'fields' => 'ids', 'posts_per_page' => 1, 'orderby' => 'none' ) + aftercare_bench_query( $view, get_current_user_id() )
						);
						$counts[ $view ] = (int) $query->found_posts;
					}
					return $counts;
				},
			)
		);
	}
);
