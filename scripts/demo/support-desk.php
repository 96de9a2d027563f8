<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name: Aftercare demo support desk
 * Description: Seeds the `npm start` site with a desk at work: tickets in every view, status, priority, channel and SLA state with their threads, returns in every status with their timelines, a month of help-center searches and votes, and the storefront pages in the navigation. Written through Aftercare's own services on a clock set in the past; orders are read only through the OrderSource port, so it works beside WooCommerce and on the test adapter alike. Local sites only; never shipped.
 *
 * @package Aftercare
 */
// phpcs:enable Generic.Files.LineLength.TooLong

declare( strict_types=1 );

/**
 * The tickets: subject, who wrote (a user login or [name, email] of a guest), channel (not web: an
 * agent opened it for them), priority, hours ago it came in, its story and its first message. A
 * story step is [hours after it came in, `customer`, `agent` (the assignee's reply) or `note`,
 * text, status after an agent's reply ('' = the default)]. `assign` (admin or agent), `tags` and
 * `order` (link one of the customer’s orders) are set at triage; `status` is what an agent
 * opens it with; `attach` adds a photo to the first message or a receipt to the first reply. Ages
 * and priorities are picked for the SLA state each one shows now: at risk (inside the 30-minute
 * warning window), breached, paused or met.
 *
 * @return array<int, array<string, mixed>>
 */
