/**
 * A stable key for a list query (tickets or returns): the same filters give the
 * same key whatever the order of their keys or list values.
 *
 * @param query The query.
 * @return The key.
 */
export function queryKey( query: object ): string {
	const entries = Object.entries( query )
		.filter(
			( [ , value ] ) =>
				value !== undefined &&
				value !== '' &&
				! ( Array.isArray( value ) && ! value.length )
		)
		.map( ( [ key, value ] ): [ string, unknown ] => [
			key,
			Array.isArray( value ) ? [ ...value ].sort() : value,
		] )
		.sort( ( [ a ], [ b ] ) => ( a < b ? -1 : 1 ) );
	return JSON.stringify( entries );
}
