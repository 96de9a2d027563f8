/**
 * Internal dependencies
 */
import { useQueryArgs } from '../hooks/use-query-args';
import { QueueScreen } from './QueueScreen';
import { ReturnScreen } from './ReturnScreen';
import './returns.scss';

/**
 * The Returns page: the queue, or one return (`&return=ID`), switched in place
 * so that back and forward work without reloads.
 */
export function ReturnsScreen() {
	const args = useQueryArgs();
	const id = Number( args.return );
	if ( id > 0 ) {
		return <ReturnScreen key={ id } id={ id } />;
	}
	return <QueueScreen />;
}
