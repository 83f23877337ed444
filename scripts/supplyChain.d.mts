// Types for supplyChain.mjs (plain JavaScript so that .ci/run can run it with Node alone, before any build).
export interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
  name?: string;
}
export interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}
export const ALLOWED_LICENCES: Set<string>;
export function licenceAllowed(expression: unknown, allowed?: Set<string>): boolean;
export function lockedPackages(lock: Lockfile): [string, LockEntry][];
export function packageName(path: string): string;
export function licenceProblems(
  lock: Lockfile,
  licenceOf?: (path: string, entry: LockEntry) => string | undefined,
): string[];
export function lockfileShapeProblems(lock: Lockfile, registry: string): string[];
export function integrityMismatches(
  lock: Lockfile,
  registryIntegrity: (name: string, version: string) => Promise<string | undefined>,
  concurrency?: number,
): Promise<string[]>;
