<?php
// phpcs:disable Generic.Files.LineLength.TooLong -- plugin header.
/**
 * Plugin Name: Aftercare demo help center
 * Description: Seeds the `npm start` site with help articles for a clothing store, their categories and a Help page with the help-center block. Local sites only; never shipped.
 *
 * @package Aftercare
 */
// phpcs:enable Generic.Files.LineLength.TooLong

declare( strict_types=1 );

/**
 * The demo articles: category slug → [ title, [ heading → paragraph, … ] ].
 *
 * @return array<string, array{name: string, description: string, articles: array<string, array<string, string>>}>
 */
function aftercare_demo_help_articles(): array {
	return array(
		'shipping'      => array(
			'name'        => 'Shipping & delivery',
			'description' => 'Delivery times, costs, tracking and lost parcels.',
			'articles'    => array(
				'How long does delivery take?'                => array(
					''                     => 'Standard delivery arrives in 3–5 business days, express delivery in 1–2 business days. Orders placed before 2 pm ship the same day.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
					'International orders' => 'Deliveries outside the country take 5–10 business days depending on customs in the destination country.',
				),
				'How much does shipping cost?'                => array(
					''                   => 'Standard shipping costs 4.95 and is free on orders over 50. Express shipping costs 9.95 for any order.',
					'Bulky items'        => 'Coats and boots ship at the standard rate; there is never a surcharge for size or weight.',
				),
				'How do I track my parcel?'                   => array(
					''                    => 'As soon as your order ships we email you a tracking number and a link to the carrier’s tracking page.',
					'No tracking updates' => 'Carriers can take up to 24 hours to show the first scan. If nothing changes after two days, contact us and we will ask the carrier.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'My parcel is late or lost'                   => array(
					''                   => 'If your parcel has not arrived five business days after the expected delivery date, tell us your order number and we will open an investigation with the carrier.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
					'Replacement'        => 'When the carrier confirms a parcel is lost we send a replacement or a full refund, whichever you prefer.',
				),
				'Do you ship internationally?'                => array(
					''                  => 'We ship to the EU, the UK, the United States, Canada and Australia. Customs duties for countries outside the EU are paid on delivery.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'Can I change my delivery address?'           => array(
					''                 => 'You can change the address while the order status is “Processing”. Once the parcel has shipped, ask the carrier to redirect it using your tracking number.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
			),
		),
		'returns'       => array(
			'name'        => 'Returns & refunds',
			'description' => 'Sending items back, exchanges and getting your money back.',
			'articles'    => array(
				'How do I return an item?'                    => array(
					''                    => 'You can return unworn items with their tags within 30 days of delivery. Start a return from the returns page with your order number and email address.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
					'Packing your return' => 'Pack the items in the original bag if you still have it, attach the prepaid label and drop the parcel at any post office.',
				),
				'When will I get my refund?'                  => array(
					''                 => 'We refund your money within 5 business days after your return reaches our warehouse. Your bank may take another 3–5 days to show it.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
					'Refund method'    => 'The refund goes back to the card or account you paid with. Gift card payments are refunded as store credit.',
				),
				'Can I exchange an item for another size?'    => array(
					''                 => 'Yes. Choose “Exchange” when you start the return and pick the new size. We ship the new size as soon as the return is scanned by the carrier.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'Is return shipping free?'                    => array(
					''                  => 'Returns within the country are free with our prepaid label. International returns are sent at your own cost.',
				),
				'Which items cannot be returned?'             => array(
					''                => 'Underwear, swimwear with a removed hygiene strip, pierced jewellery and gift cards cannot be returned for hygiene and security reasons.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'I received a damaged or wrong item'          => array(
					''                    => 'We are sorry! Send us a photo of the item and the label within 14 days of delivery and we will send the right item or refund you, with free return shipping.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
			),
		),
		'payments'      => array(
			'name'        => 'Payments',
			'description' => 'Payment methods, invoices, discount codes and gift cards.',
			'articles'    => array(
				'Which payment methods do you accept?'       => array(
					''                 => 'We accept Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay and bank transfer.',
					'Pay later'        => 'Pay in 30 days or in three instalments is offered at checkout for orders between 30 and 1,000.',
				),
				'My payment was declined'                     => array(
					''                => 'Check the card number, expiry date and security code, and that 3-D Secure was confirmed in your banking app. If it still fails, try another method or contact your bank.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'How do I use a discount code?'               => array(
					''                     => 'Enter the code in the “Coupon” field in the basket and press Apply. Only one code can be used per order.',
					'Code does not work'   => 'Codes are case sensitive, have an end date and may exclude sale items. Check the conditions in the email that sent you the code.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'Can I get an invoice for my order?'          => array(
					''                  => 'Your invoice is attached to the shipping confirmation email. You can also download it from My account → Orders.',
				),
				'How do gift cards work?'                     => array(
					''                 => 'Gift cards are valid for two years and can be used online and in our stores. Enter the card number at checkout; any remaining balance stays on the card.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
			),
		),
		'account'       => array(
			'name'        => 'Your account',
			'description' => 'Signing in, passwords, personal data and newsletters.',
			'articles'    => array(
				'I forgot my password'                        => array(
					''                   => 'Choose “Lost your password?” on the sign-in page and enter your email address. The reset link is valid for 24 hours.',
					'No email arrives'   => 'Check your spam folder and that you use the address you registered with.',
				),
				'How do I create an account?'                 => array(
					''                  => 'Choose “Create account” on the sign-in page, or tick “Create an account” at checkout. An account lets you track orders and start returns faster.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'How do I change my email address or details?' => array(
					''                => 'Sign in and open My account → Account details to change your name, email address or password.',
				),
				'How do I delete my account?'                 => array(
					''                  => 'Contact us from the email address of your account and we delete your account and personal data within 30 days, except what the law requires us to keep.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'How do I unsubscribe from the newsletter?'   => array(
					''               => 'Every newsletter has an unsubscribe link at the bottom. You can also switch it off in My account → Communication preferences.',
				),
			),
		),
		'sizing'        => array(
			'name'        => 'Sizing & products',
			'description' => 'Size charts, fit advice, materials and care.',
			'articles'    => array(
				'How do I find my size?'                      => array(
					''                 => 'Each product page has a size chart with body measurements in centimetres and inches. Measure your chest, waist and hips and pick the size that matches.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
					'Between two sizes' => 'If you are between two sizes, choose the larger size for a relaxed fit and the smaller one for a close fit.',
				),
				'Do your jeans run small?'                    => array(
					''              => 'Our slim and skinny jeans fit true to size; the stretch denim gives a little after a few wears. Relaxed jeans run slightly large.',
				),
				'Shoe size conversion chart'                  => array(
					''               => 'EU 38 is UK 5 and US 7.5, EU 40 is UK 6.5 and US 9, EU 42 is UK 8 and US 10.5. The full chart is on every shoe page.',
				),
				'How should I wash and care for my clothes?'  => array(
					''              => 'Follow the care label. Wash wool and cashmere by hand in cold water and dry them flat; wash denim inside out at 30 degrees.',
				),
				'Will a sold-out item come back in stock?'    => array(
					''             => 'Most basics are restocked within a few weeks. Choose “Notify me” on the product page and we email you when your size is back.',
				),
			),
		),
		'order-changes' => array(
			'name'        => 'Order changes',
			'description' => 'Cancelling, changing or adding to an order.',
			'articles'    => array(
				'How do I cancel my order?'                   => array(
					''                  => 'You can cancel an order within one hour of placing it from My account → Orders, or by contacting us. Once it ships, return it instead.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'Can I change the items in my order?'         => array(
					''                   => 'We cannot add or change items once an order is placed. Cancel the order within one hour and place a new one, or return the items you do not want.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
				'I placed a duplicate order by mistake'       => array(
					''               => 'Contact us with both order numbers as soon as possible and we cancel the duplicate before it ships, with a full refund.',
				),
				'Can I add a gift message or gift wrap?'      => array(
					''              => 'Tick “This is a gift” at checkout to add a message and gift wrap for 3.50. Prices are left off the packing slip.',
				),
				'Where is my order confirmation email?'       => array(
					''              => 'The confirmation is sent within minutes. Check your spam folder; if it is not there, your order is still visible in My account → Orders.', // phpcs:ignore Generic.Files.LineLength.TooLong -- one string.
				),
			),
		),
	);
}

add_action(
	'aftercare_seed_demo',
	static function (): void {
		if ( get_posts( array( 'post_type' => 'aftercare_article', 'numberposts' => 1, 'fields' => 'ids', 'post_status' => 'any' ) ) ) {
			return;
		}
		$order = 0;
		foreach ( aftercare_demo_help_articles() as $slug => $category ) {
			$term    = wp_insert_term( $category['name'], 'aftercare_article_category', array( 'slug' => $slug, 'description' => $category['description'] ) );
			$term_id = is_wp_error( $term ) ? 0 : (int) $term['term_id'];
			foreach ( $category['articles'] as $title => $sections ) {
				$content = '';
				foreach ( $sections as $heading => $paragraph ) {
					if ( '' !== $heading ) {
						$content .= "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">" . esc_html( $heading ) . "</h2>\n<!-- /wp:heading -->\n\n";
					}
					$content .= "<!-- wp:paragraph -->\n<p>" . esc_html( $paragraph ) . "</p>\n<!-- /wp:paragraph -->\n\n";
				}
				$id = wp_insert_post(
					array(
						'post_type'    => 'aftercare_article',
						'post_status'  => 'publish',
						'post_title'   => $title,
						'post_content' => trim( $content ),
						'menu_order'   => $order++,
					)
				);
				if ( $id && $term_id ) {
					wp_set_object_terms( (int) $id, array( $term_id ), 'aftercare_article_category' );
				}
			}
		}

		$help = get_page_by_path( 'help' );
		$help = $help ? (int) $help->ID : wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => 'help',
				'post_title'   => 'Help center',
				'post_content' => "<!-- wp:paragraph -->\n<p>Answers to the questions shoppers ask us most. Start typing and the matching articles appear.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:aftercare/help-center /-->", // phpcs:ignore Generic.Files.LineLength.TooLong -- one HTML string.
			)
		);
		$contact  = get_page_by_path( 'contact-us' );
		$settings = (array) get_option( 'aftercare_settings', array() );
		update_option(
			'aftercare_settings',
			array_merge(
				$settings,
				array(
					'help_page'    => (int) $help,
					'contact_page' => $contact ? (int) $contact->ID : (int) ( $settings['contact_page'] ?? 0 ),
				)
			)
		);
	},
	// After the contact page (scripts/demo/pages.php) exists.
	20
);
