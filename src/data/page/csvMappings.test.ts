// @vitest-environment jsdom
// (localStorage)
import fc from 'fast-check';
import { headerSignature } from '../../domain/csvMapping';
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

  it('nothing a stored mapping holds makes recalling or remembering throw', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        fc.oneof(fc.jsonValue(), fc.object(), fc.anything()),
        (headers, stored) => {
          const value = JSON.stringify({ [headerSignature(headers)]: stored }) ?? 'null';
          localStorage.setItem(MAPPINGS_KEY, value);
          expect(() => recallMapping(headers)).not.toThrow();
          const recalled = recallMapping(headers);
          // Whatever was stored, what comes back is a mapping the importer can use, or nothing.
          if (recalled) expect(typeof recalled.date).toBe('string');
          expect(() => rememberMapping(headers, recalled ?? m)).not.toThrow();
        },
      ),
    );
    localStorage.setItem(MAPPINGS_KEY, 'null');
    expect(recallMapping(['When'])).toBeUndefined();
    localStorage.setItem(MAPPINGS_KEY, '[1,2]');
    expect(recallMapping(['When'])).toBeUndefined();
  });

  it('keeps the types of actor columns named like prototype members as data', () => {
    const typed = {
      ...m,
      actors: ['__proto__', 'constructor'],
      actorTypes: { ['__proto__']: { type: 'person' }, constructor: { column: 'kind' } },
    };
    localStorage.setItem(
      MAPPINGS_KEY,
      `{"when":${JSON.stringify(typed).replace('"actorTypes":{', '"actorTypes":{"__proto__":{"type":"person"},')}}`,
    );
    const r = recallMapping(['When'])!;
    expect(Object.getPrototypeOf(r.actorTypes)).toBe(Object.prototype);
    expect(Object.hasOwn(r.actorTypes!, '__proto__')).toBe(true);
    expect(r.actorTypes!.constructor).toEqual({ column: 'kind' });
  });

  it('a storage that refuses to be read loses only the memory', () => {
    const locked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(recallMapping(['When'], locked)).toBeUndefined();
    expect(() => rememberMapping(['When'], m, locked)).not.toThrow();
  });
});
