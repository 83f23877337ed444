import { Inflate } from 'fflate';

export { isCompoundFile, isZip } from './magic';

/** A workbook that cannot be read, with the sentence the analyst sees. */
export class WorkbookError extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const END_RECORD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** Entries read from a central directory at most (a workbook has tens). */
const MAX_ENTRIES = 10_000;
/** Compressed bytes handed to the inflater at a time: what one push can expand to stays near 1 MB past the budget. */
const PUSH_BYTES = 1024;

/**
 * A zip archive read from its central directory, whose entries are unpacked one at a time against one budget of
 * unpacked bytes shared by the whole archive: a zip bomb stops at the budget, whatever its headers claim. Only
 * stored and deflated entries are read (what every spreadsheet program writes); encrypted ones are refused.
 */
export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  private readonly view: DataView;
  private spent = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = this.findEndRecord();
    const count = this.view.getUint16(end + 10, true);
    let at = this.view.getUint32(end + 16, true);
    if (count === 0xffff || at === 0xffffffff)
      throw new WorkbookError('The workbook is a ZIP64 archive, which Chronoscope does not read.');
    let declared = 0;
    for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
      if (at + 46 > bytes.length || this.view.getUint32(at, true) !== CENTRAL_ENTRY)
        throw new WorkbookError('The workbook is damaged: its table of contents is cut short.');
      const nameLength = this.view.getUint16(at + 28, true);
      const extra = this.view.getUint16(at + 30, true);
      const comment = this.view.getUint16(at + 32, true);
      if (at + 46 + nameLength > bytes.length)
        throw new WorkbookError('The workbook is damaged: its table of contents is cut short.');
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (!this.entries.has(name))
        this.entries.set(name, {
          name,
          flags: this.view.getUint16(at + 8, true),
          method: this.view.getUint16(at + 10, true),
          compressedSize: this.view.getUint32(at + 20, true),
          localOffset: this.view.getUint32(at + 42, true),
        });
      declared += this.view.getUint32(at + 24, true);
      at += 46 + nameLength + extra + comment;
    }
    // An honest bomb says what it unpacks to; a lying one is stopped while it unpacks (read).
    if (declared > budget) throw this.overBudget();
  }

  /** The end-of-central-directory record, searched backwards over the largest comment a zip may carry. */
  private findEndRecord(): number {
    const min = Math.max(0, this.bytes.length - 22 - 0xffff);
    for (let at = this.bytes.length - 22; at >= min; at--)
      if (this.view.getUint32(at, true) === END_RECORD) return at;
    throw new WorkbookError(
      'The file starts like a ZIP archive but has no table of contents: it is cut short or damaged.',
    );
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * An entry unpacked, or undefined when the archive has none by that name. `limit` stops early (a preview needs
   * only the start of a sheet): the result is then the first `limit` bytes or a little more.
   */
  read(name: string, limit = Infinity): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new WorkbookError('The workbook is password-protected.');
    const at = e.localOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== LOCAL_ENTRY)
      throw new WorkbookError(`The workbook is damaged: its part ${name} cannot be found.`);
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, Math.min(this.bytes.length, start + e.compressedSize));
    if (data.length < e.compressedSize)
      throw new WorkbookError(`The workbook is cut short: its part ${name} is incomplete.`);
    if (e.method === 0) return this.charge(data.slice(0, Math.min(data.length, limit)));
    if (e.method !== 8)
      throw new WorkbookError(
        `The workbook's part ${name} is compressed in a way Chronoscope does not read.`,
      );
    return this.inflate(data, name, limit);
  }

  private charge<T extends Uint8Array>(out: T): T {
    this.spent += out.length;
    if (this.spent > this.budget) throw this.overBudget();
    return out;
  }

  private overBudget(): WorkbookError {
    return new WorkbookError(
      `The workbook unpacks to more than ${Math.round(this.budget / 2 ** 20)} MB, past what Chronoscope opens (it may be a zip bomb).`,
    );
  }

  private inflate(data: Uint8Array, name: string, limit: number): Uint8Array {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const STOP = {};
    const inflater = new Inflate((chunk, final) => {
      chunks.push(chunk);
      size += chunk.length;
      this.spent += chunk.length;
      if (this.spent > this.budget) throw this.overBudget();
      if (final) done = true;
      else if (size >= limit) throw STOP;
    });
    try {
      for (let i = 0; i < data.length && !done; i += PUSH_BYTES)
        inflater.push(data.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= data.length);
    } catch (e) {
      if (e !== STOP) {
        if (e instanceof WorkbookError) throw e;
        throw new WorkbookError(`The workbook is damaged: its part ${name} cannot be unpacked.`);
      }
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }
}
