/**
 * The return-policy simulator: before the store saves a changed return policy,
 * it sees what the change would do on its real past orders — how many orders and
 * lines could be returned now and under the change, and per line why not.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	SelectControl,
	ToggleControl,
} from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';
import { useEffect, useRef, useState } from 'react';

/**
 * Internal dependencies
 */
import { getErrorMessage } from '../api/errors';
import type { AftercareSettings } from '../api/types';
import { formatDateTime } from '../utils/time';
import {
	policyOf,
	simulate,
	type Counts,
	type SimulatedLine,
	type Simulation,
} from './simulation';
import './policy-simulator.scss';

const PAGE_SIZE = 20;

const PERIODS = [ 30, 90, 365 ];

export interface PolicySimulatorProps {
	/** The edited, unsaved settings: their return_* values are the proposed policy. */
	settings: AftercareSettings;
}

export function PolicySimulator( { settings }: PolicySimulatorProps ) {
	const [ days, setDays ] = useState( 90 );
	const [ running, setRunning ] = useState( false );
	const [ result, setResult ] = useState< Simulation | null >( null );
	const [ error, setError ] = useState( '' );
	const [ onlyChanged, setOnlyChanged ] = useState( true );
	const [ page, setPage ] = useState( 1 );
	const abort = useRef< AbortController | null >( null );

	useEffect( () => () => abort.current?.abort(), [] );

	const run = async () => {
		abort.current?.abort();
		const controller = new AbortController();
		abort.current = controller;
		setRunning( true );
		setError( '' );
		setResult( null );
		setPage( 1 );
		try {
			await simulate(
				policyOf( settings ),
				days,
				setResult,
				controller.signal
			);
		} catch ( caught ) {
			if ( ! controller.signal.aborted ) {
				setError( getErrorMessage( caught ) );
			}
		} finally {
			if ( abort.current === controller ) {
				setRunning( false );
			}
		}
	};

	const stop = () => {
		abort.current?.abort();
		setRunning( false );
	};

	const lines = ( result?.lines ?? [] ).filter(
		( line ) => ! onlyChanged || line.changed
	);
	const pages = Math.max( 1, Math.ceil( lines.length / PAGE_SIZE ) );
	const shown = lines.slice( ( page - 1 ) * PAGE_SIZE, page * PAGE_SIZE );

	return (
		<section
			className="aftercare-policy-simulator"
			aria-labelledby="aftercare-policy-simulator-title"
		>
			<h3 id="aftercare-policy-simulator-title">
				{ __( 'Try this policy on past orders', 'aftercare' ) }
			</h3>
			<p>
				{ __(
					'See what the return policy as edited above would allow on the orders of a period, beside the saved policy, before you save it. Nothing is changed.',
					'aftercare'
				) }
			</p>
			<div className="aftercare-policy-simulator__controls">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Orders placed in', 'aftercare' ) }
					value={ String( days ) }
					options={ PERIODS.map( ( value ) => ( {
						value: String( value ),
						label: sprintf(
							/* translators: %d: number of days. */
							_n(
								'The last %d day',
								'The last %d days',
								value,
								'aftercare'
							),
							value
						),
					} ) ) }
					onChange={ ( value ) => setDays( Number( value ) ) }
					disabled={ running }
				/>
				{ running ? (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ stop }
					>
						{ __( 'Stop', 'aftercare' ) }
					</Button>
				) : (
					<Button
						__next40pxDefaultSize
						variant="secondary"
						onClick={ () => void run() }
					>
						{ __( 'Simulate', 'aftercare' ) }
					</Button>
				) }
			</div>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ ( running || result ) && (
				<Progress running={ running } result={ result } />
			) }
			{ result && (
				<>
					<Summary result={ result } />
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Only lines the change affects',
							'aftercare'
						) }
						checked={ onlyChanged }
						onChange={ ( value ) => {
							setOnlyChanged( value );
							setPage( 1 );
						} }
					/>
					<LineTable lines={ shown } />
					{ result.truncated && (
						<p>
							{ sprintf(
								/* translators: %d: number of lines. */
								__(
									'The table keeps the first %d lines of each kind; the counts above cover every order.',
									'aftercare'
								),
								5000
							) }
						</p>
					) }
					{ pages > 1 && (
						<nav
							className="aftercare-policy-simulator__pages"
							aria-label={ __( 'Lines pages', 'aftercare' ) }
						>
							<Button
								variant="tertiary"
								disabled={ page <= 1 }
								accessibleWhenDisabled
								onClick={ () => setPage( page - 1 ) }
							>
								{ __( 'Previous', 'aftercare' ) }
							</Button>
							<span>
								{ sprintf(
									/* translators: 1: page number, 2: number of pages. */
									__( 'Page %1$d of %2$d', 'aftercare' ),
									page,
									pages
								) }
							</span>
							<Button
								variant="tertiary"
								disabled={ page >= pages }
								accessibleWhenDisabled
								onClick={ () => setPage( page + 1 ) }
							>
								{ __( 'Next', 'aftercare' ) }
							</Button>
						</nav>
					) }
				</>
			) }
		</section>
	);
}

