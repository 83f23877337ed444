// First: zod must be jitless before any schema exists (see the module).
import '../../lib/zodConfig';
import { z } from 'zod';
import { parseViewState, serialiseViewState } from '../../url/viewState';

export interface SavedView {
  id: string;
  name: string;
  /** The view's query string (as in the URL, without "?"). */
  query: string;
  savedAt: string;
}

const SavedViewSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  query: z.string().max(20_000),
  savedAt: z.string(),
});
const FileSchema = z.object({
  format: z.literal('chronoscope-saved-views/1'),
  views: z.array(z.unknown()),
});
export const STORAGE_KEY = 'chronoscope.savedViews.v1';

export class SavedViewsError extends Error {}

/** Saved views in browser storage. Every write is all-or-nothing: a failed write leaves what was saved intact. */
export class SavedViewStore {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): SavedView[] {
    let raw: string | null;
    try {
      raw = this.storage.getItem(STORAGE_KEY);
    } catch (e) {
      throw new SavedViewsError(
        `Saved views cannot be read: browser storage is unavailable (${String(e)}).`,
      );
    }
    if (!raw) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new SavedViewsError(
        'Saved views in this browser are damaged and were left untouched; export is not possible, but nothing was overwritten.',
      );
    }
    if (!Array.isArray(parsed))
      throw new SavedViewsError('Saved views in this browser are damaged and were left untouched.');
    return parsed.flatMap((v) => {
      const r = SavedViewSchema.safeParse(v);
      return r.success ? [r.data] : [];
    });
  }

  private write(views: SavedView[]): void {
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(views));
    } catch (e) {
      const full = e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
      throw new SavedViewsError(
        full
          ? 'Browser storage is full: the view was not saved. Your other saved views are unchanged; export them or delete some.'
          : `The view was not saved: ${String(e)}. Your other saved views are unchanged.`,
      );
    }
  }

  save(name: string, query: string): SavedView {
    const views = this.list();
    const clean = name.trim().slice(0, 200) || 'Untitled view';
    const view: SavedView = {
      id: `v${this.now().getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
      name: clean,
      query: canonical(query),
      savedAt: this.now().toISOString(),
    };
    this.write([...views, view]);
    return view;
  }

  rename(id: string, name: string): void {
    const clean = name.trim().slice(0, 200);
    if (!clean) throw new SavedViewsError('A saved view needs a name.');
    this.write(this.list().map((v) => (v.id === id ? { ...v, name: clean } : v)));
  }

  remove(id: string): void {
    this.write(this.list().filter((v) => v.id !== id));
  }

  exportJson(): string {
    return JSON.stringify({ format: 'chronoscope-saved-views/1', views: this.list() }, null, 2);
  }

  /** Adds the views of an exported file; views already present (same id) are skipped. */
  importJson(text: string): { added: number; skipped: number } {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new SavedViewsError('That file is not JSON, so no views were imported.');
    }
    const file = FileSchema.safeParse(data);
    if (!file.success)
      throw new SavedViewsError(
        'That file is not a Chronoscope saved-views export, so no views were imported.',
      );
    const existing = this.list();
    const ids = new Set(existing.map((v) => v.id));
    const added: SavedView[] = [];
    let skipped = 0;
    for (const raw of file.data.views) {
      const r = SavedViewSchema.safeParse(raw);
      if (!r.success || ids.has(r.data.id)) {
        skipped++;
        continue;
      }
      ids.add(r.data.id);
      added.push({ ...r.data, query: canonical(r.data.query) });
    }
    this.write([...existing, ...added]);
    return { added: added.length, skipped };
  }
}

/** A query string as the URL parser would keep it: hostile or unknown parameters never survive an import. */
function canonical(query: string): string {
  return serialiseViewState(parseViewState(query).state);
}