function aftercare_demo_tickets(): array {
	$riley = array( 'Riley Guest', 'riley@example.test' );
	$noor  = array( 'Noor Haddad', 'noor@example.test' );
	$tom   = array( 'Tom Becker', 'tom@example.test' );
	$ines  = array( 'Inès Laurent', 'ines@example.test' );
	$sam   = array( 'Sam Okafor', 'sam@example.test' );
	$mia   = array( 'Mia Svensson', 'mia@example.test' );

	return array(
		// Waiting on us, no answer yet: breached, at risk and fine.
		array(
			'Parcel marked delivered but not here',
			'customer1',
			'web',
			'urgent',
			3,
			array(),
			'The tracking page says my parcel was delivered yesterday at 2 pm, but nothing arrived and my neighbours have not seen it.',
			'assign' => 'agent',
			'tags'   => array( 'delivery', 'lost-parcel' ),
			'order'  => true,
		),
		array(
			'Charged twice for one order',
			'customer2',
			'email',
			'high',
			5,
			array(),
			'My card statement shows two payments of the same amount for my last order. Please refund the duplicate.',
			'tags'  => array( 'billing' ),
			'order' => true,
		),
		array(
			'Wrong size in the box',
			$noor,
			'web',
			'normal',
			7.6,
			array(),
			'I ordered the linen shirt in M and received an XL. Can you send the right size?',
			'tags' => array( 'wrong-item' ),
		),
		array(
			'Do you ship to Norway?',
			$mia,
			'web',
			'low',
			21,
			array(),
			'I would like to order a coat but the checkout does not list Norway. Is there a way to ship there?',
			'tags' => array( 'shipping' ),
		),
		array(
			'Discount code not accepted',
			$tom,
			'web',
			'normal',
			2,
			array(),
			'The code from your newsletter, SPRING15, says it is not valid at checkout.',
			'tags' => array( 'billing' ),
		),
		array(
			'Change the delivery address',
			'customer1',
			'phone',
			'high',
			1,
			array( array( 0.2, 'note', 'Called at 9:40: wants the parcel sent to her office instead. Checking with the warehouse whether it has left.' ) ),
			'Customer called: she moved offices this week and asks to change the delivery address on her latest order.',
			'assign' => 'admin',
			'tags'   => array( 'address-change' ),
			'order'  => true,
		),
		array(
			'Zip broke on first wear',
			$sam,
			'web',
			'normal',
			30,
			array(),
			'The zip of my jacket came off the first time I wore it. Photo attached.',
			'tags'   => array( 'damaged', 'quality' ),
			'attach' => 'photo',
		),
		array(
			'Question about fabric care',
			$ines,
			'email',
			'low',
			4,
			array(),
			'Can the merino hoodie go in the washing machine, or is it hand wash only?',
			'assign' => 'agent',
			'tags'   => array( 'product-question' ),
		),
		array(
			'Order stuck in processing',
			'customer2',
			'web',
			'high',
			26,
			array(
				array( 1.5, 'agent', 'Sorry for the wait! Your order is packed and leaves our warehouse today; you will get the tracking link by email.', '' ),
				array( 20, 'customer', 'Still no email with tracking, and the order page still says processing.', '' ),
			),
			'I paid three days ago and the order still says processing. When will it ship?',
			'assign' => 'agent',
			'tags'   => array( 'delivery' ),
			'order'  => true,
		),
		array(
			'Gift wrap missing',
			$riley,
			'web',
			'normal',
			40,
			array(
				array( 2, 'agent', 'I am sorry the gift wrap was left out. I have refunded the 3.50 and added a note to wrap your next order free.', '' ),
				array( 30, 'customer', 'Thanks, but the birthday is on Saturday. Could you send the wrapping paper separately?', '' ),
			),
			'I paid for gift wrap but the parcel arrived without it.',
			'assign' => 'admin',
			'tags'   => array( 'gift' ),
		),

		// Open with our answer given, waiting again on us, on hold.
		array(
			'Refund not received yet',
			'customer1',
			'email',
			'normal',
			50,
			array(
				array( 3, 'agent', 'Your refund was issued on our side today. Banks take 3–5 business days to show it.', '' ),
				array( 46, 'customer', 'It has been five days now and I still do not see it.', '' ),
				array( 47, 'note', 'Gateway shows the refund as settled. Ask for a bank statement screenshot before escalating.', '' ),
			),
			'I returned the rain boots last week. When will I get my money back?',
			'assign' => 'agent',
			'tags'   => array( 'refund' ),
			'order'  => true,
		),
		array(
			'Back in stock notification',
			$noor,
			'web',
			'low',
			70,
			array( array( 20, 'agent', 'The chino trousers in size 32 come back in about two weeks. We will email you as soon as they do.', 'on_hold' ) ),
			'Will the chino trousers come back in size 32?',
			'assign' => 'agent',
			'tags'   => array( 'product-question', 'stock' ),
		),
		array(
			'Exchange for a larger size',
			'customer2',
			'web',
			'normal',
			96,
			array(
				array( 4, 'agent', 'Of course. We have reserved the larger size for you; it ships once the first pair is on its way back.', 'on_hold' ),
				array( 5, 'note', 'Reserved 1 × size 34 in the warehouse system until Friday.', '' ),
			),
			'The trousers are too small. Can I exchange them for one size up?',
			'assign' => 'admin',
			'tags'   => array( 'exchange' ),
			'order'  => true,
		),
		array(
			'Invoice with company name',
			$tom,
			'email',
			'low',
			120,
			array(
				array( 10, 'agent', 'Which company name and VAT number should the invoice show?', '' ),
				array( 30, 'customer', 'Becker Design GmbH, VAT DE123456789.', '' ),
			),
			'I need an invoice with my company name for my accountant.',
			'tags' => array( 'billing', 'invoice' ),
		),
		array(
			'Missing item in parcel',
			'customer1',
			'phone',
			'high',
			22,
			array(
				array( 0.5, 'agent', 'I am sorry one item was missing. We are checking the packing record and will send it by express today.', '' ),
				array( 2, 'customer', 'Thank you. Could you make sure it is the blue one?', '' ),
				array( 3, 'note', 'Packing record shows the beanie was never scanned. Express replacement booked.', '' ),
			),
			'Customer called: the beanie was not in the parcel with the rest of the order.',
			'assign' => 'admin',
			'tags'   => array( 'missing-item' ),
			'order'  => true,
		),

		// Waiting on the customer (the SLA clock is paused).
		array(
			'Colour differs from the photos',
			$ines,
			'web',
			'normal',
			30,
			array( array( 2, 'agent', 'Could you send us a photo in daylight? Then we can compare it with our sample.', '' ) ),
			'The summer dress looks much darker than on your website.',
			'assign' => 'agent',
			'tags'   => array( 'quality' ),
		),
		array(
			'Can I still cancel?',
			'customer2',
			'web',
			'high',
			8,
			array( array( 0.5, 'agent', 'Your order has not shipped yet. Shall we cancel the whole order or only the belt?', '' ) ),
			'I ordered the wrong belt. Can I cancel before it ships?',
			'assign' => 'admin',
			'tags'   => array( 'cancellation' ),
			'order'  => true,
		),
		array(
			'Size advice for boots',
			$sam,
			'email',
			'low',
			60,
			array( array( 6, 'agent', 'The rain boots run half a size large. What size do you usually wear in trainers?', '' ) ),
			'I am between 42 and 43. Which size of rain boots should I order?',
			'tags' => array( 'sizing' ),
		),
		array(
			'Address verification',
			$mia,
			'admin',
			'normal',
			12,
			array(),
			'The carrier could not verify your apartment number. Could you confirm the full address so we can ship your order?',
			'status' => 'pending',
			'assign' => 'agent',
			'tags'   => array( 'address-change' ),
		),
		array(
			'Loyalty points missing',
			'customer1',
			'web',
			'low',
			80,
			array( array( 12, 'agent', 'Points appear 14 days after delivery, once the return window has passed. Can you tell us which order is missing points?', '' ) ),
			'My last order did not earn any loyalty points.',
			'tags' => array( 'account' ),
		),

		// Solved and closed: met, and one breached before it was solved.
		array(
			'Where is my order?',
			'customer2',
			'web',
			'normal',
			200,
			array(
				array( 2, 'agent', 'Your parcel is with UPS and due tomorrow. Here is the tracking link from your order page.', '' ),
				array( 5, 'customer', 'Got it, thank you!', '' ),
				array( 6, 'agent', 'Enjoy your order!', 'solved' ),
			),
			'I ordered last week and have not received a shipping email.',
			'assign' => 'agent',
			'tags'   => array( 'delivery' ),
			'order'  => true,
		),
		array(
			'Password reset email not arriving',
			$riley,
			'web',
			'normal',
			150,
			array(
				array( 1, 'agent', 'The reset email was held by your provider’s spam filter. I have sent a new one; please check your spam folder.', '' ),
				array( 3, 'customer', 'Found it, I am back in. Thanks!', '' ),
				array( 3.5, 'agent', 'Great, glad it worked.', 'solved' ),
			),
			'I asked for a password reset three times but nothing arrives.',
			'assign' => 'admin',
			'tags'   => array( 'account' ),
		),
		array(
			'Damaged parcel on arrival',
			'customer1',
			'email',
			'urgent',
			300,
			array(
				array( 0.3, 'agent', 'I am so sorry. A replacement ships by express today, no need to send the damaged one back.', '' ),
				array( 0.4, 'note', 'Carrier claim opened, reference CLM-22841.', '' ),
				array( 26, 'customer', 'The replacement arrived in perfect condition. Thank you!', '' ),
				array( 27, 'agent', 'Wonderful, thank you for letting us know.', 'solved' ),
			),
			'The box was crushed and the ceramic mug inside is broken.',
			'assign' => 'agent',
			'tags'   => array( 'damaged', 'delivery' ),
			'order'  => true,
			'attach' => 'photo',
		),
		array(
			'Late delivery complaint',
			$tom,
			'phone',
			'high',
			400,
			array(
				array( 4, 'agent', 'I apologise for the delay. The carrier confirms delivery tomorrow and we have refunded your shipping.', '' ),
				array( 40, 'agent', 'Following up: the carrier shows your parcel delivered this morning.', 'solved' ),
			),
			'Customer called: the parcel is a week late and he needs it for a wedding.',
			'assign' => 'admin',
			'tags'   => array( 'delivery', 'complaint' ),
		),
		array(
			'Thank you note',
			$noor,
			'web',
			'low',
			500,
			array( array( 20, 'agent', 'Thank you so much for the kind words! We have passed them on to the team.', 'closed' ) ),
			'Just wanted to say the jacket is perfect and the packaging was lovely.',
			'tags' => array( 'feedback' ),
		),
		array(
			'Return label request',
			'customer2',
			'web',
			'normal',
			250,
			array(
				array( 3, 'agent', 'Here is your prepaid return label. Drop the parcel at any post office within 14 days.', '' ),
				array( 100, 'agent', 'We received your parcel; the refund is on its way.', 'solved' ),
			),
			'Could you send me a return label for the dress?',
			'assign' => 'agent',
			'tags'   => array( 'returns' ),
			'order'  => true,
		),
		array(
			'Payment failed at checkout',
			$sam,
			'web',
			'high',
			180,
			array(
				array( 1, 'agent', 'Your bank declined the payment for 3-D Secure. Please try again and approve it in your banking app.', '' ),
				array( 2, 'customer', 'That worked, order placed.', '' ),
				array( 2.2, 'agent', 'Great, thank you for your order!', 'solved' ),
			),
			'My card is refused at checkout but it works everywhere else.',
			'assign' => 'admin',
			'tags'   => array( 'billing', 'checkout' ),
		),
		array(
			'Newsletter unsubscribe',
			$mia,
			'email',
			'low',
			600,
			array( array( 10, 'agent', 'Done: you will not receive our newsletter any more.', 'closed' ) ),
			'Please remove me from your mailing list.',
			'tags' => array( 'account' ),
		),
		array(
			'Order arrived without receipt',
			'customer1',
			'web',
			'low',
			350,
			array(
				array( 2, 'agent', 'Your receipt is attached to this reply and always available under My Account → Orders.', '' ),
				array( 3, 'agent', 'Solving this for now; reply any time if you need anything else.', 'solved' ),
			),
			'There was no receipt in the parcel and I need one for a gift exchange.',
			'assign' => 'agent',
			'tags'   => array( 'invoice' ),
			'order'  => true,
			'attach' => 'receipt',
		),
		array(
			'Wrong colour sent',
			$ines,
			'web',
			'normal',
			450,
			array(
				array( 60, 'agent', 'I am very sorry for the slow answer and the mix-up. The right colour ships today with a free return label for the wrong one.', '' ),
				array( 70, 'customer', 'Received the right one, thanks.', '' ),
				array( 71, 'agent', 'Thank you for your patience.', 'solved' ),
			),
			'I ordered the navy hoodie and received a grey one.',
			'assign' => 'admin',
			'tags'   => array( 'wrong-item' ),
		),
		array(
			'Bulk order for a team',
			$tom,
			'email',
			'normal',
			700,
			array(
				array( 5, 'agent', 'We can offer 10% off for 20 hoodies or more, with delivery in two weeks. Shall I send a quote?', '' ),
				array( 20, 'customer', 'Yes please, 25 hoodies in mixed sizes.', '' ),
				array( 22, 'agent', 'Quote sent to your email. Closing this ticket; the quote has all the details.', 'closed' ),
			),
			'Do you offer discounts for 25 hoodies with our logo?',
			'tags' => array( 'sales' ),
		),
		array(
			'Shoe care kit question',
			'customer2',
			'web',
			'low',
			90,
			array( array( 5, 'agent', 'Yes, the care kit works on the trail trainers: use the brush and the spray, not the wax.', 'solved' ) ),
			'Does the shoe care kit work on the trail trainers?',
			'tags' => array( 'product-question' ),
		),

		// New ones still unassigned in the queue.
		array(
			'Cannot log in to my account',
			$riley,
			'web',
			'high',
			0.5,
			array(),
			'It says my password is wrong even after resetting it twice.',
			'tags' => array( 'account' ),
		),
		array( 'Size chart for children', $noor, 'web', 'low', 6, array(), 'Do you have a size chart for the children’s rain jackets?', 'tags' => array( 'sizing' ) ),
		array(
			'Parcel returned to sender',
			$sam,
			'email',
			'urgent',
			0.2,
			array(),
			'The carrier sent my parcel back to you because nobody was home. Can you send it again?',
			'tags' => array( 'delivery' ),
		),
		array(
			'Price dropped after I ordered',
			'customer1',
			'web',
			'normal',
			9,
			array(),
			'The jacket I bought on Monday is 20% cheaper today. Can I get the difference back?',
			'tags'  => array( 'billing' ),
			'order' => true,
		),
		array( 'Gift card balance', $mia, 'web', 'low', 15, array(), 'How can I check how much is left on my gift card?', 'tags' => array( 'gift' ) ),
		array(
			'Custom embroidery possible?',
			$ines,
			'phone',
			'normal',
			3,
			array(),
			'Customer called to ask whether we can embroider initials on the merino hoodie.',
			'tags' => array( 'product-question', 'sales' ),
		),
		array(
			'Order confirmation not received',
			'customer2',
			'web',
			'normal',
			1,
			array(),
			'I placed an order an hour ago but did not get a confirmation email.',
			'order' => true,
		),
		array(
			'Delivery to a parcel locker',
			$tom,
			'web',
			'low',
			20,
			array(),
			'Can I choose a parcel locker as the delivery address?',
			'tags' => array( 'shipping' ),
		),
	);
}

