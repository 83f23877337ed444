import { failure, type LoadFailure } from './loadFailure';

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: LoadFailure };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** JSON.parse with a message that names line and column, whatever the engine's wording. */
export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(raw);
    const pos = /position (\d+)/.exec(raw);
    const where = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : lineColumn(text, pos ? Number(pos[1]) : text.length);
    const truncated = !pos && !lc && /end of (JSON )?(input|data)|Unterminated/i.test(raw);
    const message = truncated
      ? `The file is not valid JSON: it ends too early (line ${where.line}, column ${where.column}); it may be truncated.`
      : `The file is not valid JSON: syntax error at line ${where.line}, column ${where.column}.`;
    return { ok: false, error: failure('syntax', message, raw) };
  }
}
