import { ExportStream, type ExportFormat } from '../../domain/exportStream';
import { streamServerEvents, type ServerMetadata } from './serverApi';

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  jsonl: 'application/jsonl',
  csv: 'text/csv',
};

/**
 * The view's matching events from the server, as the file workspace exports them (domain/exportStream.ts): read
 * as the server streams them, each batch written out at once and kept as a Blob part, the head put first at the
 * end. `more` when the server stopped at its limit (the first events in time order).
 */
export async function exportServerView(
  meta: ServerMetadata,
  /** The view's filters as the link writes them. */
  filters: string,
  format: ExportFormat,
  provenance: { viewUrl: string; exportedAt: string },
  onProgress: (events: number) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; count: number; more: boolean }> {
  const names = new Map(meta.entities.map((e) => [e.id, e.name]));
  const out = new ExportStream(format, (id) => names.get(id) ?? id);
  const parts: Blob[] = [];
  const { count, more } = await streamServerEvents(
    meta.id,
    filters,
    (events) => {
      parts.push(new Blob([out.batch(events)]));
      onProgress(out.size);
    },
    signal,
  );
  const head = out.head(
    {
      title: meta.title,
      ...(meta.description !== undefined ? { description: meta.description } : {}),
      ...(meta.attribution !== undefined ? { attribution: meta.attribution } : {}),
      ...(meta.format !== undefined ? { format: meta.format } : {}),
      size: meta.eventCount,
    },
    meta.entities,
    { ...provenance, source: `server:${meta.id}` },
  );
  return { blob: new Blob([head, ...parts, out.tail()], { type: TYPES[format] }), count, more };
}
