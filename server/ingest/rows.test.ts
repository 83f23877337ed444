// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, entityName, type BuiltIndex } from '../../src/domain/buildIndex';
import { normaliseDocument } from '../../src/domain/normalise';
import { searchableText, words } from '../../src/domain/textSearch';
import { copyText, eventAndDocRows, pgText, WordCodes } from './rows';

/**
 * The rows as written out plainly: the browser's searchableText of each event, its words split from that text, a
 * dictionary numbering words in order of first appearance. The ingest's row builder must give the same text.
 */
function plainRows(index: BuiltIndex) {
  const dict = new Map<string, number>();
  const rows: { search: string; title: string; names: string; doc: string; words: string }[] = [];
  for (let i = 0; i < index.size; i++) {
    const e = index.events[i]!;
    const text = searchableText(index, e);
    const codes = new Set<number>();
    for (const w of words(text)) {
      const k = pgText(w);
      if (!dict.has(k)) dict.set(k, dict.size);
      codes.add(dict.get(k)!);
    }
    rows.push({
      search: pgText(text),
      title: copyText(e.title),
      names: copyText(
        e.actors.length ? e.actors.map((a) => entityName(index, a)).join(', ') : null,
      ),
      doc: copyText(JSON.stringify(e)),
      words: `{${[...codes].join(',')}}`,
    });
  }
  return { rows, dict };
}

/** The value PostgreSQL reads from a COPY text field: its escapes undone, byte escapes read as UTF-8. */
function copyValue(field: string): string {
  const bytes: number[] = [];
  const named: Record<string, number> = { '\\': 0x5c, t: 9, n: 10, r: 13 };
  for (let i = 0; i < field.length; i++) {
    if (field[i] !== '\\') {
      const c = String.fromCodePoint(field.codePointAt(i)!);
      bytes.push(...Buffer.from(c, 'utf8'));
      i += c.length - 1;
      continue;
    }
    const c = field[++i]!;
    if (c === 'x') {
      bytes.push(parseInt(field.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(named[c]!);
  }
  return Buffer.from(bytes).toString('utf8');
}

// Text with what makes splitting, case and COPY escaping hard: white space runs, U+0000, tabs, backslashes,
// punctuation, a final sigma, a dotted capital I, letters beyond the BMP.
const awkward = fc
  .array(
    fc.constantFrom(
      'Kyiv',
      'ΟΔΟΣ',
      'İstanbul',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u0000',
      '\\',
      '\\N',
      '-',
      ',',
      '.',
      '"',
      'Ünïcödé',
      '𝒳',
      '\u00a0',
      'drone',
      'DRONE',
      'x',
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const documents = fc.record({
  entities: fc.array(
    fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'ΣΑΣ'),
      name: awkward.filter((s) => s.trim() !== ''),
      aliases: fc.array(awkward, { maxLength: 2 }),
    }),
    { maxLength: 4 },
  ),
  events: fc.array(
    fc.record(
      {
        title: awkward.filter((s) => s.trim() !== ''),
        start: fc.constantFrom('2020', '2020-05-01', '2021-01-01T10:00Z'),
        description: awkward,
        actors: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', 'ΣΑΣ'), awkward), {
          maxLength: 3,
        }),
        tags: fc.array(awkward, { maxLength: 3 }),
        type: awkward,
        location: fc.record({ name: awkward }),
        sources: fc.array(
          fc.record({ title: awkward, publisher: awkward, quote: awkward }, { requiredKeys: [] }),
          { maxLength: 2 },
        ),
        extra: awkward,
      },
      { requiredKeys: ['title', 'start'] },
    ),
    { maxLength: 12 },
  ),
});

describe('eventAndDocRows', () => {
  it('writes the searchable text, title, actor names, JSON and words the plain construction gives', () => {
    fc.assert(
      fc.property(documents, (raw) => {
        const doc = { ...raw, events: raw.events.map((e, k) => ({ ...e, id: `e${k}` })) };
        const index = buildIndex(normaliseDocument(doc), { measures: false });
        const want = plainRows(index);
        const dict = new WordCodes();
        const got = [...eventAndDocRows(index, dict)].map(([events, docs]) => {
          const ev = events.slice(0, -1).split('\t');
          const [, search, title, names, json] = docs.slice(0, -1).split('\t');
          // The searchable text as PostgreSQL stores it (its COPY escapes read).
          return { search: copyValue(search!), title, names, doc: json, words: ev[11] };
        });
        expect(got).toEqual(want.rows);
        expect([...dict.codes]).toEqual([...want.dict]);
      }),
      { numRuns: 300 },
    );
  });

  it('writes each event row in COPY text: position, id, times, codes and place', () => {
    const index = buildIndex(
      normaliseDocument({
        entities: [{ id: 'a', name: 'Alpha', type: 'person' }],
        events: [
          {
            id: 'x\ty',
            title: 'One',
            start: '2020-01-01',
            actors: ['a', 'Someone'],
            tags: ['t1', 't2'],
            type: 'clash',
            location: { name: 'Here', lat: 50.5, lon: 30.25 },
          },
          { id: 'e2', title: 'Two', start: '2020-01-02' },
        ],
      }),
      { measures: false },
    );
    const rows = [...eventAndDocRows(index, new WordCodes())].map(([e]) => e);
    expect(rows[0]).toBe(
      `0\tx\\ty\t${Date.UTC(2020, 0, 1)}\t${Date.UTC(2020, 0, 2)}\tf\t${index.eventPrecision[0]}\t0\t0\t${index.eventEntityTypes[0]}\t{0,1}\t{0,1}\t{0,1,2,3,4,5,6}\t50.5\t30.25\n`,
    );
    expect(rows[1]).toBe(
      `1\te2\t${Date.UTC(2020, 0, 2)}\t${Date.UTC(2020, 0, 3)}\tf\t${index.eventPrecision[1]}\t\\N\t\\N\t0\t{}\t{}\t{7}\t\\N\t\\N\n`,
    );
  });
});
