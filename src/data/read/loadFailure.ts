import type { CsvPreview } from './importers/genericCsv';

/** Why a dataset could not be loaded at all (serialisable: it crosses the worker boundary). */
export interface LoadFailure {
  kind:
    | 'empty'
    | 'syntax'
    | 'shape'
    | 'network'
    | 'not-found'
    | 'refused'
    | 'too-large'
    | 'unsupported'
    | 'timeout'
    | 'worker'
    | 'cancelled'
    | 'needs-mapping';
  /** One sentence a person understands. */
  message: string;
  /** Technical detail (parser message, status line). */
  detail?: string;
  status?: number;
  /** For 'needs-mapping': what the column-mapping dialog shows. */
  csv?: CsvPreview;
}

export function failure(
  kind: LoadFailure['kind'],
  message: string,
  detail?: string,
  status?: number,
): LoadFailure {
  return {
    kind,
    message,
    ...(detail !== undefined ? { detail } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}
