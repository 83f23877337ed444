import { describeLoad, loadSummary } from './loadSummary';
import type { Dataset, ValidationIssue } from './types';

const ds = (loaded: number, recordCount: number, issues: ValidationIssue[]) =>
  ({ events: Array.from({ length: loaded }), recordCount, issues }) as unknown as Dataset;
const err = (field: string): ValidationIssue => ({
  severity: 'error',
  position: 1,
  field,
  message: '',
});

describe('loadSummary', () => {
  it('counts every row of the file, rows skipped before validation included', () => {
    const s = loadSummary(ds(6646, 6650, [err('start'), err('start'), err('start'), err('start')]));
    expect(s).toMatchObject({ loaded: 6646, total: 6650, skipped: 4, mostlyRejected: false });
    expect(describeLoad(s, 'row')).toBe(
      '6,646 of 6,650 rows loaded; 4 skipped (no readable date).',
    );
  });

  it('names each reason with its count when there are several, and says when most rows failed', () => {
    const s = loadSummary(
      ds(1, 5, [
        err('start'),
        err('start'),
        err('id'),
        { ...err('x'), severity: 'warning' },
        err('start'),
      ]),
    );
    expect(s.mostlyRejected).toBe(true);
    expect(s.warnings).toBe(1);
    expect(describeLoad(s, 'row')).toBe(
      '1 of 5 rows loaded; 4 skipped (3 no readable date, 1 duplicate or missing id).',
    );
    expect(describeLoad(loadSummary(ds(0, 2060, [])), 'row')).toBe(
      '0 of 2,060 rows loaded; 2,060 skipped.',
    );
  });
});
