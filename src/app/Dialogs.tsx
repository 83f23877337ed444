import type { Dataset } from '../domain/types';
import { ShortcutsDialog } from '../features/help/ShortcutsDialog';
import { ValidationReport } from '../features/import/ValidationReport';
import { SavedViewsDialog } from '../features/share/SavedViewsDialog';
import { useUi } from '../state/uiStore';

export function Dialogs({ dataset }: { dataset: Dataset }) {
  const dialog = useUi((s) => s.dialog);
  const openDialog = useUi((s) => s.openDialog);
  const close = () => openDialog(null);
  return (
    <>
      <ShortcutsDialog open={dialog === 'help'} onClose={close} />
      <ValidationReport dataset={dataset} open={dialog === 'report'} onClose={close} />
      {dialog === 'saved-views' && <SavedViewsDialog open onClose={close} />}
    </>
  );
}
