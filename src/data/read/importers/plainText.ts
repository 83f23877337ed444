const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? parseInt(code.slice(2), 16)
          : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[code.toLowerCase()] ?? m;
  });
}

export interface PlainText {
  text: string;
  links: { title: string; url: string }[];
}

/**
 * HTML (as TimelineJS stores text) to plain text, without a DOM (it runs in the loader worker): tags dropped,
 * block ends become line breaks, entities decoded, and every link kept as {title, url}. Nothing is ever parsed as
 * markup by the page.
 */
export function htmlToPlainText(html: string): PlainText {
  const links: PlainText['links'] = [];
  const withLinks = html.replace(
    /<a\b[^>]*?href\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi,
    (_m, _q, d, s, u, inner: string) => {
      const url = decodeEntities(String(d ?? s ?? u ?? '').trim());
      const title = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
      if (url) links.push({ title: title || url, url });
      return inner;
    },
  );
  const text = decodeEntities(
    withLinks
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, links };
}
