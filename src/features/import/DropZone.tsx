import { useQueryClient } from '@tanstack/react-query';
import { memo, useLayoutEffect, useState } from 'react';
import { openLocalFile } from './openDataset';

/** Dropping a file anywhere on the page opens it as the dataset. Memoised: a filter change does not render it. */
export const DropZone = memo(function DropZone() {
  const client = useQueryClient();
  const [over, setOver] = useState(false);
  // Listening from the commit that first shows the page (a layout effect), so no drop onto a visible page is missed.
  useLayoutEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const f = e.dataTransfer?.files[0];
      if (f) openLocalFile(f, client);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [client]);
  if (!over) return null;
  return (
    <div className="cs-dropzone" aria-hidden="true">
      <p>Drop a dataset file to open it</p>
    </div>
  );
});
