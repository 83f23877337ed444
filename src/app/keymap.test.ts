import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandFor, KEYMAP } from './keymap';

describe('the keymap', () => {
  it('binds each key once', () => {
    const keys = KEYMAP.flatMap((b) => Object.keys(b.keys));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['=', 'zoom-in'],
    ['_', 'zoom-out'],
    ['Escape', 'escape'],
    ['q', undefined],
  ])('%s → %s', (key, command) => expect(commandFor(key)).toBe(command));

  it("is the user guide's keyboard table, line for line", () => {
    const guide = readFileSync('docs/user-guide.md', 'utf8');
    const section = guide.slice(guide.indexOf('## Keyboard'));
    const rows = [...section.matchAll(/^\| `([^`]+)` +\| (.+?) +\|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(KEYMAP.map((b) => [b.show, b.description]));
  });
});
