import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadAnyDataset } from '../loadDataset';
import { formatKind, workbookPreviews, workbookTable } from './readWorkbook';
import { WorkbookError, ZipArchive } from './zipArchive';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A workbook as Excel writes one: shared strings, a styles part, one sheet per entry of `sheets`. */
function workbook(
  sheets: Record<string, string>,
  extra: {
    strings?: string[];
    styles?: string;
    date1904?: boolean;
    parts?: Record<string, string>;
  } = {},
): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook ${NS} xmlns:r="r"><workbookPr${extra.date1904 ? ' date1904="1"' : ''}/><sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://x/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst ${NS}>${(extra.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`,
    ),
    'xl/styles.xml': strToU8(
      extra.styles ??
        `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="d/m/yyyy\\ h:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    ),
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<worksheet ${NS}><sheetData>${sheets[n]}</sheetData></worksheet>`,
    );
  });
  for (const [k, v] of Object.entries(extra.parts ?? {})) files[k] = strToU8(v);
  return zipSync(files);
}

const rows = (bytes: Uint8Array, sheet?: string) => {
  const t = workbookTable(bytes, sheet);
  return [t.headers, ...t.rows.map((r) => t.headers.map((h) => r[h] ?? ''))];
};

describe('reading cells', () => {
  it('reads shared strings (rich text, phonetic runs left out), inline strings, numbers, booleans, errors', () => {
    const bytes = workbook(
      {
        S: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Flag</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>12.5</v></c><c r="C2" t="b"><v>1</v></c></row>
            <row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="C3" t="b"><v>0</v></c></row>`,
      },
      {
        strings: [
          '<t>Title</t>',
          '<t>Amount</t>',
          '<r><t>Tokyo </t></r><r><rPr><b/></rPr><t>meeting</t></r><rPh><t>トウキョウ</t></rPh>',
        ],
      },
    );
    expect(rows(bytes)).toEqual([
      ['Title', 'Amount', 'Flag'],
      ['Tokyo meeting', '12.5', 'TRUE'],
      ['#N/A', '', 'FALSE'],
    ]);
  });

  it('reads a formula cell as its cached value and never evaluates it', () => {
    const bytes = workbook({
      S: `<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" t="inlineStr"><is><t>Total</t></is></c></row>
          <row r="2"><c r="A2" t="str"><f>HYPERLINK("http://evil.example","x")</f><v>cached</v></c><c r="B2"><f>1+1</f><v>3</v></c></row>
          <row r="3"><c r="A3"><f>NOW()</f></c><c r="B3"><v>4</v></c></row>`,
    });
    expect(rows(bytes)).toEqual([
      ['Date', 'Total'],
      ['cached', '3'],
      ['', '4'],
    ]);
  });

  it('reads date-formatted numbers as dates (1900 and 1904 systems) and time formats as times of day', () => {
    const sheet = `<row r="1"><c r="A1" t="inlineStr"><is><t>Day</t></is></c><c r="B1" t="inlineStr"><is><t>At</t></is></c><c r="C1" t="inlineStr"><is><t>Time</t></is></c><c r="D1" t="inlineStr"><is><t>Plain</t></is></c></row>
      <row r="2"><c r="A2" s="1"><v>45281</v></c><c r="B2" s="2"><v>45281.586805555555</v></c><c r="C2" s="3"><v>0.25</v></c><c r="D2" s="4"><v>45281</v></c></row>
      <row r="3"><c r="A3" s="1"><v>59</v></c><c r="B3" s="1"><v>61</v></c><c r="C3" t="d"><v>2023-12-21T10:00:00</v></c></row>`;
    expect(rows(workbook({ S: sheet }))).toEqual([
      ['Day', 'At', 'Time', 'Plain'],
      ['2023-12-21', '2023-12-21T14:05:00', '06:00:00', '45281'],
      ['1900-02-28', '1900-03-01', '2023-12-21T10:00:00', ''],
    ]);
    expect(rows(workbook({ S: sheet }, { date1904: true }))[1]!.slice(0, 2)).toEqual([
      '2027-12-22',
      '2027-12-22T14:05:00',
    ]);
  });

  it('tells date formats from number and duration formats', () => {
    expect(
      [
        'yyyy-mm-dd',
        'd/m/yyyy h:mm',
        'mmm d',
        'h:mm AM/PM',
        '[h]:mm:ss',
        '0.00',
        '#,##0',
        '"day" 0',
        '[Red]0.0',
        'General',
      ].map(formatKind),
    ).toEqual([
      'date',
      'date',
      'date',
      'time',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('names empty header cells by their column letters, keeps repeated names apart, skips empty rows', () => {
    const bytes = workbook({
      S: `<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="C2" t="inlineStr"><is><t>x</t></is></c></row>
          <row r="3"></row><row r="5"><c r="A5"><v>1</v></c><c r="B5"><v>2</v></c><c r="C5"><v>3</v></c></row>`,
    });
    const t = workbookTable(bytes);
    expect(t.headers).toEqual(['x', 'Column B', 'x (2)']);
    expect(t.rowNumbers).toEqual([5]);
  });

  it('keeps a column named __proto__ as data', () => {
    const bytes = workbook({
      S: `<row r="1"><c r="A1" t="inlineStr"><is><t>__proto__</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>polluted</t></is></c></row>`,
    });
    const t = workbookTable(bytes);
    expect(Object.keys(t.rows[0]!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(t.rows[0])).toBeNull();
  });

  it('lists every sheet with its first rows, and reads the one asked for', () => {
    const bytes = workbook({
      First: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>',
      'Second & more': '<row r="1"><c r="A1" t="inlineStr"><is><t>b</t></is></c></row>',
    });
    expect(workbookPreviews(bytes, 8).map((s) => [s.name, s.headers])).toEqual([
      ['First', ['a']],
      ['Second & more', ['b']],
    ]);
    expect(workbookTable(bytes, 'Second & more').headers).toEqual(['b']);
  });
});

describe('hostile and wrong files', () => {
  const message = async (bytes: Uint8Array, name = 'x.xlsx') => {
    const o = await loadAnyDataset(bytes, name);
    if (o.ok) throw new Error('expected a failure');
    return o.error;
  };

  it('a zip bomb stops at the budget of unpacked bytes, whatever the headers claim', () => {
    const bomb = zipSync({ big: new Uint8Array(8 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => new ZipArchive(bomb, 2 ** 20).read('big')).toThrow(/more than 1 MB.*zip bomb/);
    // The same bomb whose table of contents claims 100 bytes: the inflater itself stops at the budget.
    const view = new DataView(bomb.buffer, bomb.byteOffset);
    const central = bomb.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 100, true);
    expect(() => new ZipArchive(bomb, 2 ** 20).read('big')).toThrow(/more than 1 MB.*zip bomb/);
  });

  it('the zip bomb fixture (300 MB of sheet in 300 kB) is refused with a message', async () => {
    const error = await message(new Uint8Array(readFileSync('e2e/fixtures/zip-bomb.xlsx')));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/unpacks to more than 256 MB/);
  });

  it('a truncated workbook says it is cut short', async () => {
    const error = await message(new Uint8Array(readFileSync('e2e/fixtures/truncated.xlsx')));
    expect(error.message).toMatch(/cut short or damaged/);
  });

  it('every cut of a workbook is a message, never a crash', async () => {
    const bytes = readFileSync('fixtures/files/aid-deliveries.xlsx');
    for (let cut = 4; cut < bytes.length; cut += 997) {
      const o = await loadAnyDataset(new Uint8Array(bytes.subarray(0, cut)), 'x.xlsx');
      expect(o.ok ? 'ok' : o.error.kind).toMatch(/unsupported|needs-mapping/);
    }
  });

  it('a damaged part (bytes flipped inside the deflate stream) is a message', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/files/aid-deliveries.xlsx'));
    for (let at = 40; at < 2000; at += 50) {
      const copy = bytes.slice();
      copy[at] = copy[at]! ^ 0xff;
      const o = await loadAnyDataset(copy, 'x.xlsx');
      expect(o.ok ? 'ok' : o.error.kind).toMatch(/unsupported|needs-mapping/);
    }
  });

  it('an old .xls (or an encrypted workbook) and other zips get a clear message', async () => {
    expect(
      (await message(new Uint8Array(readFileSync('e2e/fixtures/old-binary.xls')))).message,
    ).toMatch(/Excel 97–2003 workbook \(\.xls\)/);
    expect(
      (
        await message(
          zipSync({ 'word/document.xml': strToU8('<w/>'), '[Content_Types].xml': strToU8('<T/>') }),
        )
      ).message,
    ).toMatch(/Word document/);
    expect((await message(zipSync({ 'data.csv': strToU8('a,b') }))).message).toMatch(
      /ZIP archive, not an Excel workbook/,
    );
  });

  it('refuses a document type (the door to entity bombs) instead of expanding it', () => {
    const bytes = workbook(
      { S: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
      {
        parts: {
          'xl/sharedStrings.xml':
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst><si><t>&a;</t></si></sst>',
        },
      },
    );
    expect(() => workbookTable(bytes)).toThrow(WorkbookError);
  });

  it('reads nothing right of column 1024 (a cell at XFD1 does not make a 16,384-cell row)', () => {
    const bytes = workbook({
      S: '<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="XFD1"><v>1</v></c></row>',
    });
    const t = workbookTable(bytes);
    expect(t.headers).toEqual(['Date']);
    expect(t.issues[0]!.message).toMatch(/right of column AMJ were not read/);
  });
});
