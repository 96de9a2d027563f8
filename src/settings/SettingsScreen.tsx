/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardFooter,
	CardHeader,
	Notice,
	Spinner,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';
import type { FormEvent } from 'react';

/**
 * Internal dependencies
 */
import { Page } from '../components/Page';
import { settingsStore } from '../store';
import { HelpCenterSettings } from '../help-center/HelpCenterSettings';
import { OrderLookupSettings } from './OrderLookupSettings';
import { ProxySettings } from './ProxySettings';
import { SatisfactionSettings } from './SatisfactionSettings';

/**
 * Settings → the store-wide options of the support desk.
 */
export function SettingsScreen() {
	const { settings, hasEdits, isSaving, loadError } = useSelect(
		( select ) => {
			const store = select( settingsStore );
			return {
				settings: store.getEditedSettings(),
				hasEdits: store.hasSettingsEdits(),
				isSaving: store.isSavingSettings(),
				loadError: store.getSettingsLoadError(),
			};
		},
		[]
	);
	const { editSettings, saveSettings } = useDispatch( settingsStore );

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
	} else if ( ! settings ) {
		content = (
			<p className="aftercare-settings__loading" role="status">
				<Spinner />
				{ __( 'Loading settings…', 'aftercare' ) }
			</p>
		);
	} else {
		content = (
			<form className="aftercare-settings" onSubmit={ onSubmit }>
				<OrderLookupSettings
					settings={ settings }
					onChange={ editSettings }
				/>
				<HelpCenterSettings
					settings={ settings }
					onChange={ editSettings }
				/>
				<SatisfactionSettings
					settings={ settings }
					onChange={ editSettings }
				/>
				<ProxySettings
					settings={ settings }
					onChange={ editSettings }
				/>
				<Card>
					<CardHeader>
						<h2 className="aftercare-settings__section-title">
							{ __( 'Data', 'aftercare' ) }
						</h2>
					</CardHeader>
					<CardBody>
						<ToggleControl
							__nextHasNoMarginBottom
							label={ __(
								'Remove all data when Aftercare is deleted',
								'aftercare'
							) }
							help={ __(
								'Deleting the plugin also deletes its tickets, messages, returns, help articles, settings and uploaded files. Keep this off to be able to reinstall without losing anything.',
								'aftercare'
							) }
							checked={ settings.delete_data_on_uninstall }
							onChange={ ( value: boolean ) =>
								editSettings( {
									delete_data_on_uninstall: value,
								} )
							}
						/>
					</CardBody>
					<CardFooter justify="flex-end">
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
					</CardFooter>
				</Card>
			</form>
		);
	}

	return (
		<Page title={ __( 'Support settings', 'aftercare' ) }>{ content }</Page>
	);
}
