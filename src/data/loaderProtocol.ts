import type { LoadOutcome, ReadOptions } from './loadDataset';

export type LoadRequest =
  | {
      type: 'load';
      from: 'url';
      url: string;
      name: string;
      options: ReadOptions;
      timeoutMs: number;
    }
  | { type: 'load'; from: 'bytes'; bytes: ArrayBuffer; name: string; options: ReadOptions };

export interface LoadProgress {
  phase: 'download' | 'parse' | 'index';
  loaded: number;
  total?: number;
}

export type LoaderMessage =
  { type: 'progress'; progress: LoadProgress } | { type: 'done'; outcome: LoadOutcome };
