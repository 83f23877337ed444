import { MAPPINGS_KEY, recallMapping, rememberMapping } from './csvMappings';

const m = { date: 'When', order: 'dmy' as const, actors: ['Who'], separator: ';' };

describe('remembered column mappings', () => {
  beforeEach(() => localStorage.clear());

  it('recalls a mapping for files with the same header, whatever the case', () => {
    rememberMapping(['When', 'Who'], m);
    expect(recallMapping(['when', 'who'])).toEqual(m);
    expect(recallMapping(['When', 'Who', 'Extra'])).toBeUndefined();
  });

  it('survives damaged storage, and a header named like a prototype member', () => {
    localStorage.setItem(MAPPINGS_KEY, '{not json');
    expect(recallMapping(['When'])).toBeUndefined();
    rememberMapping(['__proto__'], { ...m, date: '__proto__' });
    expect(recallMapping(['__proto__'])).toEqual({ ...m, date: '__proto__' });
    expect(recallMapping(['constructor'])).toBeUndefined();
    localStorage.setItem(MAPPINGS_KEY, JSON.stringify({ when: { date: 42 } }));
    expect(recallMapping(['When'])).toBeUndefined();
  });

  it('forgets the oldest past 50 files', () => {
    for (let i = 0; i < 55; i++) rememberMapping([`c${i}`], { ...m, date: `c${i}` });
    expect(recallMapping(['c0'])).toBeUndefined();
    expect(recallMapping(['c54'])).toMatchObject({ date: 'c54' });
    expect(Object.keys(JSON.parse(localStorage.getItem(MAPPINGS_KEY)!))).toHaveLength(50);
  });

  it('a full storage loses only the memory', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => rememberMapping(['When'], m, full)).not.toThrow();
  });
});
