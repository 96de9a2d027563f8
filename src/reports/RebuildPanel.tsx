/**
 * For those who manage Aftercare: rebuild the daily figures from the tickets and returns
 * (history from before the rollup, or after a correction), with its progress while it runs.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { reportsStore } from '../store';
import type { ReportQuery } from './api';
import { formatDateTime } from '../utils/time';

/** How often the progress is read again while a rebuild runs. */
const POLL_MS = 3000;

export function RebuildPanel( { query }: { query: ReportQuery } ) {
	const { progress, error } = useSelect(
		( select ) => ( {
			progress: select( reportsStore ).getRebuild(),
			error: select( reportsStore ).getError( 'rebuild' ),
		} ),
		[]
	);
	const { startRebuild, refreshRebuild } = useDispatch( reportsStore );
	const [ refused, setRefused ] = useState< string | null >( null );
	const running = progress?.state === 'running';

	useEffect( () => {
		if ( ! running ) {
			return;
		}
		const timer = window.setInterval( refreshRebuild, POLL_MS );
		return () => window.clearInterval( timer );
	}, [ running, refreshRebuild ] );

	const start = async () => {
		setRefused( await startRebuild( query.from, query.to ) );
	};

	return (
		<div className="aftercare-reports__rebuild">
			{ running && progress && (
				<div className="aftercare-reports__progress">
					<label htmlFor="aftercare-rebuild-progress">
						{ sprintf(
							/* translators: 1: days rebuilt, 2: days to rebuild, 3: the next day. */
							__(
								'Rebuilding the figures: %1$d of %2$d days (next: %3$s)',
								'aftercare'
							),
							progress.days_done,
							progress.days_total,
							progress.next ?? '–'
						) }
					</label>
					<progress
						id="aftercare-rebuild-progress"
						max={ 100 }
						value={ progress.percent }
					>
						{ `${ Math.round( progress.percent ) }%` }
					</progress>
				</div>
			) }
			{ ! running && (
				<p className="aftercare-reports__rebuild-text">
					{ progress?.state === 'done' && progress.finished_at
						? sprintf(
								/* translators: 1: first day, 2: last day, 3: when the rebuild finished. */
								__(
									'The figures of %1$s to %2$s were rebuilt on %3$s.',
									'aftercare'
								),
								progress.from ?? '',
								progress.to ?? '',
								formatDateTime( progress.finished_at )
							)
						: __(
								'The figures are kept up to date as tickets change. Rebuild them to include history from before the reports existed.',
								'aftercare'
							) }{ ' ' }
					<Button
						variant="secondary"
						size="compact"
						onClick={ start }
						disabled={ ! progress }
					>
						{ __( 'Rebuild this period', 'aftercare' ) }
					</Button>
				</p>
			) }
			{ ( refused || error ) && (
				<Notice status="error" isDismissible={ false }>
					{ refused || error }
				</Notice>
			) }
		</div>
	);
}
