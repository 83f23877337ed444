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