/**
 * Help-center queries a store hears, with how often over the month; those with no article are
 * the "write this article" list.
 *
 * @return array<string, int>
 */
function aftercare_demo_help_queries(): array {
	return array(
		'how long does delivery take' => 34,
		'track my parcel'             => 28,
		'return label'                => 22,
		'refund'                      => 20,
		'change delivery address'     => 14,
		'size guide'                  => 12,
		'exchange size'               => 11,
		'cancel order'                => 10,
		'international shipping'      => 9,
		'payment methods'             => 8,
		'gift wrap'                   => 6,
		'parcle lost'                 => 5,
		'klarna'                      => 7,
		'student discount'            => 6,
		'click and collect'           => 4,
		'gift card balance'           => 4,
	);
}

add_action(
	'aftercare_seed_demo',
	static function (): void {
		if ( get_option( 'aftercare_demo_desk_seeded' ) || ! class_exists( Aftercare\Plugin::class ) ) {
			return;
		}
		$started = microtime( true );
		$now     = time();
		// The same services as every request, on a clock this seed moves through each story.
		$clock = new class( $now ) implements Aftercare\Infrastructure\Clock {
			public function __construct( public int $time ) {}

			public function now(): int {
				return $this->time;
			}
		};
		$desk  = Aftercare\Plugin::at( $clock );
		$agent = get_user_by( 'login', 'agent' );
		$staff = array(
			'admin' => 1,
			'agent' => $agent ? $agent->ID : 1,
		);
		// A seeded past mails nobody: no acknowledgements or notifications queued for these, and none
		// of the store's own (WooCommerce's refund and new-order mails) sent.
		foreach ( array(
			'aftercare_ticket_created',
			'aftercare_message_created',
			'aftercare_ticket_updated',
			'aftercare_return_created',
			'aftercare_return_updated',
		) as $hook ) {
			remove_all_actions( $hook );
		}
		add_filter( 'pre_wp_mail', '__return_false' );

		$files = aftercare_demo_files();
		// One unit of work: all of it or nothing (a failed seed leaves no half desk), and one commit
		// instead of hundreds, which is most of the time on SQLite.
		list( $tickets, $returns, $help ) = $desk->transaction->run(
			static function () use ( $desk, $clock, $now, $staff, $files ): array {
				$tickets = aftercare_demo_seed_tickets( $desk, $clock, $now, $staff, $files );
				return array(
					$tickets,
					aftercare_demo_seed_returns( $desk, $clock, $now, $staff['agent'], $files ),
					aftercare_demo_seed_help( $desk, $clock, $now, $tickets ),
				);
			}
		);
		array_map( 'wp_delete_file', $files );
		// The seed ran without the hooks that keep the reports' rollup: roll its past up at once.
		$desk->reports->rebuild->rebuild( wp_date( 'Y-m-d', $now - 60 * DAY_IN_SECONDS ), wp_date( 'Y-m-d', $now ) );
		aftercare_demo_pages();
		update_option( 'aftercare_demo_desk_seeded', 1, false );
		printf(
			"Demo desk: %d tickets, %d returns (%s), %d help-center events (%.1fs)\n",
			count( $tickets ),
			count( $returns ),
			implode( ', ', $returns ),
			$help,
			microtime( true ) - $started
		);
	},
	// After the orders (priority 5, beside WooCommerce or the test adapter) and every page.
	30
);

