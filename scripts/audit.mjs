// Supply-chain checks run by .ci/run before the tests; exits non-zero on a finding.
// 1. Licences of runtime dependencies (as installed) against an allowlist: offline.
// 2. The lockfile's shape: sha512 integrity everywhere, nothing resolved outside the registry: offline.
// 3. The lockfile's integrity hashes against the registry's for the same versions: needs the registry.
// 4. npm audit for runtime dependencies. Where the registry offers no audit endpoint (this workplace's mirror
//    answers 405) or cannot be reached, 3 and 4 say UNAVAILABLE and do not pretend to have checked.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  integrityMismatches,
  licenceProblems,
  lockedPackages,
  lockfileShapeProblems,
} from './supplyChain.mjs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const registry =
  (spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout || '').trim() ||
  'https://registry.npmjs.org/';
let failed = false;

function report(title, problems) {
  if (problems.length === 0) {
    console.log(`${title}: OK`);
    return;
  }
  failed = true;
  console.log(`${title}: ${problems.length} problem(s)`);
  for (const p of problems) console.log(`  - ${p}`);
}

const installedLicence = (path) => {
  try {
    const pkg = JSON.parse(readFileSync(`${path}/package.json`, 'utf8'));
    return typeof pkg.license === 'string' ? pkg.license : pkg.license?.type;
  } catch {
    return undefined;
  }
};
report('Licences of runtime dependencies', licenceProblems(lock, installedLicence));
report('Lockfile shape', lockfileShapeProblems(lock, registry));

const base = registry.endsWith('/') ? registry : `${registry}/`;
const packuments = new Map();
const registryIntegrity = async (name, version) => {
  let doc = packuments.get(name);
  if (!doc) {
    doc = fetch(`${base}${name.replace('/', '%2f')}`, {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
      signal: AbortSignal.timeout(20_000),
    }).then((r) => {
      if (r.status === 404) return {}; // the registry does not have it: every version of it is a finding
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return r.json();
    });
    packuments.set(name, doc);
  }
  return (await doc).versions?.[version]?.dist?.integrity;
};
try {
  report(
    `Lockfile integrity against ${registry} (${lockedPackages(lock).length} packages)`,
    await integrityMismatches(lock, registryIntegrity),
  );
} catch (e) {
  console.log(
    `Lockfile integrity: UNAVAILABLE (${e.message}); the hashes were not compared with the registry's.`,
  );
}

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let audit;
try {
  audit = JSON.parse(r.stdout || '{}');
} catch {
  audit = {};
}
if (audit.error || audit.message || !audit.metadata) {
  const why =
    [audit.message, audit.error?.summary].find((x) => typeof x === 'string' && x.trim()) ??
    'no report from the registry';
  console.log(
    `npm audit: UNAVAILABLE (${why.trim()}); runtime dependencies were not checked for advisories.`,
  );
} else {
  const v = audit.metadata.vulnerabilities;
  console.log(
    `npm audit (runtime dependencies): ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`,
  );
  if (v.critical + v.high > 0) failed = true;
}
process.exit(failed ? 1 : 0);
