/**
 * Internal dependencies
 */
import {
	ORDER_ACTIONS,
	buildRequest,
	chooseAction,
	defaultMessage,
	initialForm,
	refundTotal,
} from '../order-actions';
import type { OrderActionForm } from '../order-actions';
import { options } from './fixtures/order-actions';

const form = (
	changes: Partial< OrderActionForm >,
	action: OrderActionForm[ 'action' ] = 'refund'
): OrderActionForm => ( { ...initialForm( action ), ...changes } );

const build = ( changes: Partial< OrderActionForm >, opts = options() ) =>
	buildRequest( form( changes ), opts, 'casey@example.test', 'gwen@ex.test' );

describe( 'order actions: the form', () => {
	it( 'offers the four actions in order, starting on a refund with its reply', () => {
		expect( ORDER_ACTIONS().map( ( { value } ) => value ) ).toEqual( [
			'refund',
			'coupon',
			'resend',
			'return',
		] );
		expect( initialForm() ).toMatchObject( {
			action: 'refund',
			message: defaultMessage( 'refund' ),
			messageEdited: false,
			restock: false,
		} );
	} );

	it( 'switches the prefilled reply with the action, unless the agent wrote their own', () => {
		const coupon = chooseAction( initialForm(), 'coupon' );
		expect( coupon.action ).toBe( 'coupon' );
		expect( coupon.message ).toBe( defaultMessage( 'coupon' ) );
		expect( coupon.message ).not.toBe( defaultMessage( 'refund' ) );

		const own = chooseAction(
			{ ...coupon, message: 'My words.', messageEdited: true },
			'resend'
		);
		expect( own ).toMatchObject( {
			action: 'resend',
			message: 'My words.',
		} );
	} );
} );

describe( 'order actions: the refund total', () => {
	it( 'is each chosen unit’s share of what is left on its line', () => {
		const { lines, total } = refundTotal(
			form( { quantities: { 1101: '1', 1100: '' } } ),
			options()
		);
		expect(
			lines.map( ( { line, quantity, amount } ) => [
				line.order_item_id,
				quantity,
				amount,
			] )
		).toEqual( [ [ 1101, 1, 7.49 ] ] );
		expect( total ).toBe( 7.49 );
	} );

	it( 'takes a typed amount instead of the units’ price, rounded to cents, and adds the lines', () => {
		const { lines, total } = refundTotal(
			form( {
				quantities: { 1100: '1', 1101: '2' },
				amounts: { 1100: '25.555', 1101: ' ' },
			} ),
			options()
		);
		expect( lines.map( ( { amount } ) => amount ) ).toEqual( [
			25.56, 14.98,
		] );
		expect( total ).toBe( 40.54 );
	} );

	it( 'counts an amount with no units, and nothing for a line left empty', () => {
		expect(
			refundTotal( form( { amounts: { 1100: '5' } } ), options() )
		).toMatchObject( { total: 5, lines: [ { quantity: 0, amount: 5 } ] } );
		expect( refundTotal( form( {} ), options() ) ).toEqual( {
			lines: [],
			total: 0,
		} );
	} );
} );

describe( 'order actions: the refund request', () => {
	it( 'sends the chosen lines, the restock and the reply as HTML, and says what will happen', () => {
		const request = build( {
			quantities: { 1101: '1' },
			amounts: { 1100: '12.5' },
			restock: true,
			message: 'Sorry.\n\nHere you go.',
		} );
		expect( request ).toEqual( {
			input: {
				order_id: 11,
				action: 'refund',
				message: '<p>Sorry.</p><p>Here you go.</p>',
				lines: [
					{ order_item_id: 1100, quantity: 0, amount: 12.5 },
					{ order_item_id: 1101, quantity: 1 },
				],
				restock: true,
			},
			summary: [
				'Refund $19.99 for order #1011: Linen shirt ($12.50), 1 × Wool socks ($7.49).',
				'The money goes back through the payment method. It cannot be undone.',
				'The refunded units go back in stock.',
				'Your reply goes to gwen@ex.test, followed by a paragraph saying what was done.',
			],
			movesMoney: true,
		} );
	} );

	it( 'says the store pays back by hand when the payment method cannot refund', () => {
		const request = build(
			{ quantities: { 1100: '1' } },
			options( { automatic_refunds: false } )
		);
		expect( 'summary' in request && request.summary ).toEqual( [
			'Refund $80.00 for order #1011: 1 × Linen shirt ($80.00).',
			'The payment method cannot refund automatically: the order records the refund and the store pays the customer back by hand. It cannot be undone.',
			'Your reply goes to gwen@ex.test, followed by a paragraph saying what was done.',
		] );
	} );

	it.each( [
		[ 'nothing chosen', {}, 'Choose at least one item to refund' ],
		[
			'more units than are left',
			{ quantities: { 1101: '3' } },
			'At most 2 of Wool socks can still be refunded.',
		],
		[
			'part of a unit',
			{ quantities: { 1101: '1.5' } },
			'At most 2 of Wool socks can still be refunded.',
		],
		[
			'a negative quantity',
			{ quantities: { 1101: '-1' } },
			'At most 2 of Wool socks can still be refunded.',
		],
		[
			'more money than is left on the line',
			{ quantities: { 1101: '1' }, amounts: { 1101: '15' } },
			'At most $14.98 can still be refunded for Wool socks.',
		],
		[
			'an amount of nothing',
			{ amounts: { 1100: '0' } },
			'At most $80.00 can still be refunded for Linen shirt.',
		],
		[
			'an amount that is no number',
			{ amounts: { 1100: 'ten' } },
			'At most $80.00 can still be refunded for Linen shirt.',
		],
	] )( 'is refused for %s', ( _, changes, error ) => {
		const request = build( changes );
		expect( request ).toEqual( {
			error: expect.stringContaining( error ),
		} );
	} );

	it( 'leaves the agent’s limit to the server: over it is still a request', () => {
		expect( build( { quantities: { 1100: '1' } } ) ).toHaveProperty(
			'input.lines',
			[ { order_item_id: 1100, quantity: 1 } ]
		);
	} );
} );

