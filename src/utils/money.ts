/**
 * An amount in a currency, formatted for the page's language.
 *
 * @param amount   The amount.
 * @param currency ISO 4217 code; empty for a plain number.
 * @return E.g. "€12.50", or "12.50 XYZ" for a code Intl does not know.
 */
export function money( amount: number, currency: string ): string {
	const locale = document.documentElement.lang || undefined;
	if ( ! currency ) {
		return new Intl.NumberFormat( locale, {
			minimumFractionDigits: 2,
			maximumFractionDigits: 2,
		} ).format( amount );
	}
	try {
		return new Intl.NumberFormat( locale, {
			style: 'currency',
			currency,
		} ).format( amount );
	} catch {
		return `${ amount.toFixed( 2 ) } ${ currency }`;
	}
}
