import { useRef, type ReactNode } from 'react';
import type { LoadedDataset } from '../data/page/loadSource';
import { FORMATS } from '../data/read/detectFormat';
import { DatasetMenu } from '../features/import/DatasetMenu';
import { copyText, linkTo } from '../features/share/copyLink';
import { TimeZoneSelect } from '../features/share/TimeZoneSelect';
import { ExportMenu } from '../features/share/ExportMenu';
import { useUi } from '../state/uiStore';
import type { ViewState } from '../url/viewState';
import { effectiveTheme } from './useTheme';
import { issueCounts, issueSummary } from '../domain/issueSummary';
import { LIMITS } from '../domain/limits';

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

/** Dataset name and status first; then the data and view controls; Share, the one primary action, last. */
export function Header({
  view,
  loaded,
  status,
  activity,
  exportMenu,
}: {
  view: ViewState;
  loaded?: LoadedDataset;
  status: string;
  /** What the view's answers are doing (a server dataset's "Updating…", or why not and Try again now). */
  activity?: ReactNode;
  /** The Share menu's Export for a dataset the page does not hold (a server dataset's). */
  exportMenu?: ReactNode;
}) {
  const openDialog = useUi((s) => s.openDialog);
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  const toast = useUi((s) => s.toast);
  const undo = useUi((s) => s.undo);
  const share = useRef<HTMLDetailsElement>(null);
  const ds = loaded?.index.dataset;
  const { skipped, warnings } = issueCounts(ds?.issues ?? []);
  const dark = effectiveTheme(theme) === 'dark';
  const closeShare = () => share.current?.removeAttribute('open');
  return (
    <header className="cs-header">
      <div className="cs-brand">
        <h1>Chronoscope</h1>
        <div className="cs-dataset">
          {ds && (
            <p className="cs-dataset-title" title={ds.description}>
              <span className="cs-title-text" role="heading" aria-level={2}>
                {ds.title}
              </span>
              <span className="cs-dataset-format">
                {' '}
                · {FORMATS[loaded.format]}, {loaded.encoding}
              </span>
            </p>
          )}
          <p className="cs-status-line">
            <span role="status" aria-live="polite" className="cs-status">
              {status}
            </span>
            {activity}
            {(skipped > 0 || warnings > 0) && (
              <button
                type="button"
                className={`cs-issues-button${skipped > 0 ? ' cs-warn-button' : ''}`}
                onClick={() => openDialog('report')}
              >
                {issueSummary(ds!.issues, LIMITS.maxEvents)}
              </button>
            )}
            <span className="cs-toast" aria-live="polite">
              {toast}
            </span>
            {undo && (
              <span className="cs-undo" aria-live="polite">
                {undo.message}{' '}
                <button
                  type="button"
                  onClick={() => {
                    undo.run();
                    useUi.setState({ undo: null });
                  }}
                >
                  Undo
                </button>
              </span>
            )}
          </p>
        </div>
      </div>
      <nav className="cs-header-tools" aria-label="Dataset and view">
        <DatasetMenu current={view.data} {...(view.fmt ? { format: view.fmt } : {})} />
        <TimeZoneSelect tz={view.tz} />
        <button
          type="button"
          className="cs-icon-button cs-header-icon"
          aria-pressed={dark}
          aria-label={dark ? 'Light theme' : 'Dark theme'}
          onClick={() => setTheme(dark ? 'light' : 'dark')}
          title="Light or dark theme (t)"
        >
          <span aria-hidden="true">{dark ? '☀' : '☾'}</span>
        </button>
        <button
          type="button"
          className="cs-icon-button cs-header-icon"
          onClick={() => openDialog('help')}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
        <details ref={share} className="cs-menu cs-share-menu">
          <summary className="cs-primary">Share</summary>
          {/* Choosing any action closes the menu (Export's own button only opens its list). */}
          <div
            className="cs-menu-body cs-menu-right"
            onClick={(e) => {
              if (e.target instanceof Element && e.target.closest('li button')) closeShare();
            }}
          >
            <ul aria-label="Share this view">
              <li>
                <button
                  type="button"
                  onClick={() => {
                    closeShare();
                    void copyViewLink();
                  }}
                  title="Copy a link to exactly this view (c)"
                >
                  Copy link
                </button>
              </li>
              <li>
                <button
                  type="button"
                  onClick={() => {
                    closeShare();
                    openDialog('saved-views');
                  }}
                >
                  Saved views
                </button>
              </li>
            </ul>
            {loaded ? <ExportMenu /> : exportMenu}
          </div>
        </details>
      </nav>
    </header>
  );
}
