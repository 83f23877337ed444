import { useEffect, useRef, useState } from 'react';
import type { ServerMetadata } from '../../data/page/serverApi';
import type { ExportFormat } from '../../domain/exportStream';
import { exportFileName } from '../../domain/exportView';
import { formatCount } from '../../domain/formatCount';
import { useUi } from '../../state/uiStore';
import { downloadBlob } from '../../ui/download';
import { filtersLink, type ViewState } from '../../url/viewState';
import { serverCommands } from '../../state/serverCommands';
import { linkTo } from './copyLink';
import { ImageExportItems } from './ImageExportItems';

const LABELS: Record<ExportFormat, string> = {
  json: 'Chronoscope JSON',
  jsonl: 'JSON Lines',
  csv: 'CSV',
};

/**
 * Downloads a server dataset's matching events (the view's filters) as the file workspace's exports do, streamed
 * from the server (data/page/serverExport.ts), one export at a time, which can be cancelled; and the timeline and
 * map as PNG images, as on a file.
 */
export function ServerExportMenu({ meta, view }: { meta: ServerMetadata; view: ViewState }) {
  const say = useUi((s) => s.say);
  const menu = useRef<HTMLDetailsElement>(null);
  const [running, setRunning] = useState<{ format: ExportFormat; events: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const save = async (format: ExportFormat) => {
    menu.current?.removeAttribute('open');
    const controller = new AbortController();
    abort.current = controller;
    setRunning({ format, events: 0 });
    say(`Exporting the matching events as ${LABELS[format]}…`);
    try {
      // The exporter is a chunk of its own (with Papa Parse), fetched on the first export.
      const { exportServerView } = await import('../../data/page/serverExport');
      const now = new Date();
      const filters = filtersLink(view);
      const { blob, count, more } = await exportServerView(
        meta,
        filters,
        format,
        { viewUrl: linkTo(), exportedAt: now.toISOString() },
        (events) => setRunning({ format, events }),
        controller.signal,
      );
      downloadBlob(exportFileName(meta.title, now, format), blob);
      say(
        more
          ? `Exported the first ${formatCount(count)} matching events in time order as ${LABELS[format]}: the server's limit for one export. Narrow the filters (a date range) for the rest.`
          : `Exported ${formatCount(count)} events as ${LABELS[format]}.`,
      );
    } catch (e) {
      if (controller.signal.aborted) say('Export cancelled.');
      else say(`The export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (abort.current === controller) abort.current = null;
      setRunning(null);
    }
  };
  return (
    <details ref={menu} className="cs-menu">
      <summary>Export</summary>
      <div className="cs-menu-body">
        {running ? (
          <p role="status" className="cs-muted">
            Exporting as {LABELS[running.format]}: {formatCount(running.events)} events so far.{' '}
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel the export
            </button>
          </p>
        ) : (
          <ul aria-label="Export the matching events">
            {(['json', 'jsonl', 'csv'] as const).map((f) => (
              <li key={f}>
                <button type="button" onClick={() => void save(f)}>
                  Matching events as {LABELS[f]}
                </button>
              </li>
            ))}
            <ImageExportItems
              geo={view.geo}
              onChoose={() => menu.current?.removeAttribute('open')}
              subject={() => {
                const names = new Map(meta.entities.map((e) => [e.id, e.name]));
                const count = serverCommands()?.count();
                return {
                  title: meta.title,
                  ...(meta.attribution ? { attribution: meta.attribution } : {}),
                  ...(count !== undefined ? { count } : {}),
                  total: meta.eventCount,
                  view,
                  name: (id) => names.get(id) ?? id,
                };
              }}
            />
          </ul>
        )}
      </div>
    </details>
  );
}
