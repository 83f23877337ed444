import fc from 'fast-check';
import {
  headerSignature,
  mappingFromParam,
  mappingToParam,
  missingColumns,
  readCsvMapping,
} from './csvMapping';

describe('reading a mapping from a link or storage', () => {
  it('round-trips through the link parameter', () => {
    const m = {
      date: 'When',
      order: 'mdy' as const,
      actors: ['Who', 'With'],
      separator: '|',
      title: 'What',
    };
    expect(mappingFromParam(mappingToParam(m))).toEqual(m);
    const sheet = { ...m, sheet: 'Meetings 2024' };
    expect(mappingFromParam(mappingToParam(sheet))).toEqual(sheet);
  });

  it('drops what it cannot use and refuses what has no date column', () => {
    expect(mappingFromParam('not json')).toBeUndefined();
    expect(mappingFromParam('{"title":"x"}')).toBeUndefined();
    expect(
      readCsvMapping({
        date: 'd',
        order: 'xyz',
        actors: ['a', 'a', 7],
        separator: '----',
        url: 5,
        sheet: ['not', 'a', 'name'],
      }),
    ).toEqual({ date: 'd', order: 'dmy', actors: ['a'], separator: '' });
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => readCsvMapping(v)).not.toThrow();
      }),
    );
  });

  it('names the columns a file lacks', () => {
    expect(
      missingColumns({ date: 'd', order: 'dmy', actors: ['a', 'b'], separator: '', title: 't' }, [
        'd',
        'a',
      ]),
    ).toEqual(['t', 'b']);
  });

  it('signs headers ignoring case and spacing', () => {
    expect(headerSignature(['Date ', 'Actor  One'])).toBe(headerSignature(['date', 'actor one']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
  });
});
