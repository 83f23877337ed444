import { describe, expect, it } from 'vitest';
import { SavedViewStore, STORAGE_KEY } from './savedViews';

class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
}

const fixed = () => new Date('2026-11-29T12:00:00Z');

describe('SavedViewStore', () => {
  it('saves, lists, renames and deletes', () => {
    const s = new SavedViewStore(new MemoryStorage(), fixed);
    const v = s.save('  Kirby statements ', 'actor=john-kirby&group=actor');
    expect(s.list()).toEqual([
      {
        id: v.id,
        name: 'Kirby statements',
        query: 'actor=john-kirby&group=actor&v=1',
        savedAt: '2026-11-29T12:00:00.000Z',
      },
    ]);
    s.rename(v.id, 'Kirby');
    expect(s.list()[0]!.name).toBe('Kirby');
    s.remove(v.id);
    expect(s.list()).toEqual([]);
  });

  it('loses nothing already saved when storage is full', () => {
    const storage = new MemoryStorage();
    const s = new SavedViewStore(storage, fixed);
    s.save('first', 'q=aid');
    storage.failWrites = true;
    expect(() => s.save('second', 'q=assets')).toThrow(/storage is full/);
    storage.failWrites = false;
    expect(s.list().map((v) => v.name)).toEqual(['first']);
  });

  it('refuses to overwrite damaged storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    const s = new SavedViewStore(storage, fixed);
    expect(() => s.list()).toThrow(/damaged/);
    expect(() => s.save('x', '')).toThrow(/damaged/);
    expect(storage.getItem(STORAGE_KEY)).toBe('{not json');
  });

  it('exports and imports back, skipping duplicates and stripping unknown parameters', () => {
    const a = new SavedViewStore(new MemoryStorage(), fixed);
    a.save('one', 'q=aid');
    const file = a.exportJson();
    const b = new SavedViewStore(new MemoryStorage(), fixed);
    expect(b.importJson(file)).toEqual({ added: 1, skipped: 0 });
    expect(b.importJson(file)).toEqual({ added: 0, skipped: 1 });
    const hostile = JSON.stringify({
      format: 'chronoscope-saved-views/1',
      views: [{ id: 'h', name: 'h', query: 'q=x&onload=alert(1)', savedAt: 'now' }, { id: 7 }],
    });
    expect(b.importJson(hostile)).toEqual({ added: 1, skipped: 1 });
    expect(b.list().find((v) => v.id === 'h')!.query).toBe('q=x&v=1');
  });

  it('keeps a measure, its range and the list order through save, export and import', () => {
    const a = new SavedViewStore(new MemoryStorage(), fixed);
    a.save('deadliest', 'data=ucdp-ukraine&measure=best:100:&sum=best&sort=-measure');
    const b = new SavedViewStore(new MemoryStorage(), fixed);
    b.importJson(a.exportJson());
    expect(b.list()[0]!.query).toBe(
      'data=ucdp-ukraine&measure=best%3A100%3A&sum=best&sort=-measure&v=1',
    );
  });

  it.each(['nope', '{"views": []}', '[]'])('rejects a non-export %j', (text) => {
    const s = new SavedViewStore(new MemoryStorage(), fixed);
    expect(() => s.importJson(text)).toThrow(/no views were imported/);
  });
});
