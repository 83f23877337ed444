// @vitest-environment jsdom
// (the window's input events)
import { readFileSync } from 'node:fs';
import { buildIndex } from '../../domain/buildIndex';
import { normaliseDocument } from '../../domain/normalise';
import { inlineTextService, workerTextService } from './textService';

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

describe('worker text service', () => {
  it('tells the worker when the analyst acts while the index is built, and stops once it is ready', () => {
    const fake = new EventTarget() as EventTarget & { postMessage: ReturnType<typeof vi.fn> };
    fake.postMessage = vi.fn();
    const text = workerTextService(fake as unknown as Worker);
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(1000);
    window.dispatchEvent(new MouseEvent('click'));
    window.dispatchEvent(new KeyboardEvent('keydown')); // within 100 ms of the last hint: not repeated
    expect(fake.postMessage.mock.calls).toEqual([[{ type: 'busy' }]]);
    now.mockReturnValue(1200);
    window.dispatchEvent(new Event('wheel'));
    expect(fake.postMessage).toHaveBeenCalledTimes(2);
    fake.dispatchEvent(new MessageEvent('message', { data: { type: 'text-ready' } }));
    expect(text.isReady()).toBe(true);
    now.mockReturnValue(1500);
    window.dispatchEvent(new MouseEvent('click'));
    expect(fake.postMessage).toHaveBeenCalledTimes(2);
  });
});
