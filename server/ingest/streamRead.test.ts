// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnyDataset, type LoadOutcome } from '../../src/data/read/loadDataset';
import { syntheticDocument } from '../../bench/synthetic';
import { readDatasetFile } from './streamRead';

const dir = mkdtempSync(join(tmpdir(), 'chronoscope-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(content: string | Uint8Array, name = 'doc.json'): string {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** What a load tells the analyst: the dataset whole (events, entities, report), or that it failed. */
function summary(o: LoadOutcome) {
  if (!o.ok) return { ok: false };
  return { ok: true, format: o.format, encoding: o.encoding, bytes: o.bytes, dataset: o.dataset };
}

async function both(path: string, chunkBytes?: number) {
  const bytes = new Uint8Array(readFileSync(path));
  const name = basename(path);
  const whole = await loadAnyDataset(bytes, name);
  const streamed = await readDatasetFile(path, name, chunkBytes ? { chunkBytes } : {});
  return { whole, streamed };
}

const entitiesAfter = JSON.stringify({
  events: [
    { id: 'a', title: 'A', start: '2024-01-02', actors: ['Alpha Org', 'someone new'] },
    { id: 'b', title: 'B', start: '2024-01-01', actors: ['alpha'] },
    { id: 'a', title: 'dup', start: '2024-01-03' },
    { title: 'no id', start: '2024' },
  ],
  title: 'Entities last',
  entities: [{ id: 'alpha', name: 'Alpha Org', type: 'organization' }],
});

const tricky = JSON.stringify({
  title: 'Escapes: "quoted" \\ back\\slash ] } [ {',
  entities: [{ id: 'x"y', name: 'X \u00e9 \ud83d\ude00', type: 'person' }],
  events: [
    {
      id: 'e\\"1',
      title: 'Brackets ] } in "text" \\',
      start: '2020-05-05T10:00Z',
      description: 'multi-byte: \u00fc\u00df \u4e2d\u6587 \ud83d\ude00',
      actors: ['x"y'],
      n: [1, [2, { a: '}' }]],
    },
    42,
    null,
    'text',
    { id: 'e2', title: 'T', start: 'not a date' },
    { id: 3, title: 'Number id', start: '1999', end: '2001', tags: 'one' },
  ],
});

describe('readDatasetFile: the same dataset as loadAnyDataset', () => {
  const cases: [string, string][] = [
    ['the hostile corpus', 'e2e/fixtures/hostile.json'],
    ['places', 'e2e/fixtures/places.json'],
    ['navigation', 'e2e/fixtures/navigation.json'],
    ['partial', 'e2e/fixtures/partial.json'],
    ['the bundled dataset', 'public/data/austin-umerov.json'],
    ['JSON Lines', 'fixtures/files/events.jsonl'],
  ];
  for (const [what, path] of cases)
    it(`reads ${what} alike`, async () => {
      const { whole, streamed } = await both(path);
      expect(whole.ok).toBe(true);
      expect(summary(streamed)).toEqual(summary(whole));
    });

  it('reads synthetic events, entities written after the events, escapes and bad records alike', async () => {
    for (const text of [syntheticDocument(300, 7), entitiesAfter, tricky]) {
      const { whole, streamed } = await both(write(text));
      expect(whole.ok).toBe(true);
      expect(summary(streamed)).toEqual(summary(whole));
    }
    // The entities after the events still resolve the events' actors (the file is read again with them).
    const { streamed } = await both(write(entitiesAfter));
    expect(streamed.ok && streamed.dataset.events.map((e) => e.actors)).toEqual([
      ['alpha', 'someone new'],
      ['alpha'],
    ]);
  });

  it('reads a bare list, a BOM, Windows-1252 and CRLF JSON Lines with bad lines alike', async () => {
    const list = JSON.stringify([{ id: '1', title: 'One', start: '2024' }, { id: '2' }]);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(list)]);
    const latin = new Uint8Array([
      ...new TextEncoder().encode('[{"id":"1","title":"Caf'),
      0xe9,
      0x80,
      ...new TextEncoder().encode('","start":"2024"}]'),
    ]);
    const jsonl =
      '{"format":"chronoscope/1","title":"H","entities":[{"id":"p","name":"P","type":"person"}]}\r\n' +
      '{"id":"1","title":"One","start":"2024","actors":["P"]}\r\n\r\n' +
      'not json\r\n[1,2]\r\n{"id":"2","title":"Two","start":"bad"}\r\n{"id":"3","title":"Three","start":"2023"}';
    for (const [content, name] of [
      [list, 'list.json'],
      [bom, 'bom.json'],
      [latin, 'latin.json'],
      [jsonl, 'crlf.jsonl'],
    ] as const) {
      const { whole, streamed } = await both(write(content, name));
      expect(whole.ok).toBe(true);
      expect(summary(streamed)).toEqual(summary(whole));
    }
  });

  it('fails where the app fails: not JSON, truncated, no events, events not a list, a bare value', async () => {
    for (const path of [
      'e2e/fixtures/not-json.json',
      'e2e/fixtures/truncated.json',
      'e2e/fixtures/no-events.json',
      write('{"title":"x","events":{"a":1}}'),
      write('"just text"'),
      write('{"events":[{"id":"1","title":"a","start":"2024"} {"id":"2"}]}'),
      write('{"events":[]} trailing'),
    ]) {
      const { whole, streamed } = await both(path);
      expect(whole.ok).toBe(false);
      expect(streamed.ok).toBe(false);
      if (!whole.ok && !streamed.ok && whole.error.kind !== 'syntax')
        expect(streamed.error.message).toBe(whole.error.message);
    }
  });

  it('reads alike wherever the chunks break (inside strings, escapes, multi-byte characters)', async () => {
    const paths = [
      write(tricky),
      write(entitiesAfter),
      write(readFileSync('fixtures/files/events.jsonl'), 'events.jsonl'),
    ];
    const expected = await Promise.all(
      paths.map(async (p) => summary(await loadAnyDataset(new Uint8Array(readFileSync(p)), 'x'))),
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 97 }), fc.nat(2), async (chunkBytes, k) => {
        const streamed = await readDatasetFile(paths[k]!, 'x', { chunkBytes });
        expect(summary(streamed)).toEqual(expected[k]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('streams a file past the whole-file limit; a format that does not stream is refused past it', async () => {
    const path = write(syntheticDocument(200, 5));
    const size = readFileSync(path).length;
    const streamed = await readDatasetFile(path, 'big.json', { wholeFileLimit: size / 4 });
    expect(streamed.ok && streamed.dataset.events.length).toBe(200);
    const csv = await readDatasetFile('fixtures/files/acled-sample.csv', 'acled-sample.csv', {
      wholeFileLimit: 100,
    });
    expect(csv.ok).toBe(false);
    expect(!csv.ok && csv.error.message).toMatch(/read as a stream only in/);
  });
});
