import type { AddedEvent } from '../domain/addedEvents';
import type { IndexParts } from '../domain/buildIndex';
import type { Curation } from '../domain/curation';
import type { JoinBuildParts } from '../domain/joinLayer';
import type { TextMatch } from '../domain/textSearch';
import type { Encoding } from './read/decodeText';
import type { FormatId } from './read/detectFormat';
import type { ReadOptions } from './read/loadDataset';
import type { LoadFailure } from './read/loadFailure';

export type LoadRequest =
  | {
      type: 'load';
      from: 'url';
      url: string;
      name: string;
      options: ReadOptions;
    }
  | { type: 'load'; from: 'bytes'; bytes: ArrayBuffer; name: string; options: ReadOptions };

/** After a load, the worker keeps the dataset and answers text searches. */
export interface SearchRequest {
  type: 'search';
  id: number;
  q: string;
}

/** Join the analyst's added events and curation to the dataset the worker keeps (domain/joinLayer.ts buildJoin). */
export interface JoinRequest {
  type: 'join';
  id: number;
  added: AddedEvent[];
  curation: Curation;
}

/** The analyst is acting on the page: the worker pauses its background work briefly (it shares the CPU). */
export interface BusyHint {
  type: 'busy';
}

export interface LoadProgress {
  phase: 'download' | 'parse' | 'index' | 'receive';
  loaded: number;
  total?: number;
  /** While downloading: the compressed length the server announced, when `loaded` counts the unpacked bytes. */
  compressed?: number;
}

/**
 * What the loader worker sends, in order: progress; then either `failed`, or the index parts (typed arrays
 * transferred), the time-sorted events in encoded chunks (transferred), and `loaded`; later `text-ready` and search answers.
 */
export type LoaderMessage =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'failed'; error: LoadFailure }
  /** `chunkSize`: events per `events` message (every one but the last holds exactly that many). */
  | { type: 'index'; parts: IndexParts; chunkSize: number }
  | { type: 'events'; bytes: Uint8Array; count: number }
  | { type: 'loaded'; format: FormatId; encoding: Encoding; bytes: number }
  | { type: 'text-ready' }
  | { type: 'search-result'; id: number; match: TextMatch }
  /** A join's index as parts (typed arrays transferred), or why it could not be built. */
  | { type: 'joined'; id: number; build: JoinBuildParts }
  | { type: 'join-failed'; id: number; error: string };
