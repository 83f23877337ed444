import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { availableOn, commandFor, keymapFor, KEYMAP } from './keymap';

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

describe('the keymap on a server dataset', () => {
  it('keeps what needs no file index: search, j/k, zoom, pan, fit, lanes, map, the panels, link, x, e, theme, help', () => {
    for (const key of [
      '/',
      'j',
      'k',
      'x',
      'e',
      '[',
      ']',
      '+',
      '-',
      'ArrowLeft',
      'f',
      'g',
      'm',
      'l',
      'c',
      't',
      '?',
      'Enter',
      'Escape',
    ])
      expect(availableOn(commandFor(key)!, 'server'), key).toBe(true);
    // The analyst's layer (star, add an event) is the file workspace's only.
    for (const key of ['s', 'n']) expect(availableOn(commandFor(key)!, 'server'), key).toBe(false);
  });

  it('lists every shortcut once, as working or not, and all of them work on a file', () => {
    const { available, unavailable } = keymapFor('server');
    expect([...available, ...unavailable].length).toBe(KEYMAP.length);
    expect(unavailable.map((b) => b.show)).toEqual(['s', 'n']);
    expect(keymapFor('file')).toEqual({ available: KEYMAP, unavailable: [] });
  });
});
