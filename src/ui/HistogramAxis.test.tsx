import { render } from '@testing-library/react';
import { expect, it } from 'vitest';
import { HistogramAxis } from './HistogramSvg';

it('names each year where it begins: "2022" stands at 1 Jan 2022, not where the bars of late 2021 are', () => {
  const range = { start: Date.parse('2013-08-08T12:00Z'), end: Date.parse('2023-08-19T12:00Z') };
  const { container } = render(<HistogramAxis range={range} tz="utc" />);
  const labels = [...container.querySelectorAll('span')].map((s) => [
    s.textContent,
    parseFloat(s.style.left),
  ]);
  const at = (iso: string) => (100 * (Date.parse(iso) - range.start)) / (range.end - range.start);
  expect(labels.map(([t]) => t)).toEqual(['2014', '2016', '2018', '2020', '2022']);
  for (const [text, left] of labels)
    expect(left).toBeCloseTo(at(`${String(text)}-01-01T00:00Z`), 1);
});

it("in a zone, a day begins at that zone's midnight", () => {
  const range = { start: Date.parse('2022-03-01T06:00Z'), end: Date.parse('2022-03-05T06:00Z') };
  const { container } = render(<HistogramAxis range={range} tz="Asia/Kolkata" />);
  const first = container.querySelector('span')!;
  expect(first.textContent).toBe('2 Mar 2022');
  const at = (100 * (Date.parse('2022-03-01T18:30Z') - range.start)) / (range.end - range.start);
  expect(parseFloat(first.style.left)).toBeCloseTo(at, 1);
});

it('names the far past in years, at even places, where the calendar cannot be drawn', () => {
  const { container } = render(<HistogramAxis range={{ start: -1e17, end: 0 }} tz="utc" />);
  const labels = [...container.querySelectorAll('span')].map((s) => s.textContent);
  expect(labels).toHaveLength(4);
  expect(labels[0]).toMatch(/BCE$/);
});
