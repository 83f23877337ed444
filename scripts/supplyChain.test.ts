import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  integrityMismatches,
  licenceAllowed,
  licenceProblems,
  lockfileShapeProblems,
  packageName,
} from './supplyChain.mjs';

const SHA = `sha512-${'A'.repeat(86)}==`;
const OTHER = `sha512-${'B'.repeat(86)}==`;

function lockOf(packages: Record<string, Record<string, unknown>>) {
  return { lockfileVersion: 3, packages: { '': { name: 'app' }, ...packages } };
}

describe('licenceAllowed', () => {
  it('reads SPDX expressions: OR needs one allowed side, AND needs both', () => {
    expect(licenceAllowed('MIT')).toBe(true);
    expect(licenceAllowed('(Apache-2.0 OR MIT)')).toBe(true);
    expect(licenceAllowed('GPL-3.0-only OR MIT')).toBe(true);
    expect(licenceAllowed('GPL-3.0-only AND MIT')).toBe(false);
    expect(licenceAllowed('(MIT AND BSD-3-Clause) OR GPL-2.0')).toBe(true);
    expect(licenceAllowed('AGPL-3.0')).toBe(false);
  });

  it('refuses what it cannot read', () => {
    for (const bad of [
      undefined,
      '',
      'SEE LICENSE IN LICENSE.txt',
      '(MIT',
      'MIT OR',
      'OR MIT',
      'MIT)',
    ]) {
      expect(licenceAllowed(bad)).toBe(false);
    }
  });
});

describe('licenceProblems', () => {
  it('names runtime packages with a licence outside the allowlist and ignores dev tools', () => {
    const lock = lockOf({
      'node_modules/ok': { version: '1.0.0', license: 'MIT' },
      'node_modules/copyleft': { version: '2.0.0', license: 'GPL-3.0' },
      'node_modules/tool': { version: '1.0.0', license: 'GPL-3.0', dev: true },
      'node_modules/a/node_modules/@s/none': { version: '0.1.0' },
    });
    expect(licenceProblems(lock)).toEqual([
      'copyleft@2.0.0: licence "GPL-3.0"',
      '@s/none@0.1.0: licence null',
    ]);
  });

  it('prefers the licence the installed package declares', () => {
    const lock = lockOf({ 'node_modules/x': { version: '1.0.0', license: 'MIT' } });
    expect(licenceProblems(lock, () => 'SSPL-1.0')).toEqual(['x@1.0.0: licence "SSPL-1.0"']);
  });

  it("passes this project's own runtime dependencies", () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    expect(licenceProblems(lock)).toEqual([]);
    expect(lockfileShapeProblems(lock, 'https://registry.npmjs.org/')).toEqual([]);
  });
});

describe('lockfileShapeProblems', () => {
  it('wants sha512 everywhere and nothing resolved off the registry', () => {
    const lock = lockOf({
      'node_modules/good': {
        version: '1.0.0',
        integrity: SHA,
        resolved: 'https://registry.npmjs.org/good/-/good-1.0.0.tgz',
      },
      'node_modules/sha1': { version: '1.0.0', integrity: 'sha1-abc=' },
      'node_modules/git': {
        version: '1.0.0',
        integrity: SHA,
        resolved: 'git+ssh://git@example.com/x.git',
      },
      'node_modules/linked': { link: true, resolved: '../local' },
    });
    expect(lockfileShapeProblems(lock, 'https://registry.npmjs.org')).toEqual([
      'sha1@1.0.0: no sha512 integrity',
      'git@1.0.0: resolved outside the registry (git+ssh://git@example.com/x.git)',
    ]);
  });
});

describe('integrityMismatches', () => {
  it("reports a package whose hash is not the registry's, or that the registry does not have", async () => {
    const lock = lockOf({
      'node_modules/same': { version: '1.0.0', integrity: SHA },
      'node_modules/swapped': { version: '1.0.0', integrity: SHA },
      'node_modules/x/node_modules/gone': { version: '9.9.9', integrity: SHA },
    });
    const registry: Record<string, string | undefined> = {
      'same@1.0.0': SHA,
      'swapped@1.0.0': OTHER,
    };
    const asked: string[] = [];
    const problems = await integrityMismatches(lock, async (name: string, version: string) => {
      asked.push(`${name}@${version}`);
      return registry[`${name}@${version}`];
    });
    expect(problems).toEqual([
      'gone@9.9.9: not on the registry',
      "swapped@1.0.0: integrity differs from the registry's",
    ]);
    expect(asked.sort()).toEqual(['gone@9.9.9', 'same@1.0.0', 'swapped@1.0.0']);
  });

  it('passes a failed lookup on to the caller, which reports the check as unavailable', async () => {
    const lock = lockOf({ 'node_modules/a': { version: '1.0.0', integrity: SHA } });
    await expect(
      integrityMismatches(lock, async () => {
        throw new Error('offline');
      }),
    ).rejects.toThrow('offline');
  });
});

describe('packageName', () => {
  it('takes the innermost package of a nested path', () => {
    expect(packageName('node_modules/a/node_modules/@s/b')).toBe('@s/b');
    expect(packageName('node_modules/react')).toBe('react');
  });
});
