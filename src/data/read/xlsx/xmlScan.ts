import { WorkbookError } from './zipArchive';

/** Attributes of one element, by local name (prefix dropped), in a null-prototype record. */
export type Attributes = Record<string, string>;

export interface XmlHandler {
  open?(name: string, attributes: Attributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character references and the five predefined entities; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

const localName = (qualified: string) => {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
};

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Reads `name="value"` pairs by index, not by regular expression, so no input can make it backtrack. The record has
 * no prototype, so a plain assignment of any name (even `__proto__`) is an own property.
 */
function readAttributes(s: string): Attributes {
  const out = Object.create(null) as Attributes;
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < s.length && isSpace(s.charCodeAt(q))) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") break;
    const end = s.indexOf(quote, q + 1);
    if (end < 0) break;
    out[localName(name)] = decodeEntities(s.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

/** The `>` that ends a tag, outside quoted attribute values; -1 when the text ends first. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/**
 * A small, forgiving scan of XML as spreadsheet programs write it: elements with their attributes, and text. It
 * never expands a document type or custom entity (a DOCTYPE is refused: workbooks have none, and it is the door
 * to entity bombs), reads CDATA as text, skips comments and processing instructions, and stops quietly at a
 * truncated end (a preview reads only the start of a part). Element names lose their namespace prefix.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && handler.text) handler.text(decodeEntities(xml.slice(i, textEnd)));
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return;
      handler.text?.(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      throw new WorkbookError(
        'The workbook holds an XML document type, which workbooks never need; it is not read.',
      );
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) return;
      i = end + 2;
    } else {
      const gt = tagEnd(xml, lt + 1);
      if (gt < 0) return;
      const inner = xml.slice(lt + 1, gt);
      i = gt + 1;
      if (inner.startsWith('/')) {
        handler.close?.(localName(inner.slice(1).trim()));
        continue;
      }
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const space = body.search(/\s/);
      const name = localName(space < 0 ? body : body.slice(0, space));
      handler.open?.(
        name,
        space < 0 ? (Object.create(null) as Attributes) : readAttributes(body.slice(space)),
        selfClosing,
      );
      if (selfClosing) handler.close?.(name);
    }
  }
}
