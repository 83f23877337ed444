import { readFileSync } from 'node:fs';
import { buildIndex } from '../domain/buildIndex';
import { normaliseDocument } from '../domain/normalise';
import { inlineTextService } from './textService';

const index = buildIndex(
  normaliseDocument(JSON.parse(readFileSync('public/data/austin-umerov.json', 'utf8'))),
);

describe('text service', () => {
  it('answers searches, and keeps recent answers at hand for the render that follows', async () => {
    const text = inlineTextService(index);
    expect(text.isReady()).toBe(true);
    expect(text.peek('frozen')).toBeUndefined();
    const m = await text.search('frozen');
    expect(Array.from(m.positions, (p) => index.events[p]!.id)).toEqual(['kirby-frozen-assets']);
    expect(text.peek('frozen')).toBe(m);
    for (let i = 0; i < 20; i++) await text.search(`q${i}`);
    expect(text.peek('frozen')).toBeUndefined(); // the oldest of more than 20 is forgotten
    expect(text.peek('q19')).toBeDefined();
  });
});
