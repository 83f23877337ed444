import { lazy, memo, Suspense } from 'react';
import type { IndexedDataset } from '../domain/buildIndex';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog';
import { ValidationReport } from '../features/import/ValidationReport';
import { AddEventDialog } from '../features/layer/AddEventDialog';
import { KEYMAP } from './keymap';

// Saved views (and the schema library that checks imported views) load when the dialog first opens.
const SavedViewsDialog = lazy(() =>
  import('../features/share/SavedViewsDialog').then((m) => ({ default: m.SavedViewsDialog })),
);
import { useUi } from '../state/uiStore';

/** Memoised: its props do not change with the filters, so a filter change does not render it. */
export const Dialogs = memo(function Dialogs({ dataset }: { dataset: IndexedDataset }) {
  const dialog = useUi((s) => s.dialog);
  const openDialog = useUi((s) => s.openDialog);
  const close = () => openDialog(null);
  return (
    <>
      <ShortcutsDialog open={dialog === 'help'} onClose={close} shortcuts={KEYMAP} />
      <ValidationReport dataset={dataset} open={dialog === 'report'} onClose={close} />
      <AddEventDialog open={dialog === 'add-event'} onClose={close} />
      {dialog === 'saved-views' && (
        <Suspense fallback={null}>
          <SavedViewsDialog open onClose={close} />
        </Suspense>
      )}
    </>
  );
});