/**
 * Files to attach: a photo (drawn with GD when PHP has it) and a plain-text receipt.
 *
 * @return array<string, string> Kind => temporary path.
 */
function aftercare_demo_files(): array {
	$files   = array();
	$receipt = tempnam( get_temp_dir(), 'aftercare-demo' );
	// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a temporary file.
	file_put_contents( $receipt, "Aftercare Demo Store\nReceipt\n\n1 × Denim jacket    79.00\nShipping             0.00\nTotal               79.00\n" );
	$files['receipt'] = $receipt;
	if ( function_exists( 'imagecreatetruecolor' ) ) {
		$image = imagecreatetruecolor( 480, 320 );
		imagefill( $image, 0, 0, (int) imagecolorallocate( $image, 235, 228, 214 ) );
		imagefilledrectangle( $image, 110, 60, 370, 260, (int) imagecolorallocate( $image, 120, 85, 60 ) );
		imageline( $image, 110, 60, 250, 200, (int) imagecolorallocate( $image, 30, 30, 30 ) );
		imageline( $image, 250, 200, 370, 120, (int) imagecolorallocate( $image, 30, 30, 30 ) );
		$photo = tempnam( get_temp_dir(), 'aftercare-demo' );
		imagepng( $image, $photo );
		$files['photo'] = $photo;
	}
	return $files;
}

