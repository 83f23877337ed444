import { clipText } from '../../domain/clipText';

/** The datasets that ship with Chronoscope (public/data). */
export const BUNDLED = [
  {
    id: 'austin-umerov',
    title: 'US–Ukraine defence coordination, December 2023',
    path: 'data/austin-umerov.json',
  },
  {
    id: 'ucdp-ukraine',
    title: 'UCDP GED: organised violence in Ukraine, 2014–2023',
    path: 'data/ucdp-ukraine.json',
  },
] as const;
export const DEFAULT_DATASET = BUNDLED[0].id;

export type Source =
  | { kind: 'bundled'; id: string; url: string; label: string }
  | { kind: 'url'; url: string; label: string }
  | { kind: 'local'; name: string; label: string }
  /** A dataset of the Chronoscope server that served the page (docs/server.md). */
  | { kind: 'server'; id: string; label: string }
  | { kind: 'refused'; reason: string; label: string };

export const LOCAL_PREFIX = 'local:';
export const SERVER_PREFIX = 'server:';
/** A server dataset id, as the server's ingest accepts it (server/db/schema.ts DATASET_ID). */
export const SERVER_DATASET_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Resolves the `data` parameter against the page address; only http(s) (and same-origin relative paths) load. */
export function resolveSource(data: string | undefined, base: string): Source {
  const value = data?.trim() || DEFAULT_DATASET;
  const bundled = BUNDLED.find((b) => b.id === value);
  if (bundled)
    return {
      kind: 'bundled',
      id: bundled.id,
      url: new URL(bundled.path, base).href,
      label: bundled.title,
    };
  if (value.startsWith(LOCAL_PREFIX))
    return {
      kind: 'local',
      name: value.slice(LOCAL_PREFIX.length),
      label: value.slice(LOCAL_PREFIX.length),
    };
  if (value.startsWith(SERVER_PREFIX)) {
    const id = value.slice(SERVER_PREFIX.length);
    return SERVER_DATASET_ID.test(id)
      ? { kind: 'server', id, label: id }
      : {
          kind: 'refused',
          reason: `"${clipText(id, 60)}" is not a server dataset id: ids are lower-case letters, digits, ".", "_" and "-".`,
          label: clipText(value, 60),
        };
  }
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return {
      kind: 'refused',
      reason: `"${clipText(value, 60)}" is not a dataset name, path or URL.`,
      label: clipText(value, 60),
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      kind: 'refused',
      reason: `Chronoscope refuses to load "${url.protocol}" addresses: only http(s) URLs and relative paths are loaded.`,
      label: clipText(value, 60),
    };
  }
  if (url.username || url.password) {
    return {
      kind: 'refused',
      reason:
        'Dataset URLs with a user name or password are refused; they would leak credentials in shared links.',
      label: clipText(url.host, 60),
    };
  }
  return { kind: 'url', url: url.href, label: clipText(value, 80) };
}

/** The stable cache key of a source. */
export function sourceKey(s: Source): string {
  switch (s.kind) {
    case 'bundled':
      return `bundled:${s.id}`;
    case 'url':
      return `url:${s.url}`;
    case 'local':
      return `local:${s.name}`;
    case 'server':
      return `server:${s.id}`;
    case 'refused':
      return `refused:${s.label}`;
  }
}
