/**
 * The ingest's Node side without a database: read and validate, the in-memory index, the facets, every COPY row
 * built (and dropped), then the value and lane rollups' rows, each phase's wall and CPU seconds.
 * `npx tsx bench/ingestCpu.ts <file>`; run it under `node --cpu-prof` to see where each phase's time goes.
 */
import { buildIndex } from '../src/domain/buildIndex';
import { EMPTY_FILTERS } from '../src/domain/filters';
import { runQuery } from '../src/domain/query';
import {
  eventAndDocRows,
  entityRows,
  facetMaps,
  valueRows,
  wordRows,
  WordCodes,
} from '../server/ingest/rows';
import { readDatasetFile } from '../server/ingest/streamRead';
import {
  groupedDimensions,
  laneDayRows,
  pairRows,
  releaseEvents,
  valueDayRows,
} from '../server/ingest/rollupRows';

const path = process.argv[2];
if (!path) throw new Error('usage: tsx bench/ingestCpu.ts <file>');
const figures: Record<string, string> = {};
let cpu = process.cpuUsage();
let wall = performance.now();
const phase = (name: string) => {
  const c = process.cpuUsage(cpu);
  figures[name] =
    `${((performance.now() - wall) / 1000).toFixed(1)} s wall, ${((c.user + c.system) / 1e6).toFixed(1)} s CPU`;
  cpu = process.cpuUsage();
  wall = performance.now();
  // Phase ends on the CPU profile's clock (microseconds), to split a --cpu-prof profile by phase.
  marks.push([name, Number(process.hrtime.bigint() / 1000n)]);
};
const marks: [string, number][] = [['start', Number(process.hrtime.bigint() / 1000n)]];
const outcome = await readDatasetFile(path, path);
if (!outcome.ok) throw new Error(outcome.error.message);
phase('read and validate');
const index = buildIndex(outcome.dataset, { measures: false });
phase('in-memory index');
facetMaps(index, runQuery(index, undefined, EMPTY_FILTERS).facets);
phase('facets');
const dict = new WordCodes();
let bytes = 0;
// Batched and encoded (UTF-8) as the ingest's COPY streams send them.
const batches = ['', ''];
for (const pair of eventAndDocRows(index, dict))
  for (let k = 0; k < 2; k++) {
    batches[k] += pair[k]!;
    if (batches[k]!.length > 1 << 16) {
      bytes += Buffer.from(batches[k]!).length;
      batches[k] = '';
    }
  }
for (const b of batches) bytes += Buffer.from(b).length;
for (const r of entityRows(index)) bytes += r.length;
for (const r of valueRows(index)) bytes += r.length;
for (const r of wordRows(dict)) bytes += r.length;
phase('rows built');
// The value and lane rollups' rows (the ingest's next phase), after the parsed events are let go as the ingest
// does (KEEP_EVENTS=1 keeps them, to see what holding them costs the collector).
if (process.env.KEEP_EVENTS !== '1') releaseEvents(outcome.dataset, index);
const grouped = groupedDimensions(index);
for (const rows of [
  pairRows(index, grouped),
  valueDayRows(index, grouped),
  laneDayRows(index, grouped),
])
  for (const r of rows) bytes += r.length;
phase('value and lane rollups');
figures['row bytes, MB'] = (bytes / 2 ** 20).toFixed(0);
figures['peak RSS MB'] = String(Math.round(process.resourceUsage().maxRSS / 1024));
console.log(JSON.stringify({ ...figures, marks }, null, 2));
