/**
 * Internal dependencies
 */
import type { ThunkArgs as StoreThunkArgs } from '../../store/thunk-args';
import type { MailStatus, ReceivedMail } from '../api';
import type * as selectors from './selectors';

/** One loaded page of the log: the ids of its entries (kept in `received`). */
export interface ReceivedPageState {
	ids: number[];
	total: number;
}

export interface MailState {
	received: Record< number, ReceivedMail >;
	/** Log pages by query key (see queryKey()). */
	queries: Record< string, ReceivedPageState >;
	status: MailStatus | null;
	/** Why something could not load, by key (`query:…`, `received:1`, `status`). */
	errors: Record< string, string >;
}

export type MailAction =
	| {
			type: 'RECEIVE_RECEIVED_PAGE';
			key: string;
			page: ReceivedPageState;
			items: ReceivedMail[];
	  }
	| { type: 'RECEIVE_RECEIVED'; items: ReceivedMail[] }
	| { type: 'REMOVE_RECEIVED'; id: number }
	| { type: 'RECEIVE_STATUS'; status: MailStatus }
	| { type: 'RECEIVE_ERROR'; key: string; message: string | null };

export type ThunkArgs = StoreThunkArgs<
	MailState,
	MailAction,
	typeof selectors
>;
