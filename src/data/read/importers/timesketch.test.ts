import { describe, expect, it } from 'vitest';
import { loadDataset, type LoadOutcome } from '../loadDataset';

const load = (text: string, name: string): Extract<LoadOutcome, { ok: true }> => {
  const o = loadDataset(new TextEncoder().encode(text), name);
  if (!o.ok) throw new Error(o.error.message);
  return o;
};

describe('Timesketch coordinates', () => {
  it('reads latitude/longitude columns as the event place, not as other fields', () => {
    const csv = [
      'message,datetime,timestamp_desc,latitude,longitude',
      'Photo taken,2023-12-21T10:00:00,EXIF,50.45,30.52',
      'Login,2023-12-21T11:00:00,Auth,,',
    ].join('\n');
    const o = load(csv, 'sketch.csv');
    expect(o.format).toBe('timesketch-csv');
    const [photo, login] = o.dataset.events;
    expect(photo!.location).toEqual({ lat: 50.45, lon: 30.52 });
    expect(photo!.other).not.toHaveProperty('latitude');
    expect(login!.location).toBeUndefined();
  });

  it('reads lat/lng from JSONL and reports half or unreadable pairs by line', () => {
    const jsonl = [
      '{"message":"Here","datetime":"2023-12-21T10:00:00","timestamp_desc":"GPS","lat":-17.7,"lng":179.9}',
      '{"message":"Half","datetime":"2023-12-21T11:00:00","timestamp_desc":"GPS","lat":12}',
      '{"message":"Text","datetime":"2023-12-21T12:00:00","timestamp_desc":"GPS","lat":"north","lng":"3"}',
    ].join('\n');
    const o = load(jsonl, 'sketch.jsonl');
    expect(o.format).toBe('timesketch-jsonl');
    const here = o.dataset.events.find((e) => e.title === 'Here')!;
    expect(here.location).toEqual({ lat: -17.7, lon: 179.9 });
    expect(o.dataset.issues.map((i) => [i.position, i.field, i.severity])).toEqual([
      [2, 'location', 'error'],
      [3, 'location', 'error'],
    ]);
    expect(o.dataset.issues[0]!.message).toBe('location has lat without lon');
    expect(o.dataset.events).toHaveLength(1);
  });
});
