import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { written } from './written';

/** A response whose client takes nothing until told: each write fills it. */
function stalled() {
  const taken: ((e?: Error | null) => void)[] = [];
  const res = new Writable({ highWaterMark: 4, write: (_chunk, _enc, cb) => void taken.push(cb) });
  return { res, take: () => taken.splice(0).forEach((cb) => cb()) };
}

const listeners = (res: Writable) => res.listenerCount('drain') + res.listenerCount('close');

describe('written', () => {
  it('resolves at once while the client keeps up, and on drain when it does not', async () => {
    const { res, take } = stalled();
    const before = listeners(res);
    let done = false;
    const p = written(res, 'a long chunk', 60_000).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    take();
    await p;
    expect(listeners(res)).toBe(before);
  });

  it('never waits on a response destroyed before the write (the client went while a batch was read)', async () => {
    const { res } = stalled();
    res.destroy();
    await new Promise((r) => setTimeout(r, 0));
    await written(res, 'chunk', 60_000);
  });

  it('resolves when the client goes while it waits, and leaves no listener behind', async () => {
    const { res } = stalled();
    const before = listeners(res);
    const p = written(res, 'a long chunk', 60_000);
    res.destroy();
    await p;
    expect(listeners(res)).toBe(before);
  });

  it('stops a client that takes nothing for the idle time', async () => {
    const { res } = stalled();
    await written(res, 'a long chunk', 20);
    expect(res.destroyed).toBe(true);
  });

  it('over many waits, adds no listeners', async () => {
    const { res, take } = stalled();
    const before = listeners(res);
    for (let k = 0; k < 50; k++) {
      const p = written(res, 'a long chunk', 60_000);
      take();
      await p;
    }
    expect(listeners(res)).toBe(before);
  });
});
