// @vitest-environment node
import { readFileSync } from 'node:fs';
import { assembleIndex, buildIndex, indexParts } from './buildIndex';
import { ChunkedEventStore, encodeEvents } from './eventStore';
import { normaliseDocument } from './normalise';

describe('index transfer (worker to page)', () => {
  it('assembles, from parts and event chunks, the index the worker built', () => {
    const dataset = normaliseDocument(
      JSON.parse(readFileSync('public/data/ucdp-ukraine.json', 'utf8')),
    );
    const built = buildIndex(dataset);
    const sender = buildIndex(dataset);
    const { parts, transfer } = indexParts(sender);
    expect(transfer.length).toBeGreaterThan(10);
    const sent = structuredClone(parts, { transfer });
    expect(sender.starts.length).toBe(0); // transferred, not copied
    expect(sender.events).toHaveLength(built.size); // what text search reads stays with the sender
    // The sender's id lookup still answers: what it sent was a copy.
    built.events.forEach((e, pos) => expect(sender.byId.get(e.id)).toBe(pos));
    const store = new ChunkedEventStore(1000);
    const again = assembleIndex(sent, store);
    for (let i = 0; i < built.events.length; i += 1000) {
      const chunk = built.events.slice(i, i + 1000);
      const bytes = structuredClone(encodeEvents(chunk));
      store.add(bytes, chunk.length);
    }
    // The page reads every event, by position and by id, as the worker built it.
    expect(again.events.length).toBe(built.size);
    built.events.forEach((e, pos) => {
      expect(again.events.at(pos)).toEqual(e);
      expect(again.byId.get(e.id)).toBe(pos);
    });
    expect(again.byId.get('no such event')).toBeUndefined();
    // Everything else is as built; the page's dataset lists its events in the index's order.
    const rest = (i: object) =>
      Object.fromEntries(
        Object.entries(i).filter(([k]) => !['dataset', 'events', 'byId'].includes(k)),
      );
    const [d1, d2] = [again.dataset, built.dataset];
    expect(rest(again)).toEqual(rest(built));
    expect({ ...d1, events: [] }).toEqual({ ...d2, events: [] });
    expect(d1.events).toBe(again.events);
  });
});
