import type { IndexedDataset } from '../../domain/buildIndex';
import { Dialog } from '../../ui/Dialog';
import { downloadText } from '../../ui/download';
import { formatCount } from '../../domain/formatCount';
import { describeLoad, loadSummary } from '../../domain/loadSummary';

const SHOWN = 500;

/** Every rejected record (and repaired field) by position, id and reason. */
export function ValidationReport({
  dataset,
  open,
  onClose,
}: {
  dataset: IndexedDataset;
  open: boolean;
  onClose(): void;
}) {
  const errors = dataset.issues.filter((i) => i.severity === 'error');
  const warnings = dataset.issues.filter((i) => i.severity === 'warning');
  const summary = loadSummary(dataset);
  return (
    <Dialog open={open} title="Validation report" onClose={onClose} wide>
      <p>
        {describeLoad(summary, dataset.recordUnit ?? 'record')} {formatCount(warnings.length)}{' '}
        warning{warnings.length === 1 ? '' : 's'} (fields repaired or ignored; the event still
        loaded).
      </p>
      <div className="cs-report-scroll">
        <table className="cs-report">
          <caption className="cs-visually-hidden">Rejected records and warnings</caption>
          <thead>
            <tr>
              <th scope="col">{dataset.recordUnit === 'row' ? 'Row' : 'Position'}</th>
              <th scope="col">Id</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {[...errors, ...warnings].slice(0, SHOWN).map((i, k) => (
              <tr key={k}>
                <td>{i.position}</td>
                <td>{i.id ?? '—'}</td>
                <td>{i.severity === 'error' ? 'skipped' : 'warning'}</td>
                <td>{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dataset.issues.length > SHOWN && (
        <p className="cs-muted">
          {formatCount(dataset.issues.length - SHOWN)} more in the downloaded report.
        </p>
      )}
      <button
        type="button"
        onClick={() =>
          downloadText(
            'validation-report.json',
            JSON.stringify(dataset.issues, null, 2),
            'application/json',
          )
        }
      >
        Download the full report
      </button>
    </Dialog>
  );
}
