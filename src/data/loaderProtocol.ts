import type { FormatId } from './detectFormat';
import type { LoadOutcome } from './loadDataset';

export type LoadRequest =
  | { type: 'load'; from: 'url'; url: string; name: string; format?: FormatId; timeoutMs: number }
  | { type: 'load'; from: 'bytes'; bytes: ArrayBuffer; name: string; format?: FormatId };

export interface LoadProgress {
  phase: 'download' | 'parse' | 'index';
  loaded: number;
  total?: number;
}

export type LoaderMessage =
  { type: 'progress'; progress: LoadProgress } | { type: 'done'; outcome: LoadOutcome };
