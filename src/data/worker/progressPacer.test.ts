import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../loaderProtocol';
import { progressPacer, type Later } from './progressPacer';

/** A pacer on a hand-driven clock whose timers run when the clock passes them. */
function paced() {
  let clock = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const later: Later = (fn, ms) => {
    const timer = { at: clock + ms, fn };
    timers.push(timer);
    return () => void (timers = timers.filter((t) => t !== timer));
  };
  const sent: LoadProgress[] = [];
  const report = progressPacer(
    (p) => sent.push(p),
    () => clock,
    50,
    later,
  );
  const at = (t: number) => {
    for (const due of timers.filter((x) => x.at <= t).sort((a, b) => a.at - b.at)) {
      clock = due.at;
      timers = timers.filter((x) => x !== due);
      due.fn();
    }
    clock = t;
  };
  return { sent, report, at, pending: () => timers.length };
}

describe('progressPacer', () => {
  it('passes the first report, holds back reports of the same phase within the interval, then sends the latest', () => {
    const { sent, report, at } = paced();
    at(0);
    report({ phase: 'download', loaded: 1 });
    at(10);
    report({ phase: 'download', loaded: 2 });
    at(49);
    report({ phase: 'download', loaded: 3 });
    expect(sent.map((p) => p.loaded)).toEqual([1]);
    at(50);
    expect(sent.map((p) => p.loaded)).toEqual([1, 3]);
    report({ phase: 'download', loaded: 4 });
    at(100);
    expect(sent.map((p) => p.loaded)).toEqual([1, 3, 4]);
  });

  it('shows the bytes that arrived before a download stalls', () => {
    const { sent, report, at } = paced();
    at(0);
    for (let k = 0; k <= 40; k++) report({ phase: 'download', loaded: k * 25_000, total: 2e6 });
    // Nothing more arrives.
    at(10_000);
    expect(sent.map((p) => p.loaded)).toEqual([0, 1_000_000]);
  });

  it('always passes the first report of a new phase, and drops what the old phase held back', () => {
    const { sent, report, at, pending } = paced();
    at(0);
    report({ phase: 'download', loaded: 50, total: 100 });
    at(1);
    report({ phase: 'download', loaded: 100, total: 100 });
    at(2);
    report({ phase: 'parse', loaded: 100, total: 100 });
    expect(pending()).toBe(0);
    at(3);
    report({ phase: 'index', loaded: 0, total: 7 });
    at(4);
    report({ phase: 'receive', loaded: 1, total: 7 });
    at(5);
    report({ phase: 'receive', loaded: 2, total: 7 });
    at(1_000);
    expect(sent.map((p) => `${p.phase} ${p.loaded}`)).toEqual([
      'download 50',
      'parse 100',
      'index 0',
      'receive 1',
      'receive 2',
    ]);
  });
});
