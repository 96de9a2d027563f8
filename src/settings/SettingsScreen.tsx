/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner, TabPanel } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { DataForm } from '@wordpress/dataviews/wp';
import type { Field } from '@wordpress/dataviews/wp';
import { useEffect, useMemo } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import type { AftercareSettings } from '../api';
import { Page } from '../components/Page';
import { navigate, useQueryArgs } from '../hooks/use-query-args';
import { settingsStore } from '../store';
import { CONTROLS } from './controls';
import { settingFields } from './schema';
import type { SectionId, SettingField } from './schema';
import { sectionExtras, sections } from './sections';

/**
 * Warns before the page is left with unsaved changes (the browser asks the person).
 *
 * @param hasEdits Whether there are unsaved changes.
 */
function useUnsavedChangesGuard( hasEdits: boolean ) {
	useEffect( () => {
		if ( ! hasEdits ) {
			return;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Older browsers need a value to ask.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ hasEdits ] );
}

/**
 * DataForm fields for the settings: each edits its value through the control its schema asks
 * for, with the server's refusal beside it.
 *
 * @param fields The settings from the schema.
 * @return DataForm field definitions.
 */
function formFields( fields: SettingField[] ): Field< AftercareSettings >[] {
	return fields.map( ( field ) => {
		const Control = CONTROLS[ field.control ];
		return {
			id: field.name,
			label: field.label,
			Edit: ( { data, onChange } ) => {
				const error = useSelect(
					( select ) =>
						select( settingsStore ).getSettingsFieldErrors()[
							field.name
						],
					[]
				);
				return (
					<Control
						field={ field }
						value={ data[ field.name as keyof AftercareSettings ] }
						error={ error }
						settings={ data }
						onChange={ ( value: unknown ) =>
							onChange( { [ field.name ]: value } )
						}
					/>
				);
			},
		};
	} );
}

/**
 * Support → Settings: every setting the REST schema describes, in sections, saved together.
 */
export function SettingsScreen() {
	const { settings, schema, hasEdits, isSaving, loadError, fieldErrors } =
		useSelect( ( select ) => {
			const store = select( settingsStore );
			return {
				settings: store.getEditedSettings(),
				schema: store.getSettingsSchema(),
				hasEdits: store.hasSettingsEdits(),
				isSaving: store.isSavingSettings(),
				loadError: store.getSettingsLoadError(),
				fieldErrors: store.getSettingsFieldErrors(),
			};
		}, [] );
	const { editSettings, saveSettings } = useDispatch( settingsStore );
	useUnsavedChangesGuard( hasEdits );
	const { section } = useQueryArgs();

	const fields = useMemo(
		() => ( schema ? settingFields( schema ) : [] ),
		[ schema ]
	);
	const dataFields = useMemo( () => formFields( fields ), [ fields ] );

	const onSubmit = ( event: FormEvent< HTMLFormElement > ) => {
		event.preventDefault();
		void saveSettings();
	};

	let content;
	if ( loadError ) {
		content = (
			<Notice status="error" isDismissible={ false }>
				{ loadError }
			</Notice>
		);
	} else if ( ! settings || ! schema ) {
		content = (
			<p className="aftercare-settings__loading" role="status">
				<Spinner />
				{ __( 'Loading settings…', 'aftercare' ) }
			</p>
		);
	} else {
		const errorsIn = ( id: SectionId ) =>
			fields.filter(
				( field ) => field.section === id && fieldErrors[ field.name ]
			).length;
		const tabs = sections().map( ( { id, title } ) => {
			const errors = errorsIn( id );
			return {
				name: id,
				title: errors
					? sprintf(
							/* translators: 1: section title, 2: number of settings to fix. */
							_n(
								'%1$s (%2$d to fix)',
								'%1$s (%2$d to fix)',
								errors,
								'aftercare'
							),
							title,
							errors
						)
					: title,
				className: errors ? 'has-errors' : undefined,
			};
		} );
		content = (
			// noValidate: the server checks every value and says why in the store's words.
			<form
				className="aftercare-settings"
				onSubmit={ onSubmit }
				noValidate
			>
				<TabPanel
					className="aftercare-settings__tabs"
					tabs={ tabs }
					initialTabName={
						tabs.some( ( tab ) => tab.name === section )
							? section
							: 'general'
					}
					onSelect={ ( name: string ) =>
						navigate(
							{ section: name === 'general' ? undefined : name },
							{ replace: true }
						)
					}
				>
					{ ( tab ) => {
						const id = tab.name as SectionId;
						const Extra = sectionExtras[ id ];
						return (
							<div className="aftercare-settings__section">
								<DataForm< AftercareSettings >
									data={ settings }
									fields={ dataFields }
									form={ {
										layout: { type: 'regular' },
										fields: fields
											.filter(
												( field ) =>
													field.section === id
											)
											.map( ( field ) => field.name ),
									} }
									onChange={ ( edits ) =>
										editSettings(
											edits as Partial< AftercareSettings >
										)
									}
								/>
								{ Extra && <Extra settings={ settings } /> }
							</div>
						);
					} }
				</TabPanel>
				<div className="aftercare-settings__actions">
					<Button
						__next40pxDefaultSize
						variant="primary"
						type="submit"
						isBusy={ isSaving }
						disabled={ isSaving || ! hasEdits }
						accessibleWhenDisabled
					>
						{ isSaving
							? __( 'Saving…', 'aftercare' )
							: __( 'Save', 'aftercare' ) }
					</Button>
					{ hasEdits && ! isSaving && (
						<span className="aftercare-settings__unsaved">
							{ __( 'You have unsaved changes.', 'aftercare' ) }
						</span>
					) }
				</div>
			</form>
		);
	}

	return (
		<Page title={ __( 'Support settings', 'aftercare' ) }>{ content }</Page>
	);
}