/**
 * An upload as PHP lists it, for the services' `attachments` / `photos`.
 *
 * @param array<string, string> $files Kind => path.
 * @return array<int, array<string, mixed>>
 */
function aftercare_demo_upload( array $files, string $kind ): array {
	if ( ! isset( $files[ $kind ] ) ) {
		return array();
	}
	return array(
		array(
			'name'     => 'photo' === $kind ? 'photo.png' : 'receipt.txt',
			'tmp_name' => $files[ $kind ],
			'error'    => UPLOAD_ERR_OK,
			'size'     => filesize( $files[ $kind ] ),
		),
	);
}

/**
 * The shoppers the store knows: users who are not agents, with their orders through the port.
 *
 * @return array<string, array{user: WP_User, orders: Aftercare\Orders\Order[]}> By login.
 */
function aftercare_demo_customers( Aftercare\Plugin $desk ): array {
	$customers = array();
	$names     = array(
		'customer1' => 'Casey Customer',
		'customer2' => 'Cam Second',
	);
	foreach ( get_users( array( 'role__in' => array( 'customer', 'subscriber' ), 'number' => 20, 'orderby' => 'ID' ) ) as $user ) {
		if ( isset( $names[ $user->user_login ] ) && $user->display_name === $user->user_login ) {
			// The names on their sample orders, instead of the logins the installer leaves.
			wp_update_user( array( 'ID' => $user->ID, 'display_name' => $names[ $user->user_login ] ) );
			$user = get_user_by( 'id', $user->ID );
		}
		if ( ! user_can( $user, 'edit_aftercare_tickets' ) ) {
			$customers[ $user->user_login ] = array(
				'user'   => $user,
				'orders' => $desk->orders ? $desk->orders->orders_for_customer( $user->ID, $user->user_email, 20 ) : array(),
			);
		}
	}
	return $customers;
}

