import { describe, expect, it } from 'vitest';
import { issueSummary } from './issueSummary';
import type { ValidationIssue } from './types';

const error = (extra: Partial<ValidationIssue> = {}): ValidationIssue => ({
  severity: 'error',
  position: 1,
  message: 'bad',
  ...extra,
});

describe('issueSummary', () => {
  it.each<[string, ValidationIssue[], string]>([
    ['one bad event', [error()], '1 event skipped'],
    [
      'events past the limit count as the events they are',
      [error({ records: 3_000_000 }), error()],
      '3,000,001 events skipped (3,000,000 past the 2,000,000-event limit)',
    ],
    ['warnings only', [{ severity: 'warning', position: 1, message: 'w' }], '1 warning'],
  ])('%s', (_n, issues, text) => expect(issueSummary(issues, 2_000_000)).toBe(text));
});
