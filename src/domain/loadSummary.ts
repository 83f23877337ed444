import type { Dataset } from './types';
import { formatCount } from './formatCount';

/** Why rejected records were skipped, by the field the validator names. */
const REASONS: Record<string, string> = {
  start: 'no readable date',
  end: 'unreadable end date',
  id: 'duplicate or missing id',
  title: 'no title',
  location: 'unusable place',
};

export interface LoadSummary {
  loaded: number;
  /** Every record of the source: every row of a file, valid or not. */
  total: number;
  skipped: number;
  /** Skipped records by reason, most frequent first. */
  reasons: { reason: string; count: number }[];
  warnings: number;
  /** True when over half of the records were skipped: the file is probably not what its format says. */
  mostlyRejected: boolean;
}

/** How a load went, counted over every record of the source. */
export function loadSummary(
  dataset: Pick<Dataset, 'issues' | 'recordCount'> & { events: { length: number } },
): LoadSummary {
  const loaded = dataset.events.length;
  const total = Math.max(dataset.recordCount, loaded);
  const counts = new Map<string, number>();
  let warnings = 0;
  for (const issue of dataset.issues) {
    if (issue.severity === 'warning') warnings++;
    else if (issue.field !== undefined && issue.field !== 'entities') {
      const reason = REASONS[issue.field] ?? `bad ${issue.field}`;
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  const skipped = total - loaded;
  return {
    loaded,
    total,
    skipped,
    reasons: [...counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
    warnings,
    mostlyRejected: total > 0 && skipped > total / 2,
  };
}

/** "6,646 of 6,650 rows loaded; 4 skipped (no readable date)." */
export function describeLoad(s: LoadSummary, unit: 'row' | 'record'): string {
  const units = `${unit}${s.total === 1 ? '' : 's'}`;
  const why = s.reasons.map((r) =>
    s.reasons.length > 1 ? `${formatCount(r.count)} ${r.reason}` : r.reason,
  );
  return `${formatCount(s.loaded)} of ${formatCount(s.total)} ${units} loaded; ${formatCount(s.skipped)} skipped${
    s.skipped > 0 && why.length > 0 ? ` (${why.join(', ')})` : ''
  }.`;
}
