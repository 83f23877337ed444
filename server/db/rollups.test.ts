// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../src/domain/filters';
import { rollupTerms, singleWord } from './rollups';
import { ROLLUP_DIM } from './schema';

describe('singleWord: which text queries a word rollup answers', () => {
  it.each([
    ['one query word resolving to one indexed word', [[7]], [], 7],
    ['one query word resolving to two (convoy: convoy, convoys)', [[7, 8]], [], undefined],
    ['two query words (an intersection)', [[7], [9]], [], undefined],
    ['the same word twice', [[7], [7]], [], undefined],
    ['a quoted phrase', [[7]], ['convoy'], undefined],
    ['no word found', [[]], [], undefined],
    ['no query word', [], [], undefined],
  ])('%s', (_, codes, phrases, expected) => {
    expect(singleWord({ codes, phrases })).toBe(expected);
  });
});

describe('rollupTerms with text', () => {
  it('a text filter alone, standing for one word, is that word’s rollup key', () => {
    expect(rollupTerms(['text'], EMPTY_FILTERS, [], [], { word: 12 }, 0)).toEqual([
      { dim: ROLLUP_DIM.word, codes: [12], sign: 1 },
    ]);
  });
  it('text that stands for no single word, or text with another filter, scans', () => {
    expect(rollupTerms(['text'], EMPTY_FILTERS, [], [], {}, 0)).toBeUndefined();
    expect(rollupTerms(['text', 'type'], EMPTY_FILTERS, [], [], { word: 12, type: [1] }, 0)).toBe(
      undefined,
    );
    expect(rollupTerms(['date', 'text'], EMPTY_FILTERS, [], [], { word: 12 }, 0)).toBeUndefined();
  });
});
