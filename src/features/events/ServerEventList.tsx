import type { SortKey } from '../../domain/eventOrder';
import { formatCount } from '../../domain/formatCount';
import { formatEventDate } from '../../domain/formatDate';
import { clipText } from '../../domain/clipText';
import type { ListRow } from '../../domain/viewAnswer';
import { updateView } from '../../url/useViewState';
import type { ListScope } from '../../url/viewState';
import { ListScopeBar } from './ListScopeBar';
import './events.css';
import './serverEvents.css';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'title', label: 'Title' },
  { key: 'type', label: 'Type' },
  { key: 'actors', label: 'Actors' },
  { key: 'place', label: 'Place' },
];

interface Props {
  rows: ListRow[];
  /** The rows the list holds: every match, or those in the window (In view). */
  count: number;
  scope: ListScope;
  /** Every match, and the matches in the window, for the scope's switch. */
  total: number;
  inView: number | undefined;
  offset: number;
  pageSize: number;
  sort: { key: SortKey; descending: boolean };
  onSort(sort: { key: SortKey; descending: boolean }): void;
  onPage(offset: number): void;
  names: Map<string, string>;
  selected: string | undefined;
  tz: string;
}

/** A server dataset's matches as a table, one page at a time, in the order chosen. */
export function ServerEventList({
  rows,
  count,
  scope,
  total,
  inView,
  offset,
  pageSize,
  sort,
  onSort,
  onPage,
  names,
  selected,
  tz,
}: Props) {
  const last = Math.min(count, offset + rows.length);
  // In view, a pan can leave fewer matches than the page starts at: said, and Previous goes to the last page.
  const past = count > 0 && offset >= count;
  const lastPage = Math.max(0, Math.ceil(count / pageSize) - 1) * pageSize;
  return (
    <div className="cs-server-list">
      <div className="cs-row" role="group" aria-label="Pages">
        <ListScopeBar scope={scope} total={total} inView={inView} />
        <span>
          {count === 0
            ? scope === 'view'
              ? 'No matching events in view'
              : 'No matching events'
            : past
              ? `Past the last of ${formatCount(count)} events`
              : `Events ${formatCount(offset + 1)}–${formatCount(last)} of ${formatCount(count)}`}
        </span>
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => onPage(past ? lastPage : Math.max(0, offset - pageSize))}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={offset + pageSize >= count}
          onClick={() => onPage(offset + pageSize)}
        >
          Next page
        </button>
      </div>
      <div className="cs-server-scroll">
        <table
          className="cs-server-table"
          aria-label={scope === 'view' ? 'Matching events in view' : 'Matching events'}
        >
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'
                  }
                >
                  <button
                    type="button"
                    onClick={() =>
                      onSort({
                        key: c.key,
                        descending: sort.key === c.key ? !sort.descending : false,
                      })
                    }
                  >
                    {c.label}
                    {sort.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ event: e }) => {
              const date = formatEventDate(e, tz);
              const title = clipText(e.title, 300);
              const actors = clipText(
                e.actors
                  .slice(0, 10)
                  .map((a) => names.get(a) ?? a)
                  .join(', '),
                300,
              );
              // One line a row, cut with an ellipsis: each cell's whole text is in its tooltip.
              return (
                // The whole row selects, as in the file list; its title button is the keyboard's way in.
                <tr
                  key={e.id}
                  aria-selected={e.id === selected}
                  onClick={() => updateView({ event: e.id })}
                >
                  <td title={date}>{date}</td>
                  <td>
                    <button type="button" title={title}>
                      {title}
                    </button>
                  </td>
                  <td title={e.type ?? undefined}>{e.type ?? ''}</td>
                  <td title={actors || undefined}>{actors}</td>
                  <td title={e.location?.name ?? undefined}>{e.location?.name ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
