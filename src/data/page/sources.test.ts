import { describe, expect, it } from 'vitest';
import { resolveSource } from './sources';

const base = 'https://chronoscope.example/app/';

describe('resolveSource', () => {
  it.each([
    [undefined, 'bundled', 'https://chronoscope.example/app/data/austin-umerov.json'],
    ['ucdp-ukraine', 'bundled', 'https://chronoscope.example/app/data/ucdp-ukraine.json'],
    ['my/events.json', 'url', 'https://chronoscope.example/app/my/events.json'],
    ['/abs/events.json', 'url', 'https://chronoscope.example/abs/events.json'],
    ['https://data.example.org/e.json', 'url', 'https://data.example.org/e.json'],
    ['http://data.example.org/e.json', 'url', 'http://data.example.org/e.json'],
  ])('%s → %s %s', (data, kind, url) => {
    const s = resolveSource(data, base);
    expect(s.kind).toBe(kind);
    expect('url' in s && s.url).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:application/json,[]',
    'file:///etc/passwd',
    'ftp://x/y.json',
    'blob:https://x/1',
    'https://user:pw@example.org/e.json',
  ])('refuses %s with a reason', (data) => {
    const s = resolveSource(data, base);
    expect(s.kind).toBe('refused');
    expect(s.kind === 'refused' && s.reason).toMatch(/refuse/);
  });

  it('names a local file', () => {
    expect(resolveSource('local:report.json', base)).toMatchObject({
      kind: 'local',
      name: 'report.json',
    });
  });
});

describe('server datasets', () => {
  it('names a dataset of the server that served the page', () => {
    expect(resolveSource('server:acled-2024', base)).toEqual({
      kind: 'server',
      id: 'acled-2024',
      label: 'acled-2024',
    });
  });

  it.each(['server:', 'server:Upper', 'server:../x', 'server:a b', `server:${'a'.repeat(65)}`])(
    'refuses %s as an id',
    (data) => {
      const s = resolveSource(data, base);
      expect(s.kind).toBe('refused');
      expect(s.kind === 'refused' && s.reason).toMatch(/not a server dataset id/);
    },
  );
});
