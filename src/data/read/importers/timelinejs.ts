import type { RawDocument } from '../../../domain/normalise';
import { parseIsoDate } from '../../../domain/dates';
import type { Period, ValidationIssue } from '../../../domain/types';
import { htmlToPlainText } from './plainText';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A TimelineJS date object ({year, month, day, hour, minute, second, millisecond}) as ISO 8601 of its precision. */
export function timelineJsDate(d: unknown): string | undefined {
  if (!isRec(d)) return undefined;
  const year = str(d.year).trim();
  if (!/^-?\d+$/.test(year)) return undefined;
  const y = Number(year);
  let iso =
    y >= 0 && y <= 9999
      ? String(y).padStart(4, '0')
      : `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}`;
  const parts: [unknown, number][] = [
    [d.month, 2],
    [d.day, 2],
    [d.hour, 2],
    [d.minute, 2],
    [d.second, 2],
  ];
  const seps = ['-', '-', 'T', ':', ':'];
  for (let k = 0; k < parts.length; k++) {
    const v = str(parts[k]![0]).trim();
    if (!/^\d+$/.test(v)) break;
    iso += seps[k] + v.padStart(2, '0');
  }
  if (iso.includes('T') && !/T\d\d:/.test(iso)) iso += ':00';
  const ms = str(d.millisecond).trim();
  if (/^\d+$/.test(ms) && /:\d\d:\d\d$/.test(iso)) iso += `.${ms.padStart(3, '0')}`;
  if (iso.includes('T')) iso += 'Z';
  return iso;
}

/** Converts a TimelineJS3 JSON document: headlines, HTML text to plain text with links kept as sources, eras as periods. */
export function importTimelineJs(value: unknown): { doc: RawDocument; issues: ValidationIssue[] } {
  const root = isRec(value) ? value : {};
  const issues: ValidationIssue[] = [];
  const rawEvents = Array.isArray(root.events) ? root.events : [];
  const events = rawEvents.map((raw, i) => {
    if (!isRec(raw)) return raw;
    const text = isRec(raw.text) ? raw.text : {};
    const headline = htmlToPlainText(str(text.headline));
    const body = htmlToPlainText(str(text.text));
    const media = isRec(raw.media) ? raw.media : undefined;
    const sources = [...headline.links, ...body.links].map((l) => ({ title: l.title, url: l.url }));
    if (media && str(media.url).trim()) {
      sources.push({
        title: htmlToPlainText(str(media.caption)).text || 'Media',
        url: str(media.url).trim(),
        ...(str(media.credit).trim() ? { publisher: htmlToPlainText(str(media.credit)).text } : {}),
      } as never);
    }
    const start = timelineJsDate(raw.start_date);
    const end = timelineJsDate(raw.end_date);
    const title = headline.text || body.text.split('\n')[0]?.slice(0, 120) || '(untitled)';
    const other: Rec = {};
    for (const k of ['display_date', 'background', 'autolink', 'unique_id'])
      if (raw[k] !== undefined && k !== 'unique_id') other[`timelinejs_${k}`] = raw[k];
    return {
      id: str(raw.unique_id).trim() || `event-${i + 1}`,
      title,
      start: start ?? (raw.start_date === undefined ? undefined : JSON.stringify(raw.start_date)),
      ...(end ? { end } : {}),
      ...(str(raw.group).trim() ? { type: str(raw.group).trim() } : {}),
      ...(body.text ? { description: body.text } : {}),
      sources,
      ...other,
    };
  });
  const periods: Period[] = [];
  (Array.isArray(root.eras) ? root.eras : []).forEach((era, i) => {
    const s = isRec(era) ? timelineJsDate(era.start_date) : undefined;
    const e = isRec(era) ? timelineJsDate(era.end_date) : undefined;
    const ps = s ? parseIsoDate(s) : undefined;
    const pe = e ? parseIsoDate(e) : undefined;
    if (!ps?.ok || !pe?.ok) {
      issues.push({
        severity: 'warning',
        position: i + 1,
        field: 'eras',
        message: `era ${i + 1} has no readable start and end; not drawn`,
      });
      return;
    }
    const label = isRec(era) && isRec(era.text) ? htmlToPlainText(str(era.text.headline)).text : '';
    periods.push({
      id: `era-${i + 1}`,
      label: label || `Era ${i + 1}`,
      start: ps.value.start,
      end: pe.value.end,
    });
  });
  const titleSlide = isRec(root.title) && isRec(root.title.text) ? root.title.text : {};
  return {
    doc: {
      title: htmlToPlainText(str(titleSlide.headline)).text || 'TimelineJS timeline',
      description: htmlToPlainText(str(titleSlide.text)).text,
      events,
      periods,
    },
    issues,
  };
}