/**
 * @param array<string, int>    $staff Login => user id.
 * @param array<string, string> $files Attachments.
 * @return int[] Ticket ids.
 */
function aftercare_demo_seed_tickets( Aftercare\Plugin $desk, object $clock, int $now, array $staff, array $files ): array {
	$customers = aftercare_demo_customers( $desk );
	$logins    = array_keys( $customers );
	$ids       = array();
	foreach ( aftercare_demo_tickets() as $i => $spec ) {
		list( $subject, $who, $channel, $priority, $age, $story, $message ) = $spec;
		// Beside WooCommerce the store's own customers stand in for the test adapter's.
		if ( is_string( $who ) && ! isset( $customers[ $who ] ) ) {
			$who = $logins ? $logins[ $i % count( $logins ) ] : array( 'Riley Guest', 'riley@example.test' );
		}
		$customer = is_string( $who ) ? $customers[ $who ] : null;
		$order    = ! empty( $spec['order'] ) && $customer ? ( $customer['orders'][ $i % max( 1, count( $customer['orders'] ) ) ] ?? null ) : null;
		$created  = $now - (int) round( $age * HOUR_IN_SECONDS );
		$by_agent = 'web' !== $channel;
		$input    = array(
			'subject'     => $subject,
			// An agent files a mail for the shopper: the first message is theirs, quoting it.
			'message'     => 'email' === $channel ? sprintf( 'By email: “%s”', $message ) : $message,
			// The shopper's photo comes with their first message, the store's receipt with its first reply.
			'attachments' => 'photo' === ( $spec['attach'] ?? '' ) ? aftercare_demo_upload( $files, 'photo' ) : array(),
		);
		if ( $by_agent ) {
			$input += array(
				'channel'        => $channel,
				'priority'       => $priority,
				'status'         => $spec['status'] ?? 'new',
				'customer_id'    => $customer ? $customer['user']->ID : 0,
				'customer_email' => $customer ? '' : $who[1],
				'customer_name'  => $customer ? '' : $who[0],
			);
		} elseif ( ! $customer ) {
			$input += array(
				'name'  => $who[0],
				'email' => $who[1],
			);
		}
		if ( $order ) {
			$input['order_id'] = $order->id;
		}
		$actor       = $by_agent ? $staff['agent'] : ( $customer ? $customer['user']->ID : 0 );
		$clock->time = $created;
		$ticket      = $desk->tickets->create( $input, $actor )['ticket'];

		// Triage a few minutes in: priority, assignee and tags, as an agent sets them.
		$clock->time = $created + min( 300, (int) ( $age * 600 ) );
		$changes     = array(
			'priority' => $priority,
			'tags'     => $spec['tags'] ?? array(),
		);
		if ( isset( $spec['assign'] ) ) {
			$changes['assignee_id'] = $staff[ $spec['assign'] ];
		}
		$desk->tickets->update( $ticket->id, $changes, $staff['admin'] );

		foreach ( $story as $n => $step ) {
			list( $after, $by, $text ) = $step;
			$clock->time               = $created + (int) round( $after * HOUR_IN_SECONDS );
			$attach                    = 'receipt' === ( $spec['attach'] ?? '' ) && 0 === $n ? aftercare_demo_upload( $files, 'receipt' ) : array();
			if ( 'customer' === $by ) {
				$desk->tickets->reply( $ticket->id, 'reply', $text, $customer ? $customer['user']->ID : 0 );
			} else {
				$author = $staff[ $spec['assign'] ?? 'agent' ];
				$desk->tickets->reply( $ticket->id, 'note' === $by ? 'note' : 'reply', $text, $author, $attach, (string) ( $step[3] ?? '' ) );
			}
		}
		$ids[] = $ticket->id;
	}
	$clock->time = $now;
	return $ids;
}

