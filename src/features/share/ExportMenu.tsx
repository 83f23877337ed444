import { useRef } from 'react';
import { DEFAULT_DATASET } from '../../data/page/sources';
import { useDeferredViewData } from '../../data/page/viewData';
import { entityName } from '../../domain/buildIndex';
import { useUi } from '../../state/uiStore';
import { downloadText } from '../../ui/download';
import { linkTo } from './copyLink';
import { ImageExportItems } from './ImageExportItems';
import { formatCount } from '../../domain/formatCount';

/** Downloads the events of the current filtered view as Chronoscope JSON or CSV, or the timeline as a PNG. */
export function ExportMenu() {
  const { loaded, view, result, layer } = useDeferredViewData();
  const importer = useRef<HTMLInputElement>(null);
  const say = useUi((s) => s.say);
  const menu = useRef<HTMLDetailsElement>(null);
  const ds = loaded.index.dataset;
  // The exporters (and Papa Parse) are a chunk of their own, fetched on the first export.
  const save = async (ext: 'json' | 'jsonl' | 'csv', withLayer = false) => {
    menu.current?.removeAttribute('open');
    const { exportCsv, exportFileName, exportJson, exportJsonl } =
      await import('../../domain/exportView');
    const now = new Date();
    const meta = {
      viewUrl: linkTo(),
      source: view.data ?? DEFAULT_DATASET,
      exportedAt: now.toISOString(),
    };
    const text =
      ext === 'csv'
        ? exportCsv(loaded.index, result.matches)
        : ext === 'json'
          ? exportJson(
              loaded.index,
              result.matches,
              meta,
              withLayer ? layer.state.layer : undefined,
            )
          : exportJsonl(loaded.index, result.matches, meta);
    const types = { json: 'application/json', jsonl: 'application/jsonl', csv: 'text/csv' };
    downloadText(exportFileName(ds.title, now, ext), text, types[ext]);
  };
  const saveLayer = () => {
    menu.current?.removeAttribute('open');
    const stem =
      ds.title
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'dataset';
    downloadText(
      `${stem}-notes.chronoscope-layer.json`,
      JSON.stringify(layer.state.layer, null, 2),
      'application/json',
    );
  };
  const importLayer = async (file: File) => {
    menu.current?.removeAttribute('open');
    const r = layer.session.importText(await file.text());
    if (!r.ok) return say(`${file.name} was not imported: ${r.error}.`);
    const { added, joined, conflicts, addedEvents, addedConflicts, curation } = r.report;
    const { curationConflicts } = r.report;
    say(
      `Imported ${file.name}: ${formatCount(added)} events newly annotated, ${formatCount(joined)} joined` +
        (conflicts
          ? `, ${formatCount(conflicts)} differing notes kept both ways (the imported one below yours)`
          : '') +
        (addedEvents || addedConflicts
          ? `, ${formatCount(addedEvents)} added events taken` +
            (addedConflicts
              ? ` (${formatCount(addedConflicts)} edited differently kept beside yours)`
              : '')
          : '') +
        (curation || curationConflicts
          ? `, ${formatCount(curation)} entity changes taken` +
            (curationConflicts
              ? ` (${formatCount(curationConflicts)} of yours kept over theirs)`
              : '')
          : '') +
        (r.dropped ? `; ${formatCount(r.dropped)} unreadable entries skipped` : '') +
        '.',
    );
  };
  const n = formatCount(result.count);
  return (
    <details ref={menu} className="cs-menu">
      <summary>Export</summary>
      <div className="cs-menu-body">
        <ul aria-label="Export the matching events">
          <li>
            <button type="button" onClick={() => void save('json')}>
              {n} events as Chronoscope JSON
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void save('jsonl')}>
              {n} events as JSON Lines
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void save('json', true)}>
              {n} events and my layer as Chronoscope JSON
            </button>
          </li>
          <li>
            <button type="button" onClick={() => void save('csv')}>
              {n} events as CSV
            </button>
          </li>
          <ImageExportItems
            geo={view.geo}
            onChoose={() => menu.current?.removeAttribute('open')}
            subject={() => ({
              title: ds.title,
              ...(ds.attribution ? { attribution: ds.attribution } : {}),
              count: result.count,
              total: loaded.index.size,
              view,
              name: (id) => entityName(loaded.index, id),
            })}
          />
        </ul>
        <ul aria-label="Your notes and stars">
          <li>
            <button type="button" onClick={saveLayer}>
              Your notes and stars (JSON)
            </button>
          </li>
          <li>
            <button type="button" onClick={() => importer.current?.click()}>
              Import notes and stars…
            </button>
            <input
              ref={importer}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Layer file to import"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void importLayer(f);
              }}
            />
          </li>
        </ul>
      </div>
    </details>
  );
}
