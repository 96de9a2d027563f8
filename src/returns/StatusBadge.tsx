/**
 * Internal dependencies
 */
import type { AftercareReturn } from '../api';

interface StatusBadgeProps {
	item: Pick< AftercareReturn, 'status' | 'status_label' >;
}

/**
 * A return's status in words (the server's label); the colour only repeats it.
 *
 * @param props      Component props.
 * @param props.item The return.
 */
export function StatusBadge( { item }: StatusBadgeProps ) {
	return (
		<span
			className={ `aftercare-return-status aftercare-return-status--${ item.status }` }
		>
			{ item.status_label }
		</span>
	);
}
