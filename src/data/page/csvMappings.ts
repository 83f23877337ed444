import { headerSignature, readCsvMapping, type CsvMapping } from '../../domain/csvMapping';

export const MAPPINGS_KEY = 'chronoscope.csvMappings.v1';
/** Mappings kept per browser; the oldest is forgotten first. */
const MAX_MAPPINGS = 50;

type Stored = Record<string, unknown>;

/** The browser's storage, or undefined where reading it throws (storage disabled, sandboxed frames). */
function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Everything stored, as an object; anything else stored there (or a storage that throws) reads as nothing. */
function readAll(storage: Storage): Stored {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(MAPPINGS_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Stored)
      : {};
  } catch {
    return {};
  }
}

/** The mapping last used for a file with these header cells, if any (and if it still reads). */
export function recallMapping(
  headers: readonly string[],
  storage: Storage | undefined = defaultStorage(),
): CsvMapping | undefined {
  if (!storage) return undefined;
  const all = readAll(storage);
  const sig = headerSignature(headers);
  return Object.hasOwn(all, sig) ? readCsvMapping(all[sig]) : undefined;
}

/** Remembers a mapping for files with these header cells. Storage failures only lose the memory, never the import. */
export function rememberMapping(
  headers: readonly string[],
  mapping: CsvMapping,
  storage: Storage | undefined = defaultStorage(),
): void {
  if (!storage) return;
  try {
    const all = readAll(storage);
    const sig = headerSignature(headers);
    const entries = Object.entries(all).filter(([k]) => k !== sig);
    entries.push([sig, mapping]);
    storage.setItem(MAPPINGS_KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_MAPPINGS))));
  } catch {
    // Full or disabled storage: the mapping still applies to this import.
  }
}
