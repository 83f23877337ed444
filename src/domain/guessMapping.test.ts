import { guessDateOrder, guessMapping } from './guessMapping';

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

describe('guessMapping from names and content', () => {
  it('never guesses an id column of integers as the date, and never reads bare integers as years', () => {
    const m = guessMapping(
      ['event_id_1pd', 'when it happened', 'date'],
      [
        ['1067', 'x', '2021-03-04'],
        ['1068', 'y', '2021-03-05'],
      ],
    );
    expect(m.date).toBe('date');
    const noName = guessMapping(
      ['n', 'label'],
      [
        ['1067', 'a'],
        ['1068', 'b'],
      ],
    );
    expect(noName.date).toBe('n'); // nothing reads: the first column, shown as unread in the preview
    const year = guessMapping(
      ['year', 'label'],
      [
        ['1999', 'a'],
        ['2001', 'b'],
      ],
    );
    expect(year.date).toBe('year');
  });

  it('knows date columns by name in several languages', () => {
    for (const name of ['fecha', 'Дата', 'Datum', 'Event Date', 'timestamp', 'when'])
      expect(guessMapping(['x', name], [['1', '2023-01-02']]).date).toBe(name);
  });
});
