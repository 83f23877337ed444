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

