import { describe, expect, it } from 'vitest';
import { loadDataset, type LoadOutcome } from './loadDataset';
import { lineColumn } from './parseJson';

const enc = (s: string) => new TextEncoder().encode(s);
const ok = (o: LoadOutcome) => {
  if (!o.ok) throw new Error(o.error.message);
  return o;
};

describe('loadDataset: fatal errors say what is wrong', () => {
  it.each([
    ['empty file', '', 'empty', /is empty/],
    ['white space', '  \n ', 'empty', /only white space/],
    ['not JSON', 'hello world', 'syntax', /not valid JSON/],
    ['syntax error', '{\n  "events": [\n    {"id": "a",, }\n  ]\n}', 'syntax', /line 3, column/],
    [
      'truncated JSON',
      '{"events": [{"id": "a", "title": "A", "start": "2023"}',
      'syntax',
      /line 1/,
    ],
    ['object without events', '{"title": "x", "items": []}', 'shape', /no "events" list/],
    ['events not a list', '{"events": {"a": 1}}', 'shape', /not a list/],
    ['JSON null', 'null', 'shape', /holds null/],
    ['a number', '42', 'shape', /a number/],
  ])('%s', (_n, text, kind, message) => {
    const o = loadDataset(enc(text), 'x.json');
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.error.kind).toBe(kind);
    expect(o.error.message).toMatch(message);
  });

  it('names the line and column of a syntax error', () => {
    const o = loadDataset(enc('{\n "events": [\n  {"id": 1 "title": "x"}\n ]\n}'), 'x.json');
    expect(!o.ok && o.error.message).toMatch(/line 3, column 12/);
  });
});

it('says a file of unknown format is not supported, naming what is', () => {
  const o = loadDataset(enc('just some words'), 'notes.txt');
  expect(!o.ok && o.error.kind).toBe('unsupported');
});

describe('loadDataset: partial loads', () => {
  it('loads the valid events and reports the rest', () => {
    const doc = {
      events: [
        { id: 'a', title: 'A', start: '2023' },
        { id: 'b', start: '2023' },
        { id: 'c', title: 'C', start: 'soon' },
      ],
    };
    const o = ok(loadDataset(enc(JSON.stringify(doc)), 'x.json'));
    expect(o.dataset.events.map((e) => e.id)).toEqual(['a']);
    expect(o.dataset.issues.map((i) => [i.position, i.id ?? null])).toEqual([
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(o.dataset.recordCount).toBe(3);
  });

  it('accepts a bare array of events', () => {
    expect(
      ok(loadDataset(enc('[{"id":"a","title":"A","start":"2023"}]'), 'x.json')).dataset.events,
    ).toHaveLength(1);
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc('{"events":[{"id":"a","title":"Ü","start":"2023"}]}'),
    ]);
    const o = ok(loadDataset(bytes, 'x.json'));
    expect(o.encoding).toBe('UTF-8 (BOM)');
    expect(o.dataset.events[0]!.title).toBe('Ü');
  });

  it('reads UTF-16LE with BOM', () => {
    const s = '{"events":[{"id":"a","title":"Київ","start":"2023"}]}';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    const o = ok(loadDataset(bytes, 'x.json'));
    expect(o.encoding).toBe('UTF-16LE');
    expect(o.dataset.events[0]!.title).toBe('Київ');
  });
});

describe('lineColumn', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 2, 2, 1],
    ['a\nbc\n', 4, 2, 3],
  ])('%j @%i → %i:%i', (text, offset, line, column) =>
    expect(lineColumn(text, offset)).toEqual({ line, column }),
  );
});

describe('Timesketch JSON Lines and hostile columns', () => {
  const line = (i: number, extra = '') =>
    `{"message": "event ${i}", "datetime": "2024-01-0${i}T10:00:00Z", "timestamp_desc": "Write"${extra}}`;

  it('detects JSON Lines whose first line is longer than any fixed prefix', () => {
    const long = line(1, `, "blob": "${'x'.repeat(10_000)}"`);
    const o = ok(loadDataset(enc([long, line(2), line(3)].join('\n')), 'events'));
    expect(o.format).toBe('timesketch-jsonl');
    expect(o.dataset.events).toHaveLength(3);
  });

  it('reports a malformed line as a bad row and loads the rest', () => {
    for (const bad of [1, 2]) {
      const lines = [line(1), line(2), line(3)];
      lines[bad - 1] = '{"message": "broken", "datetime": ';
      const o = ok(loadDataset(enc(lines.join('\n')), 'events.jsonl'));
      expect(o.format).toBe('timesketch-jsonl');
      expect(o.dataset.events).toHaveLength(2);
      expect(o.dataset.issues).toContainEqual(
        expect.objectContaining({ severity: 'error', position: bad }),
      );
    }
  });

  it('still reads a pretty-printed or one-line chronoscope document as one', () => {
    const doc = {
      events: [{ id: 'a', title: 'message', start: '2024', message: 'm', datetime: 1 }],
    };
    expect(ok(loadDataset(enc(JSON.stringify(doc)), 'x')).format).toBe('chronoscope');
    expect(ok(loadDataset(enc(JSON.stringify(doc, null, 2)), 'x')).format).toBe('chronoscope');
  });

  it.each([
    ['Timesketch JSONL', [line(1, ', "__proto__": "kept"'), line(2)].join('\n')],
    [
      'Timesketch CSV',
      'message,datetime,timestamp_desc,__proto__\nhello,2024-01-01T00:00:00Z,Write,kept\n',
    ],
  ])('keeps a "__proto__" column of %s as data', (_n, text) => {
    const o = ok(loadDataset(enc(text), 'x'));
    const other = o.dataset.events[0]!.other;
    expect(Object.getOwnPropertyDescriptor(other, '__proto__')?.value).toBe('kept');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('quotes an unreadable Timesketch datetime as written', () => {
    const o = ok(
      loadDataset(enc('message,datetime,timestamp_desc\nhello,not a date,Write\n'), 'x.csv'),
    );
    const messages = o.dataset.issues.map((i) => i.message).join(' ');
    expect(messages).toContain('not a date');
    expect(messages).not.toContain('notTa');
  });

  it('says that a web page is not a dataset', () => {
    const o = loadDataset(enc('<!DOCTYPE html>\n<html><body>hi</body></html>'), 'page.json');
    expect(!o.ok && o.error.message).toBe(
      'page.json is a web page (HTML), not a dataset: open a JSON, CSV or TSV file.',
    );
  });
});
