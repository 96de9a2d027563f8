/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import { SettingsPanel } from '../settings-panel';

interface Attributes {
	[ key: string ]: unknown;
	heading: string;
	compact: boolean;
	count: number;
	layout: 'grid' | 'list';
}

const attributes: Attributes = {
	heading: 'Help',
	compact: false,
	count: 3,
	layout: 'grid',
};

function renderPanel( setAttributes = jest.fn() ) {
	render(
		<SettingsPanel
			title="Settings"
			attributes={ attributes }
			setAttributes={ setAttributes }
			settings={ [
				{
					type: 'text',
					name: 'heading',
					label: 'Heading',
					placeholder: 'How can we help?',
				},
				{ type: 'toggle', name: 'compact', label: 'Box only' },
				{
					type: 'range',
					name: 'count',
					label: 'Count',
					min: 1,
					max: 9,
				},
				{
					type: 'select',
					name: 'layout',
					label: 'Layout',
					options: [
						{ label: 'Grid', value: 'grid' },
						{ label: 'List', value: 'list' },
					],
				},
			] }
		>
			<p>Something else</p>
		</SettingsPanel>
	);
	return setAttributes;
}

describe( 'SettingsPanel', () => {
	it( 'shows each setting with its attribute value, then the rest', () => {
		renderPanel();
		expect(
			screen.getByRole( 'button', { name: 'Settings' } )
		).toBeInTheDocument();
		expect(
			screen.getByRole( 'textbox', { name: 'Heading' } )
		).toHaveValue( 'Help' );
		expect(
			screen.getByRole( 'textbox', { name: 'Heading' } )
		).toHaveAttribute( 'placeholder', 'How can we help?' );
		expect(
			screen.getByRole( 'checkbox', { name: 'Box only' } )
		).not.toBeChecked();
		expect(
			screen.getByRole( 'spinbutton', { name: 'Count' } )
		).toHaveValue( 3 );
		expect(
			screen.getByRole( 'combobox', { name: 'Layout' } )
		).toHaveValue( 'grid' );
		expect( screen.getByText( 'Something else' ) ).toBeInTheDocument();
	} );

	it( 'changes only the attribute of the control used', async () => {
		const user = userEvent.setup();
		const setAttributes = renderPanel();

		await user.type(
			screen.getByRole( 'textbox', { name: 'Heading' } ),
			'!'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( {
			heading: 'Help!',
		} );

		await user.click(
			screen.getByRole( 'checkbox', { name: 'Box only' } )
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( { compact: true } );

		await user.selectOptions(
			screen.getByRole( 'combobox', { name: 'Layout' } ),
			'list'
		);
		expect( setAttributes ).toHaveBeenLastCalledWith( { layout: 'list' } );
	} );

	it( 'sets a number typed in the range field', () => {
		const setAttributes = renderPanel();
		fireEvent.change( screen.getByRole( 'spinbutton', { name: 'Count' } ), {
			target: { value: '7' },
		} );
		expect( setAttributes ).toHaveBeenLastCalledWith( { count: 7 } );
	} );
} );
