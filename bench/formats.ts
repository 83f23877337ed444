/**
 * Load figures of the exchange formats without a browser: GDELT 2.0 events, Chronoscope JSON Lines and an Excel
 * workbook, each synthetic, through the same loadAnyDataset the loader worker runs (decode, detect, import,
 * validate). Median of 3 runs. Run: npx tsx bench/formats.ts [rows, default 50000]
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { CsvMapping } from '../src/domain/csvMapping';
import { loadAnyDataset, type ReadOptions } from '../src/data/read/loadDataset';
import { median } from './engine';

const n = Number(process.argv[2] ?? 50_000);

/** GDELT: the fixture's records repeated with new ids. */
function gdelt(): Uint8Array {
  const lines = readFileSync('fixtures/files/gdelt-20231221.export.CSV', 'utf8')
    .split('\n')
    .filter((l) => l.split('\t').length === 61);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const cells = lines[i % lines.length]!.split('\t');
    cells[0] = String(2_000_000_000 + i);
    out.push(cells.join('\t'));
  }
  return strToU8(`${out.join('\n')}\n`);
}

function jsonl(): Uint8Array {
  const lines = ['{"format":"chronoscope/1","title":"bench"}'];
  for (let i = 0; i < n; i++)
    lines.push(
      JSON.stringify({
        id: `e${i}`,
        title: `Event ${i}`,
        start: `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        actors: [`actor ${i % 100}`],
        location: { name: `Town ${i % 500}`, lat: 50 + (i % 100) / 100, lon: 10 },
      }),
    );
  return strToU8(`${lines.join('\n')}\n`);
}

/** A workbook as Excel writes one: shared strings, a date style, seven columns. */
function xlsx(): Uint8Array {
  const strings: string[] = ['Date', 'Title', 'Actor', 'Place', 'Lat', 'Lon', 'Amount'];
  const s = (text: string) => strings.push(text) - 1;
  const rows = [
    '<row r="1">' +
      strings.map((_, c) => `<c r="${'ABCDEFG'[c]}1" t="s"><v>${c}</v></c>`).join('') +
      '</row>',
  ];
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    rows.push(
      `<row r="${r}"><c r="A${r}" s="1"><v>${43831 + (i % 1500)}</v></c><c r="B${r}" t="s"><v>${s(`Event number ${i}`)}</v></c><c r="C${r}" t="s"><v>${s(`Actor ${i % 300}`)}</v></c><c r="D${r}" t="s"><v>${s(`Town ${i % 500}`)}</v></c><c r="E${r}"><v>${50 + (i % 100) / 100}</v></c><c r="F${r}"><v>${10 + (i % 100) / 100}</v></c><c r="G${r}"><v>${i * 1.5}</v></c></row>`,
    );
  }
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook ${NS} xmlns:r="r"><sheets><sheet name="Bench" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst ${NS}>${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(
      `<styleSheet ${NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`,
    ),
  });
}

const mapping: CsvMapping = {
  date: 'Date',
  order: 'dmy',
  title: 'Title',
  actors: ['Actor'],
  separator: '',
  location: 'Place',
  lat: 'Lat',
  lon: 'Lon',
};

async function figure(name: string, bytes: Uint8Array, options: ReadOptions = {}) {
  const ts: number[] = [];
  let events = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const o = await loadAnyDataset(bytes, name, options);
    ts.push(performance.now() - t);
    events = o.ok ? o.dataset.events.length : 0;
  }
  const ms = median(ts);
  const rate = events > 0 ? `  ${((ms * 1000) / events).toFixed(1)} µs/event` : '';
  console.log(
    `${name.padEnd(28)} ${(bytes.length / 2 ** 20).toFixed(1).padStart(6)} MB ${String(events).padStart(8)} events ${ms.toFixed(0).padStart(7)} ms${rate}`,
  );
}

await figure('GDELT 2.0 (61 columns)', gdelt());
await figure('Chronoscope JSON Lines', jsonl());
const book = xlsx();
await figure('xlsx: the mapping dialog', book);
await figure('xlsx: mapped, whole sheet', book, { mapping });
