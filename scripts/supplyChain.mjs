// The supply-chain checks scripts/audit.mjs runs, as pure functions over package-lock.json (tested in
// supplyChain.test.ts): runtime licences against an allowlist, the lockfile's shape, and its integrity hashes
// against the registry's.

/** Licences a runtime dependency may carry: permissive ones whose terms a bundled web app meets by keeping notices. */
export const ALLOWED_LICENCES = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
]);

/**
 * Whether an SPDX expression is allowed: `A OR B` when either side is, `A AND B` when both are; parentheses
 * group. Anything unreadable (a custom "SEE LICENSE IN", a missing field) is not allowed.
 */
export function licenceAllowed(expression, allowed = ALLOWED_LICENCES) {
  if (typeof expression !== 'string' || !expression.trim()) return false;
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let pos = 0;
  const primary = () => {
    const t = tokens[pos++];
    if (t === '(') {
      const v = or();
      if (tokens[pos++] !== ')') throw new Error('unbalanced');
      return v;
    }
    if (t === undefined || t === ')' || t === 'AND' || t === 'OR') throw new Error('unexpected');
    return allowed.has(t.replace(/\+$/, ''));
  };
  const and = () => {
    let v = primary();
    while (tokens[pos] === 'AND') {
      pos++;
      v = primary() && v;
    }
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[pos] === 'OR') {
      pos++;
      v = and() || v;
    }
    return v;
  };
  try {
    const v = or();
    return pos === tokens.length && v;
  } catch {
    return false;
  }
}

/** The lockfile's installed packages: `[path, entry]` for every entry but the root and workspace links. */
export function lockedPackages(lock) {
  return Object.entries(lock.packages ?? {}).filter(([path, entry]) => path !== '' && !entry.link);
}

/** The package name a lockfile path installs (`node_modules/a/node_modules/@s/b` → `@s/b`). */
export function packageName(path) {
  const at = path.lastIndexOf('node_modules/');
  return path.slice(at + 'node_modules/'.length);
}

/**
 * Runtime dependencies (not `dev`) whose licence is not allowed. `licenceOf(path, entry)` gives the licence as
 * installed (the package's own package.json); the lockfile's copy is the fallback.
 */
export function licenceProblems(lock, licenceOf = (_path, entry) => entry.license) {
  const problems = [];
  for (const [path, entry] of lockedPackages(lock)) {
    if (entry.dev) continue;
    const licence = licenceOf(path, entry) ?? entry.license;
    if (!licenceAllowed(licence)) {
      problems.push(
        `${packageName(path)}@${entry.version}: licence ${JSON.stringify(licence ?? null)}`,
      );
    }
  }
  return problems;
}

/**
 * What the lockfile must hold for `npm ci` to install only what the registry serves: every package with a sha512
 * integrity, and, where npm wrote where it came from, a tarball of that registry (no git, file or other hosts).
 */
export function lockfileShapeProblems(lock, registry) {
  const problems = [];
  const base = registry.endsWith('/') ? registry : `${registry}/`;
  if (lock.lockfileVersion !== 3)
    problems.push(`lockfileVersion ${lock.lockfileVersion}, expected 3`);
  for (const [path, entry] of lockedPackages(lock)) {
    const id = `${packageName(path)}@${entry.version}`;
    if (!/^sha512-[A-Za-z0-9+/]{86}==$/.test(entry.integrity ?? ''))
      problems.push(`${id}: no sha512 integrity`);
    if (entry.resolved !== undefined && !entry.resolved.startsWith(base)) {
      problems.push(`${id}: resolved outside the registry (${entry.resolved})`);
    }
  }
  return problems;
}

/**
 * Packages whose lockfile integrity differs from the registry's for the same name and version.
 * `registryIntegrity(name, version)` resolves to the registry's `dist.integrity` (undefined when the registry
 * does not know that version, itself a finding). Runs `concurrency` lookups at a time.
 */
export async function integrityMismatches(lock, registryIntegrity, concurrency = 16) {
  const queue = lockedPackages(lock).map(([path, entry]) => ({ name: packageName(path), entry }));
  const problems = [];
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { name, entry } = next;
      const theirs = await registryIntegrity(name, entry.version);
      if (theirs === undefined) problems.push(`${name}@${entry.version}: not on the registry`);
      else if (theirs !== entry.integrity)
        problems.push(`${name}@${entry.version}: integrity differs from the registry's`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
  return problems.sort();
}
