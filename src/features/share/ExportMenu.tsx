import { useRef } from 'react';
import { DEFAULT_DATASET } from '../../data/sources';
import { useViewData } from '../../data/viewData';
import { exportCsv, exportFileName, exportJson } from '../../domain/exportView';
import { downloadText } from '../../ui/download';
import { linkTo } from './copyLink';

/** Downloads the events of the current filtered view as Chronoscope JSON or CSV. */
export function ExportMenu() {
  const { loaded, view, result } = useViewData();
  const menu = useRef<HTMLDetailsElement>(null);
  const title = loaded.index.dataset.title;
  const save = (ext: 'json' | 'csv') => {
    menu.current?.removeAttribute('open');
    const now = new Date();
    const text =
      ext === 'json'
        ? exportJson(loaded.index, result.matches, {
            viewUrl: linkTo(),
            source: view.data ?? DEFAULT_DATASET,
            exportedAt: now.toISOString(),
          })
        : exportCsv(loaded.index, result.matches);
    downloadText(
      exportFileName(title, now, ext),
      text,
      ext === 'json' ? 'application/json' : 'text/csv',
    );
  };
  const n = result.count.toLocaleString('en');
  return (
    <details ref={menu} className="cs-menu">
      <summary>Export</summary>
      <div className="cs-menu-body">
        <ul aria-label="Export the matching events">
          <li>
            <button type="button" onClick={() => save('json')}>
              {n} events as Chronoscope JSON
            </button>
          </li>
          <li>
            <button type="button" onClick={() => save('csv')}>
              {n} events as CSV
            </button>
          </li>
        </ul>
      </div>
    </details>
  );
}
