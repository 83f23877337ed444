import type { AddedEvent } from '../../domain/addedEvents';
import type { DatasetIndex } from '../../domain/buildIndex';
import type { Curation } from '../../domain/curation';
import { assembleJoinBuild, finishJoin, type JoinedIndex } from '../../domain/joinLayer';
import type { JoinRequest, LoaderMessage } from '../loaderProtocol';

/** Joins the analyst's added events and curation to a loaded dataset away from the page's main thread. */
export type LayerJoiner = (added: AddedEvent[], curation: Curation) => Promise<JoinedIndex>;

/** Rejects a join that a later one made pointless before it was asked of the worker. */
export class JoinSuperseded extends Error {
  constructor() {
    super('a later change replaced this join');
    this.name = 'JoinSuperseded';
  }
}

/**
 * Joins in the loader worker, which keeps the dataset: it rebuilds the index there and transfers it back; the page
 * only assembles it (Maps from the value lists) and wraps its events. One join at a time: a join asked while one
 * runs waits, and replaces any other that was waiting (rapid edits cost one more rebuild, not one each).
 */
export function workerLayerJoiner(worker: Worker, base: DatasetIndex): LayerJoiner {
  let nextId = 1;
  let running: number | undefined;
  let waiting: (() => void) | undefined;
  let rejectWaiting: ((e: Error) => void) | undefined;
  const pending = new Map<number, { resolve(j: JoinedIndex): void; reject(e: Error): void }>();
  const next = () => {
    running = undefined;
    const go = waiting;
    waiting = rejectWaiting = undefined;
    go?.();
  };
  worker.addEventListener('message', (e: MessageEvent<LoaderMessage>) => {
    const m = e.data;
    if (m.type !== 'joined' && m.type !== 'join-failed') return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.id === running) next();
    if (!p) return;
    if (m.type === 'join-failed') return p.reject(new Error(m.error));
    try {
      p.resolve(finishJoin(base, assembleJoinBuild(m.build)));
    } catch (err) {
      p.reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
  worker.addEventListener('error', () => {
    for (const p of pending.values()) p.reject(new Error('the loader worker stopped'));
    pending.clear();
    rejectWaiting?.(new Error('the loader worker stopped'));
    waiting = rejectWaiting = undefined;
    running = undefined;
  });
  return (added, curation) =>
    new Promise<JoinedIndex>((resolve, reject) => {
      const send = () => {
        const id = nextId++;
        running = id;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'join', id, added, curation } satisfies JoinRequest);
      };
      if (running === undefined) return send();
      rejectWaiting?.(new JoinSuperseded());
      waiting = send;
      rejectWaiting = reject;
    });
}