function Progress( {
	running,
	result,
}: {
	running: boolean;
	result: Simulation | null;
} ) {
	const checked = result?.checked ?? 0;
	const total = result?.total ?? 0;
	let text: string = __( 'Starting…', 'aftercare' );
	if ( result && running ) {
		text = sprintf(
			/* translators: 1: orders checked so far, 2: orders in the period. */
			__( 'Checked %1$s of %2$s orders…', 'aftercare' ),
			checked.toLocaleString(),
			total.toLocaleString()
		);
	} else if ( result ) {
		text = sprintf(
			/* translators: %s: number of orders. */
			_n(
				'Checked %s order.',
				'Checked %s orders.',
				checked,
				'aftercare'
			),
			checked.toLocaleString()
		);
	}
	return (
		<div className="aftercare-policy-simulator__progress">
			<progress
				max={ Math.max( 1, total ) }
				value={ result ? Math.min( checked, total ) : undefined }
				aria-label={ __( 'Simulation progress', 'aftercare' ) }
			/>
			<p role="status">{ text }</p>
		</div>
	);
}

function Summary( { result }: { result: Simulation } ) {
	const rows: Array< [ string, Counts ] > = [
		[ __( 'Saved policy', 'aftercare' ), result.current ],
		[ __( 'Edited policy', 'aftercare' ), result.proposed ],
	];
	const share = ( count: number ) =>
		result.checked ? Math.round( ( count / result.checked ) * 100 ) : 0;
	return (
		<table className="aftercare-policy-simulator__summary widefat">
			<caption>
				{ sprintf(
					/* translators: 1: first day, 2: last day. */
					__(
						'Returnable now, orders placed %1$s – %2$s',
						'aftercare'
					),
					formatDateTime( result.from ),
					formatDateTime( result.to )
				) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Policy', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Orders', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Lines', 'aftercare' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( [ label, counts ] ) => (
					<tr key={ label }>
						<th scope="row">{ label }</th>
						<td>
							{ sprintf(
								/* translators: 1: returnable orders, 2: orders checked. */
								__( '%1$s of %2$s', 'aftercare' ),
								counts.orders.toLocaleString(),
								result.checked.toLocaleString()
							) }
							<span
								className="aftercare-policy-simulator__bar"
								aria-hidden="true"
							>
								<span
									style={ {
										width: `${ share( counts.orders ) }%`,
									} }
								/>
							</span>
						</td>
						<td>{ counts.lines.toLocaleString() }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

function verdict( line: SimulatedLine[ 'current' ] ): string {
	return line.returnable > 0
		? sprintf(
				/* translators: %d: quantity that can be returned. */
				__( 'Returnable (%d)', 'aftercare' ),
				line.returnable
			)
		: line.reason;
}

function LineTable( { lines }: { lines: SimulatedLine[] } ) {
	if ( ! lines.length ) {
		return <p>{ __( 'No lines to show.', 'aftercare' ) }</p>;
	}
	return (
		<table className="aftercare-policy-simulator__lines widefat striped">
			<thead>
				<tr>
					<th scope="col">{ __( 'Product', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Order', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Saved policy', 'aftercare' ) }</th>
					<th scope="col">{ __( 'Edited policy', 'aftercare' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ lines.map( ( line ) => (
					<tr key={ line.item_id }>
						<td>
							{ line.quantity > 1
								? sprintf(
										/* translators: 1: quantity, 2: product name. */
										__( '%1$d × %2$s', 'aftercare' ),
										line.quantity,
										line.name
									)
								: line.name }
						</td>
						<td>
							{ sprintf(
								/* translators: 1: order number, 2: order date. */
								__( '#%1$s, %2$s', 'aftercare' ),
								line.order_number,
								formatDateTime( line.order_date )
							) }
						</td>
						<td>{ verdict( line.current ) }</td>
						<td>{ verdict( line.proposed ) }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
