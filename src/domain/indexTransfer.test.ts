// @vitest-environment node
import { readFileSync } from 'node:fs';
import { addEvents, assembleIndex, buildIndex, indexParts } from './buildIndex';
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
    const again = assembleIndex(sent, []);
    for (let i = 0; i < built.events.length; i += 1000)
      addEvents(again, structuredClone(built.events.slice(i, i + 1000)));
    // The page's dataset lists its events in time order (the index's order); everything else is as built.
    const { dataset: d1, ...i1 } = again;
    const { dataset: d2, ...i2 } = built;
    expect(i1).toEqual(i2);
    expect({ ...d1, events: [] }).toEqual({ ...d2, events: [] });
    expect(d1.events).toBe(again.events);
  });
});
