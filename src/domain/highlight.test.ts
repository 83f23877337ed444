import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldCase, HIGHLIGHT_LIMITS, highlightSegments } from './highlight';

const marked = (text: string, terms: string[], limits = HIGHLIGHT_LIMITS) =>
  highlightSegments(text, terms, limits)
    .filter((s) => s.match)
    .map((s) => s.text);

describe('highlightSegments on hostile input', () => {
  it('takes a search term of 50,000 characters from the data without a regular expression', () => {
    const word = 'x'.repeat(50_000);
    const text = `more ${word} and more`;
    const segs = highlightSegments(text, [word, 'more']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['more', 'x'.repeat(19_995)]);
    const short = 'y'.repeat(15_000);
    expect(highlightSegments(short, [short])).toEqual([{ text: short, match: true }]);
  });

  it('marks a match that runs past the searched part up to its end', () => {
    const word = `x${'y'.repeat(45_000)}`;
    const segs = highlightSegments(`Long ${word}`, [word], { ...HIGHLIGHT_LIMITS, maxChars: 300 });
    expect(segs[0]).toEqual({ text: 'Long ', match: false });
    expect(segs[1]).toEqual({ text: `x${'y'.repeat(294)}`, match: true });
    expect(segs.map((s) => s.text).join('')).toBe(`Long ${word}`);
  });

  it('marks at most maxMarks matches in a row and keeps the rest as plain text', () => {
    const text = 'a '.repeat(50_000);
    const segs = highlightSegments(text, ['a']);
    expect(segs.filter((s) => s.match)).toHaveLength(HIGHLIGHT_LIMITS.maxMarks);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.length).toBeLessThanOrEqual(2 * HIGHLIGHT_LIMITS.maxMarks + 1);
  });

  it('searches only the first maxChars characters', () => {
    const text = `${'b'.repeat(100)}needle`;
    expect(marked(text, ['needle'], { ...HIGHLIGHT_LIMITS, maxChars: 50 })).toEqual([]);
    expect(marked(text, ['needle'])).toEqual(['needle']);
  });

  it('looks for at most maxTerms terms, the longest first', () => {
    const terms = Array.from({ length: 10 }, (_, i) => `t${'x'.repeat(i)}`);
    expect(marked('tx txxxxxxxxx', terms, { ...HIGHLIGHT_LIMITS, maxTerms: 2 })).toEqual([
      'txxxxxxxxx',
    ]);
  });

  it('treats regular-expression characters as text and keeps offsets through case folding', () => {
    expect(marked('(a+)* [b] İstanbul x', ['(a+)*', '[b]', 'x'])).toEqual(['(a+)*', '[b]', 'x']);
    expect(foldCase('İA').length).toBe(2);
  });

  it('never loses or reorders text, for any text and terms', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }),
        (t, terms) => {
          const segs = highlightSegments(t, terms);
          expect(segs.map((s) => s.text).join('')).toBe(t);
          for (const s of segs)
            if (s.match) expect(terms.map((x) => foldCase(x.trim()))).toContain(foldCase(s.text));
        },
      ),
    );
  });
});
