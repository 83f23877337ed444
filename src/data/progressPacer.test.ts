import { describe, expect, it } from 'vitest';
import type { LoadProgress } from './loaderProtocol';
import { progressPacer } from './progressPacer';

function paced() {
  let clock = 0;
  const sent: LoadProgress[] = [];
  const report = progressPacer(
    (p) => sent.push(p),
    () => clock,
    50,
  );
  return { sent, report, at: (t: number) => (clock = t) };
}

describe('progressPacer', () => {
  it('passes the first report, drops reports of the same phase within the interval, passes the next after it', () => {
    const { sent, report, at } = paced();
    at(0);
    report({ phase: 'download', loaded: 1 });
    at(10);
    report({ phase: 'download', loaded: 2 });
    at(49);
    report({ phase: 'download', loaded: 3 });
    at(50);
    report({ phase: 'download', loaded: 4 });
    expect(sent.map((p) => p.loaded)).toEqual([1, 4]);
  });

  it('always passes the first report of a new phase', () => {
    const { sent, report, at } = paced();
    at(0);
    report({ phase: 'download', loaded: 100, total: 100 });
    at(1);
    report({ phase: 'parse', loaded: 100, total: 100 });
    at(2);
    report({ phase: 'index', loaded: 0, total: 7 });
    at(3);
    report({ phase: 'receive', loaded: 1, total: 7 });
    at(4);
    report({ phase: 'receive', loaded: 2, total: 7 });
    expect(sent.map((p) => `${p.phase} ${p.loaded}`)).toEqual([
      'download 100',
      'parse 100',
      'index 0',
      'receive 1',
    ]);
  });
});
