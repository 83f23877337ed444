import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
/**
 * Deterministic synthetic datasets for the benchmark: n events, 500 actors, 20 types, 50 tags, 200 places,
 * a third of them ranges, mixed precisions, spread over 2014–2024; nine in ten carry `fatalities` (a measure), a
 * number derived from the event's position so that the other fields' random sequence is the same as without it.
 */
const WORDS = [
  'convoy',
  'shelling',
  'ceasefire',
  'drone',
  'artillery',
  'briefing',
  'delegation',
  'sanctions',
  'aid',
  'package',
  'evacuation',
  'bridge',
  'depot',
  'offensive',
  'talks',
  'summit',
  'exercise',
  'patrol',
  'airstrike',
  'blockade',
  'corridor',
  'grain',
  'ammunition',
  'radar',
  'missile',
  'border',
  'refugees',
  'negotiation',
  'statement',
  'inspection',
];
const PRECISIONS = [
  'second',
  'minute',
  'day',
  'day',
  'day',
  'hour',
  'month',
  'year',
  'millisecond',
  'minute',
] as const;

/** A small seeded generator (mulberry32): the same sequence for the same seed, in every benchmark. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoAt(ms: number, precision: (typeof PRECISIONS)[number]): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  switch (precision) {
    case 'year':
      return String(d.getUTCFullYear());
    case 'month':
      return date.slice(0, 7);
    case 'day':
      return date;
    case 'hour':
      return `${date}T${pad(d.getUTCHours())}Z`.replace('Z', ':00Z');
    case 'minute':
      return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
    case 'second':
      return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
    case 'millisecond':
      return d.toISOString();
  }
}

/** Place k: a name and, for the map's benchmark, fixed coordinates spread over Ukraine and its neighbours. */
function placeAt(k: number, located: boolean): { name: string; lat?: number; lon?: number } {
  const name = `Place ${k}`;
  return located
    ? { name, lat: 44 + ((k * 37) % 90) / 10, lon: 22 + ((k * 53) % 180) / 10 }
    : { name };
}

/** A chronoscope/1 document of n synthetic events, as a JSON string. */
export function syntheticDocument(n: number, seed = 42, opts: { located?: boolean } = {}): string {
  return [...syntheticParts(n, seed, opts)].join('');
}

/**
 * The same document written to a file part by part (waiting while the disk catches up), so that a document of
 * any size (ten million events are several gigabytes) is never one string.
 */
export async function writeSyntheticFile(
  path: string,
  n: number,
  seed = 42,
  opts: { located?: boolean } = {},
): Promise<void> {
  const out = createWriteStream(path);
  const closed = once(out, 'close');
  let batch = '';
  for (const part of syntheticParts(n, seed, opts)) {
    batch += part;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await closed;
}

/** The document's text in parts: its header, then one part per event, then its end. */
export function* syntheticParts(
  n: number,
  seed = 42,
  opts: { located?: boolean } = {},
): Generator<string> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const T0 = Date.UTC(2014, 0, 1);
  const T1 = Date.UTC(2024, 11, 31);
  const entities = Array.from({ length: 500 }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i} ${pick(WORDS)}`,
    type: pick(['person', 'organization', 'group', 'place'] as const),
  }));
  yield `{"format":"chronoscope/1","title":"Synthetic benchmark, ${n.toLocaleString('en')} events","entities":${JSON.stringify(entities)},"events":[`;
  for (let i = 0; i < n; i++) {
    // Zipf-like actor popularity: a few actors appear in many events, as in real data.
    const actors = new Set<string>();
    const k = 1 + Math.floor(rnd() * 3);
    for (let j = 0; j < k; j++) actors.add(`actor-${Math.floor(500 * rnd() ** 2.2)}`);
    const precision = pick(PRECISIONS);
    const start = T0 + rnd() * (T1 - T0);
    const ev: Record<string, unknown> = {
      id: `e${i}`,
      title: `${pick(WORDS)} ${pick(WORDS)} near place ${Math.floor(rnd() * 200)} (${i})`,
      start: isoAt(start, precision),
      type: `type-${Math.floor(20 * rnd() ** 1.5)}`,
      actors: [...actors],
      tags: [`tag-${Math.floor(rnd() * 50)}`],
      location: placeAt(Math.floor(200 * rnd() ** 1.8), opts.located === true),
    };
    if (i % 3 === 0 && precision !== 'year' && precision !== 'month') {
      ev.end = isoAt(start + rnd() * 20 * 86_400_000 + 86_400_000, 'day');
      ev.precision = 'day';
      ev.start = isoAt(start, 'day');
    }
    if (i % 10 !== 9) ev.fatalities = (Math.imul(i, 2654435761) >>> 0) % 60;
    if (i % 5 === 0)
      ev.description = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} reported by ${pick(WORDS)} sources.`;
    yield `${i > 0 ? ',' : ''}${JSON.stringify(ev)}`;
  }
  yield ']}';
}