/**
 * One return in each status, each along the path an agent takes to get there.
 *
 * @param array<string, string> $files Attachments.
 * @return string[] Return numbers and statuses.
 */
function aftercare_demo_seed_returns( Aftercare\Plugin $desk, object $clock, int $now, int $agent, array $files ): array {
	if ( ! $desk->returns ) {
		return array();
	}
	// Status => [outcome, reason, steps]: each step [hours after filing, action, message].
	$plans = array(
		'requested'      => array( 'refund', 'size', array() ),
		'approved'       => array( 'exchange', 'size', array( array( 3, 'approved', 'Approved: the larger size is reserved for you.' ) ) ),
		'rejected'       => array(
			'refund',
			'changed_mind',
			array( array( 5, 'rejected', 'Sorry, worn items cannot be returned: the photos show the tags removed and signs of wear.' ) ),
		),
		'awaiting_items' => array(
			'refund',
			'not_as_described',
			array( array( 2, 'approved', '' ), array( 2.1, 'awaiting_items', 'Please print the label in your account and drop the parcel at any post office.' ) ),
		),
		'received'       => array(
			'store_credit',
			'size',
			array( array( 1, 'approved', '' ), array( 1.1, 'awaiting_items', '' ), array( 40, 'receive', 'Your parcel arrived at our warehouse.' ) ),
		),
		'refunded'       => array(
			'refund',
			'damaged',
			array(
				array( 1, 'approved', '' ),
				array( 1.1, 'awaiting_items', '' ),
				array( 30, 'receive', '' ),
				array( 31, 'refund', 'Refunded to your card; banks take 3–5 business days.' ),
			),
		),
		'credited'       => array(
			'store_credit',
			'changed_mind',
			array( array( 2, 'approved', '' ), array( 2.2, 'credit', 'No need to send it back: here is your store credit.' ) ),
		),
		'exchanged'      => array(
			'exchange',
			'wrong_item',
			array(
				array( 1, 'approved', '' ),
				array( 1.1, 'awaiting_items', '' ),
				array( 26, 'receive', '' ),
				array( 27, 'exchange', 'The right item is on its way.' ),
			),
		),
		'closed'         => array(
			'refund',
			'size',
			array(
				array( 1, 'approved', '' ),
				array( 1.1, 'awaiting_items', '' ),
				array( 20, 'receive', '' ),
				array( 21, 'refund', '' ),
				array( 45, 'closed', 'All done. Thank you for shopping with us.' ),
			),
		),
	);
	$lines = aftercare_demo_returnable_lines( $desk, $now );
	$done  = array();
	foreach ( $plans as $status => list( $outcome, $reason, $steps ) ) {
		$line = array_shift( $lines );
		if ( ! $line ) {
			break;
		}
		list( $order, $item_id, $filed ) = $line;
		// Damaged and wrong items need a photo from the shopper; without GD an agent files those.
		$photos      = in_array( $reason, array( 'damaged', 'wrong_item' ), true ) ? aftercare_demo_upload( $files, 'photo' ) : array();
		$actor       = $order->customer_id && ( $photos || ! in_array( $reason, array( 'damaged', 'wrong_item' ), true ) ) ? $order->customer_id : $agent;
		$clock->time = $filed;
		$return      = $desk->returns->create(
			$order,
			array(
				'items'   => array(
					array(
						'order_item_id' => $item_id,
						'quantity'      => 1,
						'reason'        => $reason,
					),
				),
				'outcome' => $outcome,
				'comment' => 'damaged' === $reason ? 'The seam split on the first wash; photo attached.' : '',
				'photos'  => $photos,
			),
			$actor
		)['return'];
		foreach ( $steps as list( $after, $action, $message ) ) {
			$clock->time = $filed + (int) round( $after * HOUR_IN_SECONDS );
			match ( $action ) {
				'receive'  => $desk->returns->receive( $return->id, array(), true, $agent, $message ),
				'refund'   => $desk->returns->refund( $return->id, $agent, false, null, $message ),
				'credit'   => $desk->returns->credit( $return->id, $agent, null, $message ),
				'exchange' => $desk->returns->exchange( $return->id, $agent, $message ),
				default    => $desk->returns->move( $return->id, $action, $agent, $message ),
			};
		}
		$done[] = $return->public_number() . ' ' . $status;
	}
	$clock->time = $now;
	return $done;
}

