/**
 * WordPress dependencies
 */
import { Button, Modal, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { DataViews, filterSortAndPaginate } from '@wordpress/dataviews/wp';
import type { Action, Field, View } from '@wordpress/dataviews/wp';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DialogButtons } from '../../components/DialogButtons';
import type { AftercareSavedReply } from '../../api';
import { Page } from '../../components/Page';
import { savedRepliesStore } from '../../store';
import { htmlToText } from '../../utils/html';
import { formatDateTime } from '../../utils/time';
import { SavedReplyForm } from './SavedReplyForm';

const FIELDS: Field< AftercareSavedReply >[] = [
	{
		id: 'title',
		label: __( 'Title', 'aftercare' ),
		enableHiding: false,
		enableGlobalSearch: true,
	},
	{
		id: 'body',
		label: __( 'Reply', 'aftercare' ),
		enableSorting: false,
		enableGlobalSearch: true,
		getValue: ( { item } ) => htmlToText( item.body ),
		render: ( { item } ) => {
			const text = htmlToText( item.body );
			return (
				<>{ text.length > 120 ? `${ text.slice( 0, 120 ) }…` : text }</>
			);
		},
	},
	{
		id: 'updated',
		label: __( 'Updated', 'aftercare' ),
		render: ( { item } ) => (
			<time dateTime={ item.updated }>
				{ formatDateTime( item.updated ) }
			</time>
		),
	},
];

/**
 * Saved replies: the canned answers agents insert into the composer.
 */
export function SavedRepliesScreen() {
	const { replies, error } = useSelect(
		( select ) => ( {
			replies: select( savedRepliesStore ).getSavedReplies(),
			error: select( savedRepliesStore ).getSavedRepliesError(),
		} ),
		[]
	);
	const { deleteSavedReply } = useDispatch( savedRepliesStore );
	// undefined: no form; null: a new reply; a reply: editing it.
	const [ editing, setEditing ] = useState<
		AftercareSavedReply | null | undefined
	>();
	const [ view, setView ] = useState< View >( {
		type: 'table',
		search: '',
		page: 1,
		perPage: 20,
		sort: { field: 'title', direction: 'asc' },
		fields: [ 'body', 'updated' ],
		titleField: 'title',
	} );
	const { data, paginationInfo } = useMemo(
		() => filterSortAndPaginate( replies ?? [], view, FIELDS ),
		[ replies, view ]
	);

	const actions: Action< AftercareSavedReply >[] = useMemo(
		() => [
			{
				id: 'edit',
				label: __( 'Edit', 'aftercare' ),
				isPrimary: true,
				callback: ( [ item ] ) => setEditing( item ),
			},
			{
				id: 'delete',
				label: __( 'Delete', 'aftercare' ),
				isDestructive: true,
				modalHeader: __( 'Delete saved reply?', 'aftercare' ),
				RenderModal: ( { items, closeModal } ) => (
					<>
						<p>
							{ sprintf(
								/* translators: %s: saved reply title. */
								__(
									'“%s” will be deleted. Messages already sent keep their text.',
									'aftercare'
								),
								items[ 0 ]?.title ?? ''
							) }
						</p>
						<DialogButtons
							label={ __( 'Delete', 'aftercare' ) }
							onCancel={ closeModal }
							onConfirm={ () => {
								items.forEach(
									( item ) => void deleteSavedReply( item.id )
								);
								closeModal?.();
							} }
							destructive
						/>
					</>
				),
			},
		],
		[ deleteSavedReply ]
	);

	return (
		<Page
			title={ __( 'Saved replies', 'aftercare' ) }
			actions={
				<Button
					__next40pxDefaultSize
					variant="primary"
					onClick={ () => setEditing( null ) }
				>
					{ __( 'Add saved reply', 'aftercare' ) }
				</Button>
			}
			wide
		>
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<DataViews< AftercareSavedReply >
				view={ view }
				onChangeView={ setView }
				fields={ FIELDS }
				actions={ actions }
				data={ data }
				isLoading={ ! replies && ! error }
				paginationInfo={ paginationInfo }
				defaultLayouts={ { table: {} } }
				getItemId={ ( item ) => String( item.id ) }
				onClickItem={ setEditing }
				searchLabel={ __( 'Search saved replies', 'aftercare' ) }
				empty={ <p>{ __( 'No saved replies yet.', 'aftercare' ) }</p> }
			/>
			{ editing !== undefined && (
				<Modal
					title={
						editing
							? __( 'Edit saved reply', 'aftercare' )
							: __( 'Add saved reply', 'aftercare' )
					}
					onRequestClose={ () => setEditing( undefined ) }
					size="medium"
				>
					<SavedReplyForm
						reply={ editing ?? undefined }
						onDone={ () => setEditing( undefined ) }
					/>
				</Modal>
			) }
		</Page>
	);
}
