/**
 * Converts the UCDP GED Ukraine CSV (Windows-1252) into the bundled chronoscope/1 dataset.
 * Usage: npm run data:ucdp [-- path/to/UCDP-Ukraine.csv [out.json]]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeText } from '../src/data/read/decodeText.ts';
import { importUcdp } from '../src/data/read/importers/ucdp.ts';
import { normaliseDocument } from '../src/domain/normalise.ts';

const input = resolve(process.argv[2] ?? 'fixtures/third-party/ucdp-ged-ukraine/UCDP-Ukraine.csv');
const output = resolve(process.argv[3] ?? 'public/data/ucdp-ukraine.json');
const { text, encoding } = decodeText(readFileSync(input));
const { doc, issues } = importUcdp(text);
const check = normaliseDocument(doc);
const rejected = [...issues, ...check.issues].filter((i) => i.severity === 'error');
writeFileSync(output, JSON.stringify({ format: 'chronoscope/1', ...doc }));
console.log(
  `${input} (${encoding}) → ${output}: ${check.events.length} events, ${check.entities.length} entities, ${rejected.length} rejected`,
);
for (const r of rejected.slice(0, 20)) console.log(`  row ${r.position}: ${r.message}`);
