import { lazy, memo, Suspense } from 'react';
import type { IndexedDataset } from '../domain/buildIndex';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog';
import { ValidationReport } from '../features/import/ValidationReport';
import { AddEventDialog } from '../features/layer/AddEventDialog';
import { keymapFor, type Engine } from './keymap';

// Saved views (and the schema library that checks imported views) load when the dialog first opens.
const SavedViewsDialog = lazy(() =>
  import('../features/share/SavedViewsDialog').then((m) => ({ default: m.SavedViewsDialog })),
);
import { useUi } from '../state/uiStore';

const SHORTCUTS = { file: keymapFor('file'), server: keymapFor('server') };

/**
 * The app's dialogs. Shortcuts and saved views (links) work on any dataset; the validation report and adding an
 * event need the dataset in the page. Memoised: its props do not change with the filters, so a filter change
 * does not render it.
 */
export const Dialogs = memo(function Dialogs(
  props: { engine: 'file'; dataset: IndexedDataset } | { engine: Exclude<Engine, 'file'> },
) {
  const dialog = useUi((s) => s.dialog);
  const openDialog = useUi((s) => s.openDialog);
  const close = () => openDialog(null);
  const { available, unavailable } = SHORTCUTS[props.engine];
  return (
    <>
      <ShortcutsDialog
        open={dialog === 'help'}
        onClose={close}
        shortcuts={available}
        unavailable={{ why: 'Not on server datasets yet:', shortcuts: unavailable }}
      />
      {props.engine === 'file' && (
        <>
          <ValidationReport dataset={props.dataset} open={dialog === 'report'} onClose={close} />
          <AddEventDialog open={dialog === 'add-event'} onClose={close} />
        </>
      )}
      {dialog === 'saved-views' && (
        <Suspense fallback={null}>
          <SavedViewsDialog open onClose={close} />
        </Suspense>
      )}
    </>
  );
});
