import { readFileSync } from 'node:fs';
import type { CsvMapping } from '../../../domain/csvMapping';
import { guessMapping } from '../../../domain/guessMapping';
import { loadDataset } from '../loadDataset';
import { previewCsv } from './genericCsv';

const bytes = new Uint8Array(readFileSync('fixtures/files/generic-aid.csv'));
const text = new TextDecoder().decode(bytes);

const MAPPING: CsvMapping = {
  date: 'When',
  order: 'dmy',
  title: 'Headline',
  actors: ['Who'],
  separator: ';',
  type: 'Category',
  location: 'Where',
  description: 'Notes',
  url: 'Link',
  id: 'Reference',
};

describe('generic CSV', () => {
  it('asks for a mapping, with the header and first rows, when none is given', () => {
    const o = loadDataset(bytes, 'generic-aid.csv');
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.error.kind).toBe('needs-mapping');
    expect(o.error.csv?.headers).toEqual([
      'When',
      'Headline',
      'Who',
      'Category',
      'Where',
      'Notes',
      'Link',
      'Reference',
    ]);
    expect(o.error.csv?.rows[2]?.[0]).toBe('21/12/2023 14:05');
  });

  it('guesses the mapping an analyst would choose from names and content', () => {
    const p = previewCsv(text);
    expect(guessMapping(p.headers, p.rows)).toEqual(MAPPING);
  });

  it('reads every row with a date through the mapping, and reports the one without', () => {
    const o = loadDataset(bytes, 'generic-aid.csv', { mapping: MAPPING });
    if (!o.ok) throw new Error(o.error.message);
    const { events, issues } = o.dataset;
    expect(o.format).toBe('csv');
    expect(events.map((e) => e.id)).toEqual(['UA-001', 'UA-002', 'UA-003', 'UA-005']);
    const call = events.find((e) => e.id === 'UA-003')!;
    expect(call.startText).toBe('2023-12-21T14:05');
    expect(call.precision).toBe('minute');
    expect(call.title).toBe('Austin and Umerov review needs');
    expect(call.actors.map((a) => o.dataset.entities.find((x) => x.id === a)?.name)).toEqual([
      'Lloyd Austin',
      'Rustem Umerov',
    ]);
    const visit = events.find((e) => e.id === 'UA-002')!;
    expect(visit.startText).toBe('2023-12-12');
    expect(visit.precision).toBe('day');
    expect(visit.location?.name).toBe('Washington, D.C.');
    expect(visit.description).toContain('"no blank cheque"');
    expect(visit.sources).toEqual([{ url: 'https://example.org/visit' }]);
    expect(events.find((e) => e.id === 'UA-005')!.description).toBe('Multi-line\nnote kept whole');
    // The javascript: link is kept as text, never as a link.
    expect(events.find((e) => e.id === 'UA-005')!.sources).toEqual([
      { title: 'javascript:alert(1)' },
    ]);
    const skipped = issues.filter((i) => i.severity === 'error');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ position: 5, id: 'UA-004' });
    expect(skipped[0]!.message).toMatch(/Row 5: When: "sometime in winter" is not a date/);
  });

  it('reads month-first files when told so', () => {
    const csv = 'date,title\n12/21/2023,A\n01/02/2024,B\n';
    const o = loadDataset(new TextEncoder().encode(csv), 'us.csv', {
      mapping: { date: 'date', order: 'mdy', title: 'title', actors: [], separator: '' },
    });
    if (!o.ok) throw new Error(o.error.message);
    expect(o.dataset.events.map((e) => e.startText)).toEqual(['2023-12-21', '2024-01-02']);
  });

  it('keeps unmapped columns on the event, and never as a known field', () => {
    const csv = 'date,title,start,__proto__,extra\n2023-12-21,A,x,y,z\n';
    const o = loadDataset(new TextEncoder().encode(csv), 'x.csv', {
      mapping: { date: 'date', order: 'dmy', title: 'title', actors: [], separator: '' },
    });
    if (!o.ok) throw new Error(o.error.message);
    const e = o.dataset.events[0]!;
    expect(e.startText).toBe('2023-12-21');
    expect(e.other).toMatchObject({ csv_start: 'x', extra: 'z' });
    expect(Object.getOwnPropertyDescriptor(e.other, '__proto__')?.value).toBe('y');
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it('asks again when a mapping names columns the file lacks', () => {
    const o = loadDataset(bytes, 'generic-aid.csv', {
      mapping: { ...MAPPING, title: 'Title' },
    });
    expect(!o.ok && o.error.kind).toBe('needs-mapping');
    expect(!o.ok && o.error.message).toMatch(/"Title"/);
  });

  it('reads a tab-separated file the same way', () => {
    const tsv = 'When\tHeadline\tWho\n21/12/2023\tCall\tA|B\n';
    const p = previewCsv(tsv);
    expect(p.delimiter).toBe('\t');
    const m = guessMapping(p.headers, p.rows);
    expect(m).toMatchObject({ date: 'When', title: 'Headline', actors: ['Who'], separator: '|' });
    const o = loadDataset(new TextEncoder().encode(tsv), 'x.tsv', { mapping: m });
    if (!o.ok) throw new Error(o.error.message);
    expect(o.dataset.events[0]!.actors).toHaveLength(2);
  });
});
