/**
 * CSAT from the customer's mailbox: the solved mail's one-click answer opens a themed page that
 * records nothing until the customer confirms, then takes a comment; a tampered link is refused;
 * the agent sees the rating on the ticket and its timeline. Axe on every rating page.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import {
	test,
	expect,
	expectAccessible,
	loginAs,
	screenshot,
} from '../fixtures';
import { runToken, seedTicket } from './seed';

interface SentMail {
	to: string;
	subject: string;
	message: string;
}

/**
 * The answer links of the newest mail to `to` whose subject contains `about`, by label; the
 * outbox's due mail is sent first.
 *
 * @param requestUtils The admin's REST client.
 * @param to           Recipient.
 * @param about        Part of the subject.
 * @return Label → link.
 */
async function mailedAnswers(
	requestUtils: RequestUtils,
	to: string,
	about: string
): Promise< Record< 'Good' | 'Okay' | 'Bad', string > > {
	const mails = ( await requestUtils.rest( {
		method: 'POST',
		path: '/aftercare-test/v1/mail',
	} ) ) as SentMail[];
	const mail = mails
		.filter( ( m ) => m.to === to && m.subject.includes( about ) )
		.pop();
	expect( mail, `a mail to ${ to } about "${ about }"` ).toBeDefined();
	const answers: Record< string, string > = {};
	for ( const match of mail!.message.matchAll(
		/href="([^"]*aftercare_survey=[^"]+)"[^>]*>([^<]+)<\/a>/g
	) ) {
		answers[ match[ 2 ] ?? '' ] = ( match[ 1 ] ?? '' ).replace(
			/&#038;|&amp;/g,
			'&'
		);
	}
	return answers as Record< 'Good' | 'Okay' | 'Bad', string >;
}

test.describe( 'Customer satisfaction', () => {
	test.use( { allowedConsoleErrors: [ /status of 403/ ] } );

	test( 'a customer rates a solved ticket from the mail and the agent sees it', async ( {
		page,
		requestUtils,
	} ) => {
		const token = runToken( 'cs' );
		const email = `${ token }@example.test`;
		const ticket = await seedTicket( requestUtils, {
			subject: `${ token } Crushed parcel`,
			customer_email: email,
			customer_name: 'Gwen Guest',
		} );
		await requestUtils.rest( {
			method: 'PATCH',
			path: `/aftercare/v1/tickets/${ ticket.id }`,
			data: { status: 'solved' },
		} );
		const answers = await mailedAnswers( requestUtils, email, 'is solved' );
		expect( Object.keys( answers ) ).toEqual( [ 'Good', 'Okay', 'Bad' ] );

		// The customer, signed out, clicks "Good" in the mail.
		await page.context().clearCookies();
		await page.goto( answers.Good );
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'How did we do?' } )
		).toBeVisible();
		await expect( page.locator( '.aftercare-survey' ) ).toContainText(
			'Your answer: Good'
		);
		await expectAccessible( page, '.aftercare-survey' );
		await page.getByRole( 'button', { name: 'Send my answer' } ).click();

		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Thank you for your feedback',
			} )
		).toBeVisible();
		await expect( page.getByRole( 'status' ) ).toHaveText(
			'Your answer is recorded.'
		);
		await expectAccessible( page, '.aftercare-survey' );
		await page
			.getByLabel( 'Anything you would like to add? (optional)' )
			.fill( 'Quick and friendly.' );
		await page.getByRole( 'button', { name: 'Send comment' } ).click();
		await expect( page.getByRole( 'status' ) ).toHaveText(
			'Your comment is recorded.'
		);
		await expect(
			page.getByLabel( 'Anything you would like to add? (optional)' )
		).toHaveValue( 'Quick and friendly.' );
		await page
			.locator( '.aftercare-survey' )
			.screenshot( { path: screenshot( 'csat-rating.png' ) } );

		// A link altered by hand records nothing and says so.
		await page.goto(
			answers.Bad.slice( 0, -1 ) +
				( answers.Bad.endsWith( '0' ) ? '1' : '0' )
		);
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'This link does not work',
			} )
		).toBeVisible();
		await expectAccessible( page, '.aftercare-survey' );

		// The agent sees the rating on the ticket and its timeline.
		await loginAs( page, 'admin' );
		await page.goto(
			`/wp-admin/admin.php?page=aftercare&ticket=${ ticket.id }`
		);
		const rating = page.locator( '.aftercare-customer-answer' );
		await expect( rating ).toContainText( 'Customer rating' );
		await expect( rating ).toContainText( 'Good' );
		await expect( rating ).toContainText( 'Quick and friendly.' );
		await page.getByRole( 'button', { name: 'Timeline' } ).click();
		await expect(
			page.getByText( 'Customer rated: Good — Quick and friendly.' )
		).toBeVisible();
		await expectAccessible( page, '.aftercare-ticket__sidebar' );
	} );
} );
