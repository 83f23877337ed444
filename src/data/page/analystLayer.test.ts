import { describe, expect, it } from 'vitest';
import { checkDraft, EMPTY_DRAFT, newAddedId } from '../../domain/addedEvents';
import { EMPTY_LAYER, type Layer } from '../../domain/annotations';
import { mergeEntity } from '../../domain/curation';
import { LayerSession, type LayerBackend } from './analystLayer';

/** A backend in memory, as a stored copy (what IndexedDB's structured clone keeps). */
function memoryBackend(
  stored?: unknown,
): LayerBackend & { kept: Map<string, unknown>; fail: boolean } {
  const kept = new Map<string, unknown>(stored ? [['k', stored]] : []);
  return {
    kept,
    fail: false,
    load: async (key) => kept.get(key),
    async save(key, layer: Layer) {
      if (this.fail) throw new Error('QuotaExceededError');
      kept.set(key, structuredClone(layer));
    },
  };
}

const event = (() => {
  const r = checkDraft({ ...EMPTY_DRAFT, title: 'Found', date: '2024-03' }, newAddedId('1'));
  if (!r.ok) throw new Error('draft');
  return r.event;
})();

async function ready(s: LayerSession) {
  while (s.get().status === 'loading') await new Promise((r) => setTimeout(r, 0));
}

describe('LayerSession: added events and curation', () => {
  it('stores added events and curation, and reads them back in a new session (a reload)', async () => {
    const backend = memoryBackend();
    const s = new LayerSession('k', backend);
    await ready(s);
    s.putAdded(event);
    const m = mergeEntity(s.get().layer.curation, 'a', 'b');
    if (!m.ok) throw new Error(m.error);
    s.curate(() => m.curation);
    await s.settled();
    const again = new LayerSession('k', backend);
    await ready(again);
    expect(again.get().layer.added).toEqual({ [event.id]: event });
    expect(again.get().layer.curation.merges).toEqual({ a: 'b' });
    // Delete gives the event back for Undo.
    expect(again.removeAdded(event.id)).toEqual(event);
    expect(again.get().layer.added).toEqual({});
  });

  it('a star keeps the added events and curation as they were (nothing joined is rebuilt)', async () => {
    const s = new LayerSession('k', memoryBackend());
    await ready(s);
    s.putAdded(event);
    const before = s.get().layer;
    s.change('x', (a) => ({ ...a, star: true }));
    expect(s.get().layer.added).toBe(before.added);
    expect(s.get().layer.curation).toBe(before.curation);
  });

  it('a change the store refuses is undone and said', async () => {
    const backend = memoryBackend();
    const s = new LayerSession('k', backend);
    await ready(s);
    backend.fail = true;
    s.putAdded(event);
    expect(s.get().layer.added[event.id]).toEqual(event);
    await s.settled();
    expect(s.get().layer.added).toEqual({});
    expect(s.get().problem).toMatch(/could not be stored/);
  });

  it('reads a version 1 record kept before added events existed', async () => {
    const s = new LayerSession(
      'k',
      memoryBackend({ version: 1, annotations: { e: { star: true } } }),
    );
    await ready(s);
    expect(s.get().layer).toEqual({ ...EMPTY_LAYER, annotations: { e: { star: true } } });
  });
});
