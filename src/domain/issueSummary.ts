import { formatCount } from './formatCount';
import type { ValidationIssue } from './types';

/** Records skipped (an issue may stand for many), those past the events limit among them, and warnings. */
export function issueCounts(issues: readonly ValidationIssue[]): {
  skipped: number;
  overLimit: number;
  warnings: number;
} {
  let skipped = 0;
  let overLimit = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'warning') warnings++;
    else {
      skipped += i.records ?? 1;
      if (i.records !== undefined) overLimit += i.records;
    }
  }
  return { skipped, overLimit, warnings };
}

/** The header's words for a load's report: how many events were not loaded and why, or how many warnings. */
export function issueSummary(issues: readonly ValidationIssue[], maxEvents: number): string {
  const { skipped, overLimit, warnings } = issueCounts(issues);
  if (skipped === 0) return `${formatCount(warnings)} warning${warnings === 1 ? '' : 's'}`;
  const events = `${formatCount(skipped)} event${skipped === 1 ? '' : 's'} skipped`;
  return overLimit > 0
    ? `${events} (${formatCount(overLimit)} past the ${formatCount(maxEvents)}-event limit)`
    : events;
}
