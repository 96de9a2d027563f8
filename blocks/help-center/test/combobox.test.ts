/**
 * Internal dependencies
 */
import { debouncer, isSearchable, keyCommand, statusText } from '../combobox';

const messages = { none: 'None', one: 'One', many: '%d found' };

describe( 'help-center combobox keys', () => {
	const open = ( active: number, count = 3 ) => ( {
		open: true,
		active,
		count,
	} );

	it.each( [
		[ 'ArrowDown', open( -1 ), { type: 'move', index: 0 } ],
		[ 'ArrowDown', open( 0 ), { type: 'move', index: 1 } ],
		[ 'ArrowDown', open( 2 ), { type: 'move', index: 0 } ],
		[ 'ArrowUp', open( -1 ), { type: 'move', index: 2 } ],
		[ 'ArrowUp', open( 0 ), { type: 'move', index: 2 } ],
		[ 'ArrowUp', open( 2 ), { type: 'move', index: 1 } ],
		[ 'Enter', open( 1 ), { type: 'choose', index: 1 } ],
		[ 'Enter', open( -1 ), { type: 'none' } ],
		[ 'Escape', open( 1 ), { type: 'close' } ],
		[ 'a', open( 1 ), { type: 'none' } ],
	] )( '%s with %o → %o', ( key, state, command ) => {
		expect( keyCommand( key, state ) ).toEqual( command );
	} );

	it( 'opens a closed box on the first option (down) or the last (up)', () => {
		const closed = { open: false, active: 1, count: 4 };
		expect( keyCommand( 'ArrowDown', closed ) ).toEqual( {
			type: 'move',
			index: 0,
		} );
		expect( keyCommand( 'ArrowUp', closed ) ).toEqual( {
			type: 'move',
			index: 3,
		} );
	} );

	it( 'does nothing with the arrows when there are no results', () => {
		const empty = { open: false, active: -1, count: 0 };
		expect( keyCommand( 'ArrowDown', empty ) ).toEqual( { type: 'none' } );
		expect( keyCommand( 'ArrowUp', empty ) ).toEqual( { type: 'none' } );
	} );

	it( 'lets Enter submit the form when a closed box has a stale active option', () => {
		expect(
			keyCommand( 'Enter', { open: false, active: 1, count: 3 } )
		).toEqual( { type: 'none' } );
	} );

	it( 'clears the box on Escape once the list is closed', () => {
		expect(
			keyCommand( 'Escape', { open: false, active: -1, count: 0 } )
		).toEqual( { type: 'clear' } );
	} );
} );

describe( 'help-center search rules', () => {
	it( 'searches from two characters on, ignoring spaces', () => {
		expect( isSearchable( 'a' ) ).toBe( false );
		expect( isSearchable( ' a ' ) ).toBe( false );
		expect( isSearchable( 're' ) ).toBe( true );
	} );

	it( 'says how many articles were found', () => {
		expect( statusText( 0, 'refund', messages ) ).toBe( 'None' );
		expect( statusText( 1, 'refund', messages ) ).toBe( 'One' );
		expect( statusText( 5, 'refund', messages ) ).toBe( '5 found' );
		expect( statusText( 5, 'r', messages ) ).toBe( '' );
	} );

	it( 'runs only the last of a burst of calls', () => {
		jest.useFakeTimers();
		const wait = debouncer( 100 );
		const calls: string[] = [];
		wait.schedule( () => calls.push( 'first' ) );
		jest.advanceTimersByTime( 50 );
		wait.schedule( () => calls.push( 'second' ) );
		jest.advanceTimersByTime( 99 );
		expect( calls ).toEqual( [] );
		jest.advanceTimersByTime( 1 );
		expect( calls ).toEqual( [ 'second' ] );
		wait.schedule( () => calls.push( 'cancelled' ) );
		wait.cancel();
		jest.runAllTimers();
		expect( calls ).toEqual( [ 'second' ] );
		jest.useRealTimers();
	} );
} );
