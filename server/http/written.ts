import type { Writable } from 'node:stream';

/**
 * Writes a chunk to a response and resolves when the client can take more: at once, or on `drain`; or when the
 * response is gone: destroyed already, closed while waiting, or destroyed here after `idleMs` without a drain (a
 * client that takes nothing). Every listener it adds is removed either way, so a long stream does not pile them
 * up, and a response closed before the write never leaves it waiting.
 */
export function written(res: Writable, chunk: string, idleMs: number): Promise<void> {
  if (res.destroyed || res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(idle);
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    const idle = setTimeout(() => {
      res.destroy();
      done();
    }, idleMs);
    res.on('drain', done);
    res.on('close', done);
    // Closed between the write and these listeners: 'close' has fired already.
    if (res.destroyed) done();
  });
}