/**
 * Lines that can go back, one per return to seed: [order, order item id, when to file], from the
 * customers' orders as the port lists them (a line with two units serves two returns).
 *
 * @return array<int, array{0: Aftercare\Orders\Order, 1: int, 2: int}>
 */
function aftercare_demo_returnable_lines( Aftercare\Plugin $desk, int $now ): array {
	$lines = array();
	foreach ( aftercare_demo_customers( $desk ) as $customer ) {
		foreach ( $customer['orders'] as $order ) {
			// Filed a day or two after completion, and at least two days ago, so every step is past.
			$filed = max( (int) $order->completed + DAY_IN_SECONDS, $now - 2 * DAY_IN_SECONDS );
			if ( ! $order->completed || $filed > $now - DAY_IN_SECONDS ) {
				continue;
			}
			foreach ( $desk->returns->eligibility( $order )->items as $n => $item ) {
				for ( $unit = 0; $unit < min( 2, $item->returnable ); $unit++ ) {
					$lines[] = array( $order, $item->item->id, $filed - ( $n + $unit ) * 2 * HOUR_IN_SECONDS );
				}
			}
		}
	}
	return $lines;
}

/**
 * A month of help-center use: searches (some finding nothing), clicks, suggestions on the contact
 * form, votes with a few comments, and visitors who opened a ticket anyway.
 *
 * @param int[] $tickets Seeded ticket ids.
 * @return int Events recorded.
 */
function aftercare_demo_seed_help( Aftercare\Plugin $desk, object $clock, int $now, array $tickets ): int {
	$events  = 0;
	$visitor = 0;
	foreach ( aftercare_demo_help_queries() as $query => $times ) {
		$found = array_column( $desk->articles->search( $query, 3 ), 'id' );
		for ( $n = 0; $n < $times; $n++ ) {
			$id          = sprintf( 'demo-visitor-%06d', ++$visitor );
			$clock->time = $now - wp_rand( 0, 29 * DAY_IN_SECONDS );
			$desk->articles->log_search( $query, 'help-center', $id );
			++$events;
			if ( $found && wp_rand( 0, 9 ) < 6 ) {
				$article = $found[ wp_rand( 0, count( $found ) - 1 ) ];
				$desk->articles->log_articles( 'click', 'help-center', $query, array( $article ), $id );
				++$events;
				if ( wp_rand( 0, 9 ) < 4 ) {
					$helpful = wp_rand( 0, 9 ) < 8;
					$comment = $helpful ? null : 'It does not say what happens on weekends.';
					$desk->votes->vote( (int) $article, ( new Aftercare\HelpCenter\Visitors() )->hash( $id ), $helpful, $comment );
					++$events;
				}
			}
			if ( $found && 0 === $n % 4 ) {
				// Suggestions on the contact form; some of those visitors still wrote to us.
				$desk->articles->log_articles( 'suggest', 'contact', $query, $found, $id );
				++$events;
				if ( $tickets && 0 === $n % 8 ) {
					$clock->time += HOUR_IN_SECONDS;
					$desk->deflection->link( $id, $tickets[ $visitor % count( $tickets ) ] );
				}
			}
		}
	}
	$clock->time = $now;
	return $events;
}

/**
 * The return portal page in the settings, and the storefront pages in the header navigation.
 */
function aftercare_demo_pages(): void {
	$returns = get_page_by_path( 'returns' );
	if ( $returns ) {
		( new Aftercare\Settings\Settings() )->update( array( 'return_portal_page' => $returns->ID ) );
	}
	if ( get_posts( array( 'post_type' => 'wp_navigation', 'numberposts' => 1, 'fields' => 'ids' ) ) ) {
		return;
	}
	$links = '';
	foreach ( array( 'help', 'order-status', 'returns', 'contact-us' ) as $slug ) {
		$page = get_page_by_path( $slug );
		if ( $page ) {
			$links .= sprintf(
				'<!-- wp:navigation-link {"label":%s,"type":"page","id":%d,"url":%s,"kind":"post-type"} /-->',
				wp_json_encode( $page->post_title ),
				$page->ID,
				wp_json_encode( get_permalink( $page ) )
			);
		}
	}
	// The theme's header shows the newest navigation menu when it names none.
	wp_insert_post(
		array(
			'post_type'    => 'wp_navigation',
			'post_status'  => 'publish',
			'post_title'   => 'Header navigation',
			'post_content' => $links,
		)
	);
}