describe( 'order actions: coupon, resend and return requests', () => {
	const coupon = ( changes: Partial< OrderActionForm > ) =>
		buildRequest(
			form( changes, 'coupon' ),
			options(),
			'casey@example.test',
			'gwen@ex.test'
		);

	it( 'gives an amount or a percentage off, limited to the coupon email', () => {
		expect( coupon( { couponAmount: '15' } ) ).toMatchObject( {
			input: {
				order_id: 11,
				action: 'coupon',
				coupon_type: 'fixed_cart',
				amount: 15,
			},
			summary: [
				'Create a single-use coupon for $15.00 off, limited to casey@example.test.',
				expect.any( String ),
			],
			movesMoney: false,
		} );
		expect(
			coupon( { couponType: 'percent', couponAmount: '10' } )
		).toMatchObject( {
			input: { coupon_type: 'percent', amount: 10 },
			summary: [
				'Create a single-use coupon for 10% off, limited to casey@example.test.',
				expect.any( String ),
			],
		} );
	} );

	it.each( [
		[ 'fixed_cart', '', 'Enter an amount above 0.' ],
		[ 'fixed_cart', '-5', 'Enter an amount above 0.' ],
		[ 'percent', '0', 'Enter a percentage above 0 and at most 100.' ],
		[ 'percent', '101', 'Enter a percentage above 0 and at most 100.' ],
	] as const )(
		'refuses a %s coupon of "%s"',
		( couponType, couponAmount, error ) => {
			expect( coupon( { couponType, couponAmount } ) ).toEqual( {
				error,
			} );
		}
	);

	it( 'resends the status mail, and the tracking mail only when there is tracking', () => {
		const resend = (
			mail: OrderActionForm[ 'mail' ],
			hasTracking = false
		) =>
			buildRequest(
				form( { mail }, 'resend' ),
				options( { has_tracking: hasTracking } ),
				'casey@example.test',
				'gwen@ex.test'
			);
		expect( resend( 'status' ) ).toMatchObject( {
			input: { action: 'resend', mail: 'status' },
			summary: [
				'Send the status email of order #1011 to the customer again.',
				expect.any( String ),
			],
		} );
		expect( resend( 'tracking' ) ).toEqual( {
			error: 'This order has no tracking number yet, so there is no tracking email to send.',
		} );
		expect( resend( 'tracking', true ) ).toMatchObject( {
			input: { mail: 'tracking' },
		} );
	} );

	it( 'starts a return of the chosen items with a reason each and the outcome asked', () => {
		const request = buildRequest(
			form(
				{
					quantities: { 1100: '', 1101: '2' },
					reasons: { 1101: 'damaged' },
					outcome: 'exchange',
				},
				'return'
			),
			options(),
			'casey@example.test',
			'gwen@ex.test'
		);
		expect( request ).toMatchObject( {
			input: {
				action: 'return',
				items: [
					{ order_item_id: 1101, quantity: 2, reason: 'damaged' },
				],
				outcome: 'exchange',
			},
			summary: [
				'Start a return for order #1011 on the customer’s behalf: 2 × Wool socks. Outcome asked: Exchange.',
				expect.any( String ),
			],
			movesMoney: false,
		} );
	} );

	it.each( [
		[ 'no item', {}, 'Choose at least one item to return.' ],
		[
			'more than was ordered',
			{ quantities: { 1101: '4' }, reasons: { 1101: 'damaged' } },
			'At most 3 of Wool socks can be returned.',
		],
		[
			'an item without a reason',
			{ quantities: { 1101: '1' } },
			'Choose a reason for each item.',
		],
	] )( 'refuses a return with %s', ( _, changes, error ) => {
		expect(
			buildRequest(
				form( changes, 'return' ),
				options(),
				'casey@example.test',
				'gwen@ex.test'
			)
		).toEqual( { error } );
	} );
} );
