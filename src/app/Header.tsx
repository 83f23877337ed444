import type { LoadedDataset } from '../data/page/loadSource';
import { FORMATS } from '../data/read/detectFormat';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { copyText, linkTo } from '../features/share/copyLink';
import { TimeZoneSelect } from '../features/share/TimeZoneSelect';
import { ExportMenu } from '../features/share/ExportMenu';
import { useUi } from '../state/uiStore';
import type { ViewState } from '../url/viewState';
import { effectiveTheme } from './useTheme';
import { formatCount } from '../domain/formatCount';
import { loadSummary } from '../domain/loadSummary';

export async function copyViewLink(eventId?: string): Promise<void> {
  const ok = await copyText(linkTo(eventId));
  useUi
    .getState()
    .say(
      ok
        ? eventId
          ? 'Link to this event copied'
          : 'Link copied'
        : 'Could not copy: select the address bar and copy it',
    );
}

/** Dataset title, load controls, sharing, time zone, theme and help. */
export function Header({ view, loaded }: { view: ViewState; loaded?: LoadedDataset }) {
  const openDialog = useUi((s) => s.openDialog);
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  const ds = loaded?.index.dataset;
  const skipped = ds ? loadSummary(ds).skipped : 0;
  const warnings = ds ? ds.issues.length : 0;
  const dark = effectiveTheme(theme) === 'dark';
  return (
    <header className="cs-header">
      <div className="cs-brand">
        <h1>Chronoscope</h1>
        {ds && (
          <p className="cs-dataset-title" title={ds.description}>
            <span className="cs-title-text" role="heading" aria-level={2}>
              {ds.title}
            </span>
            <span className="cs-muted">
              {' '}
              · {FORMATS[loaded.format]}, {loaded.encoding}
            </span>
          </p>
        )}
      </div>
      <nav className="cs-header-tools" aria-label="Dataset and view">
        <DatasetMenu current={view.data} {...(view.fmt ? { format: view.fmt } : {})} />
        {(skipped > 0 || warnings > 0) && (
          <button
            type="button"
            className={skipped > 0 ? 'cs-warn-button' : undefined}
            onClick={() => openDialog('report')}
          >
            {skipped > 0
              ? `${formatCount(skipped)} event${skipped === 1 ? '' : 's'} skipped`
              : `${formatCount(warnings)} warning${warnings === 1 ? '' : 's'}`}
          </button>
        )}
        {loaded && <ExportMenu />}
        <button
          type="button"
          onClick={() => void copyViewLink()}
          title="Copy a link to exactly this view (c)"
        >
          Copy link
        </button>
        <button type="button" onClick={() => openDialog('saved-views')}>
          Saved views
        </button>
        <TimeZoneSelect tz={view.tz} />
        <button
          type="button"
          aria-pressed={dark}
          onClick={() => setTheme(dark ? 'light' : 'dark')}
          title="Light or dark theme (t)"
        >
          {dark ? 'Light theme' : 'Dark theme'}
        </button>
        <button
          type="button"
          onClick={() => openDialog('help')}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </nav>
    </header>
  );
}
