/**
 * Internal dependencies
 */
import { bucketLabel, change, formatMinutes, formatValue } from '../format';

describe( 'formatMinutes', () => {
	it( 'writes business time in minutes, then hours and minutes, never days', () => {
		expect( formatMinutes( null ) ).toBe( '–' );
		expect( formatMinutes( 0 ) ).toBe( '0 min' );
		expect( formatMinutes( 44.6 ) ).toBe( '45 min' );
		expect( formatMinutes( 59.6 ) ).toBe( '1 h' );
		expect( formatMinutes( 200 ) ).toBe( '3 h 20 min' );
		expect( formatMinutes( 1500 ) ).toBe( '25 h' );
	} );
} );

describe( 'bucketLabel', () => {
	it( 'names a histogram bucket by its edges, in the unit that reads best', () => {
		expect( bucketLabel( 0, 5 ) ).toBe( '0–5 min' );
		expect( bucketLabel( 45, 60 ) ).toBe( '45–60 min' );
		expect( bucketLabel( 60, 90 ) ).toBe( '1–1.5 h' );
		expect( bucketLabel( 14400, 20160 ) ).toBe( '240–336 h' );
		expect( bucketLabel( 20160, null ) ).toBe( 'over 336 h' );
	} );
} );

describe( 'formatValue', () => {
	it( 'writes each kind of figure', () => {
		expect( formatValue( 1204, 'count' ) ).toBe( '1,204' );
		expect( formatValue( 87.5, 'percent' ) ).toBe( '87.5%' );
		expect( formatValue( 4.25, 'score' ) ).toBe( '4.25' );
		expect( formatValue( 4, 'score' ) ).toBe( '4.0' );
		expect( formatValue( 30, 'money', 'EUR' ) ).toBe( '€30.00' );
		expect( formatValue( 30, 'money' ) ).toBe( '30.00' );
		expect( formatValue( null, 'percent' ) ).toBe( '–' );
	} );
} );

describe( 'change', () => {
	it( 'measures counts and times by a share of what they were', () => {
		expect( change( 12, 10, 'count', 'up' ) ).toEqual( {
			direction: 'up',
			tone: 'good',
			text: '+20%',
			label: 'Up 20% from 10, better',
		} );
		expect( change( 30, 45, 'minutes', 'down' ) ).toEqual( {
			direction: 'down',
			tone: 'good',
			text: '−33%',
			label: 'Down 33% from 45 min, better',
		} );
		expect( change( 60, 45, 'minutes', 'down' )?.tone ).toBe( 'bad' );
	} );

	it( 'measures rates in percentage points', () => {
		expect( change( 80, 85.5, 'percent', 'up' ) ).toEqual( {
			direction: 'down',
			tone: 'bad',
			text: '−5.5 pts',
			label: 'Down 5.5 pts from 85.5%, worse',
		} );
	} );

	it( 'gives the difference when there was nothing before, and judges volumes neither way', () => {
		expect( change( 4, 0, 'count', null ) ).toEqual( {
			direction: 'up',
			tone: 'neutral',
			text: '+4',
			label: 'Up 4 from 0',
		} );
		expect( change( 30, 0, 'money', null, 'EUR' )?.text ).toBe( '+€30.00' );
	} );

	it( 'says when nothing changed, and nothing when a side has no value', () => {
		expect( change( 5, 5, 'count', 'up' ) ).toEqual( {
			direction: 'same',
			tone: 'neutral',
			text: '±0',
			label: 'Unchanged from 5',
		} );
		expect( change( null, 5, 'minutes', 'down' ) ).toBeNull();
		expect( change( 5, null, 'minutes', 'down' ) ).toBeNull();
	} );
} );
