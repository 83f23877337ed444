// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseIngestArgs, UsageError } from './ingest';
import { copyText, pgText } from './rows';

describe('parseIngestArgs', () => {
  it('reads the file, the id and the options', () => {
    expect(
      parseIngestArgs([
        'data.csv',
        '--id',
        'acled-2024',
        '--title',
        'ACLED',
        '--fmt',
        'acled',
        '--public',
      ]),
    ).toEqual({
      source: 'data.csv',
      id: 'acled-2024',
      title: 'ACLED',
      format: 'acled',
      public: true,
    });
    expect(
      parseIngestArgs(['x.csv', '--id', 'x', '--map', '{"date":"when","title":"what"}']).mapping,
    ).toMatchObject({ date: 'when', title: 'what' });
  });

  it.each([
    [['--id', 'x'], /Which file/],
    [['x.json'], /--id is required/],
    [['x.json', '--id', 'Bad Id'], /not allowed/],
    [['x.json', '--id', '../etc'], /not allowed/],
    [['x.json', '--id', 'x', '--fmt', 'xml'], /Unknown format/],
    [['x.json', '--id', 'x', '--map', '{'], /not a column mapping/],
    [['x.json', '--id', 'x', '--nope'], /Unknown option/],
    [['x.json', 'y.json', '--id', 'x'], /One file/],
    [['x.json', '--id'], /needs a value/],
  ])('refuses %j with a sentence', (argv, message) => {
    expect(() => parseIngestArgs(argv)).toThrow(UsageError);
    expect(() => parseIngestArgs(argv)).toThrow(message);
  });
});

describe('COPY text', () => {
  it('escapes what COPY reads specially and writes null as \\N', () => {
    expect(copyText('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyText(undefined)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('stores U+0000, which PostgreSQL text cannot hold, as U+FFFD', () => {
    expect(pgText('a\u0000b')).toBe('a\ufffdb');
    expect(copyText('\u0000')).toBe('\ufffd');
  });
});
