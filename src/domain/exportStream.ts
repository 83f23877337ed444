import Papa from 'papaparse';
import { CSV_COLUMNS } from './csvColumns';
import {
  csvCells,
  eventRecord,
  exportHead,
  type ExportedDataset,
  type ExportMeta,
} from './exportView';
import type { Entity, TimelineEvent } from './types';

export type ExportFormat = 'csv' | 'json' | 'jsonl';

/**
 * An export written from events that arrive batch by batch (a server's stream), as exportView.ts writes the
 * same events at once: each batch's text as it comes (`batch`), and the document's head last, since it names the
 * count and the entities used (`head`; it goes first in the file). `head + batches + tail` is byte for byte what
 * exportJson, exportJsonl and exportCsv (without measure columns) write for the same events in the same order.
 */
export class ExportStream {
  private count = 0;
  private readonly used = new Set<string>();

  constructor(
    readonly format: ExportFormat,
    private readonly name: (entityId: string) => string,
  ) {}

  /** The text of the next events. */
  batch(events: readonly TimelineEvent[]): string {
    if (events.length === 0) return '';
    for (const e of events) for (const a of e.actors) this.used.add(a);
    const first = this.count === 0;
    this.count += events.length;
    switch (this.format) {
      case 'csv':
        return `\r\n${Papa.unparse(events.map((e) => csvCells(e, this.name)))}`;
      case 'jsonl':
        return events.map((e) => `${JSON.stringify(eventRecord(e))}\n`).join('');
      case 'json':
        return (
          (first ? '' : ',\n') +
          events
            .map((e) =>
              JSON.stringify(eventRecord(e), null, 1)
                .split('\n')
                .map((line) => `  ${line}`)
                .join('\n'),
            )
            .join(',\n')
        );
    }
  }

  /** How many events the batches held. */
  get size(): number {
    return this.count;
  }

  /** The file's beginning: the CSV header, or the document's metadata and the entities the events name. */
  head(ds: ExportedDataset, entities: readonly Entity[], meta: ExportMeta): string {
    // (Papa Parse ends a header without rows with a line break.)
    if (this.format === 'csv')
      return Papa.unparse([[...CSV_COLUMNS]]) + (this.count === 0 ? '\r\n' : '');
    const doc = {
      ...exportHead(ds, this.count, meta),
      entities: entities.filter((e) => this.used.has(e.id)),
    };
    if (this.format === 'jsonl') return `${JSON.stringify(doc)}\n`;
    const text = JSON.stringify({ ...doc, events: [] }, null, 1);
    // `"events": []` closes the document: opened here, the events follow, and the tail closes it.
    return this.count === 0 ? text.slice(0, -3) : `${text.slice(0, -4)}[\n`;
  }

  /** The file's end. */
  tail(): string {
    if (this.format !== 'json') return '';
    return this.count === 0 ? ']\n}' : '\n ]\n}';
  }
}
