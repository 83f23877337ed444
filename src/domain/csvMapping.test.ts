import fc from 'fast-check';
import {
  guessDateOrder,
  guessMapping,
  headerSignature,
  mappingFromParam,
  mappingToParam,
  missingColumns,
  readCsvMapping,
} from './csvMapping';

describe('guessDateOrder', () => {
  it.each([
    [['21/12/2023', '05/01/2024'], 'dmy', false],
    [['12/21/2023', '01/05/2024'], 'mdy', false],
    [['2023/12/21'], 'ymd', false],
    [['03/04/2023', '05/06/2023'], 'dmy', true],
    [['21 Dec 2023'], 'dmy', false],
  ] as const)('%j reads %s (ambiguous: %s)', (values, order, ambiguous) => {
    expect(guessDateOrder(values)).toEqual({ order, ambiguous });
  });
});

describe('guessMapping', () => {
  it('finds a date column by content when no name says so', () => {
    const m = guessMapping(
      ['Col A', 'Col B', 'Actors'],
      [
        ['x', '12/21/2023', 'A; B'],
        ['y', '01/02/2024', 'C'],
      ],
    );
    expect(m).toEqual({
      date: 'Col B',
      order: 'mdy',
      actors: ['Actors'],
      separator: ';',
    });
  });

  it('does not take the date column twice', () => {
    const m = guessMapping(['date', 'time', 'title'], [['2023-12-21', '14:05', 'A']]);
    expect(m).toMatchObject({ date: 'date', time: 'time', title: 'title' });
  });
});

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
  });

  it('drops what it cannot use and refuses what has no date column', () => {
    expect(mappingFromParam('not json')).toBeUndefined();
    expect(mappingFromParam('{"title":"x"}')).toBeUndefined();
    expect(
      readCsvMapping({ date: 'd', order: 'xyz', actors: ['a', 'a', 7], separator: '----', url: 5 }),
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
