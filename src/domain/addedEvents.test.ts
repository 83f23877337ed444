import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftOf,
  EMPTY_DRAFT,
  isAddedId,
  newAddedId,
  readAddedEvents,
  readDraftDate,
  sourceUrlProblem,
} from './addedEvents';

const id = newAddedId('x1');

describe('readDraftDate (the importers’ date reader, in words)', () => {
  it.each([
    ['2023-03', '2023-03', 'Mar 2023', 'month'],
    ['March 2023', '2023-03', 'Mar 2023', 'month'],
    ['21/12/2023', '2023-12-21', '21 Dec 2023', 'day'],
    ['2023', '2023', '2023', 'year'],
    ['2023-12-21T14:05Z', '2023-12-21T14:05Z', '21 Dec 2023, 14:05 UTC', 'minute'],
  ])('%s reads as %s (%s)', (text, iso, words, precision) => {
    expect(readDraftDate(text)).toEqual({ ok: true, iso, words, precision });
  });

  it('says why a date cannot be read', () => {
    const r = readDraftDate('next tuesday');
    expect(r.ok).toBe(false);
  });
});

describe('sourceUrlProblem', () => {
  it.each([
    ['', undefined],
    ['https://example.org/a', undefined],
    ['javascript:alert(1)', 'Only http:// and https:// links are kept.'],
    ['ftp://example.org', 'Only http:// and https:// links are kept.'],
    [
      'https://user:pw@example.org/',
      'This link is not a valid address, or carries a user name or password.',
    ],
  ])('%s → %s', (url, problem) => expect(sourceUrlProblem(url)).toBe(problem));
});

describe('checkDraft', () => {
  it('says what is wrong, field by field', () => {
    const r = checkDraft(
      {
        ...EMPTY_DRAFT,
        date: 'soon',
        end: '2020',
        lat: '91',
        lon: '0',
        sources: [{ url: 'javascript:alert(1)', title: '', quote: '' }],
      },
      id,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['coordinates', 'date', 'source-0', 'title']);
  });

  it('refuses an end before the start and half a coordinate pair', () => {
    const r = checkDraft({ ...EMPTY_DRAFT, title: 't', date: '2024', end: '2023', lat: '1' }, id);
    expect(r.ok ? {} : r.errors).toEqual({
      end: 'The end is before the start.',
      coordinates: 'Give both a latitude and a longitude, or neither.',
    });
  });

  it('builds the event, markup kept as text', () => {
    const r = checkDraft(
      {
        ...EMPTY_DRAFT,
        title: '  <img src=x onerror=alert(1)>  ',
        date: 'Dec 2023',
        actors: ['ua', ' ua ', 'New   name'],
        place: 'Kyiv',
        lat: '50.45',
        lon: '30.52',
        sources: [
          { url: 'https://example.org', title: 'A', quote: '' },
          { url: '', title: '', quote: '' },
        ],
      },
      id,
    );
    expect(r).toEqual({
      ok: true,
      event: {
        id,
        title: '<img src=x onerror=alert(1)>',
        start: '2023-12',
        actors: ['ua', 'New name'],
        location: { name: 'Kyiv', lat: 50.45, lon: 30.52 },
        sources: [{ url: 'https://example.org', title: 'A' }],
      },
    });
    // The form filled from it checks to the same event.
    if (r.ok) expect(checkDraft(draftOf(r.event), id)).toEqual(r);
  });
});

describe('readAddedEvents (untrusted input)', () => {
  it('keeps what checks, drops the rest, never throws', () => {
    const good = checkDraft({ ...EMPTY_DRAFT, title: 'ok', date: '2023-05' }, id);
    if (!good.ok) throw new Error('draft');
    const r = readAddedEvents({
      [id]: good.event,
      'not-added-namespace': good.event,
      [newAddedId('bad-url')]: { ...good.event, sources: [{ url: 'javascript:x' }] },
      [newAddedId('no-title')]: { start: '2023' },
    });
    expect(Object.keys(r.added)).toEqual([id]);
    expect(r.dropped).toBe(3);
    expect(isAddedId(id)).toBe(true);
    fc.assert(fc.property(fc.anything(), (v) => void readAddedEvents(v)));
  });
});
