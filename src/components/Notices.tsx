/**
 * WordPress dependencies
 */
import { SnackbarList } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { store as noticesStore } from '@wordpress/notices';

/**
 * The app's snackbar notices (saved, failed…), read from the core notices store.
 */
export function Notices() {
	const notices = useSelect(
		( select ) => select( noticesStore ).getNotices(),
		[]
	);
	const { removeNotice } = useDispatch( noticesStore );
	const snackbars = notices.filter(
		( notice ) => notice.type === 'snackbar'
	);

	return (
		<SnackbarList
			className="aftercare-snackbars"
			notices={ snackbars }
			onRemove={ removeNotice }
		/>
	);
}
