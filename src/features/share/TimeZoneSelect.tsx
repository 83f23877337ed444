import { memo, useCallback, useEffect, useId, useState } from 'react';
import { browserZone, canonicalZone, listedZoneName } from '../../domain/time';
import { updateView } from '../../url/useViewState';

/** The zones analysts of this tool read most, listed first. */
export const COMMON_ZONES = [
  'Europe/Kyiv',
  'Europe/Moscow',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Asia/Jerusalem',
  'Asia/Damascus',
  'Asia/Tehran',
  'Asia/Riyadh',
  'Asia/Dubai',
  'Asia/Kabul',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Taipei',
  'Asia/Pyongyang',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** Every zone the browser knows, by its current name (Europe/Kyiv, not Europe/Kiev), common ones first. */
export function zoneList(): string[] {
  let all: string[] = [];
  try {
    all = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf(
      'timeZone',
    );
  } catch {
    // An engine without the list still offers the common zones and takes any typed name.
  }
  const current = all.map(listedZoneName).filter((z) => z !== 'utc');
  return [...new Set([...COMMON_ZONES, ...[...current].sort()])];
}

/** What the field shows for a zone choice. */
function shown(tz: string): string {
  return tz === 'utc' ? 'UTC' : tz === 'local' ? 'Browser' : tz;
}

/**
 * The zone typed or picked: a zone name in any case, old or current (Europe/Kiev), UTC, "Browser", or a place
 * that ends exactly one zone name ("kyiv", "new york"); undefined when it names none.
 */
export function zoneFromText(text: string, zones: readonly string[]): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^browser\b/i.test(t) || t === 'local') return 'local';
  const named = canonicalZone(t);
  if (named !== undefined) return named;
  const place = t.replace(/\s+/g, '_').toLowerCase();
  const hits = zones.filter((z) => z.toLowerCase().split('/').pop() === place);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * UTC, the browser's zone, or any IANA zone: changes how the axis and every date read. A field with the zones as
 * suggestions (type any part of a name: "kol" finds Asia/Kolkata), the common analyst zones first. Memoised: the
 * header re-renders on every view change. The zone list and the name of the browser's zone are filled in when
 * the page is idle or the field is first touched: the name takes an ICU date format, the page's first of which
 * is slow, and would fall in the header's first render.
 */
export const TimeZoneSelect = memo(function TimeZoneSelect({ tz }: { tz: string }) {
  const listId = useId();
  const [zones, setZones] = useState<string[] | undefined>(undefined);
  // What the analyst is typing; undefined shows the current zone (which a link or Back may change).
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [invalid, setInvalid] = useState(false);
  const fill = useCallback(() => setZones((z) => z ?? zoneList()), []);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return fill();
    const id = requestIdleCallback(fill, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [fill]);
  const commit = (value: string) => {
    const zone = zoneFromText(value, zones ?? COMMON_ZONES);
    if (zone === undefined) {
      setInvalid(value.trim() !== '');
      if (value.trim() === '') setDraft(undefined);
      return;
    }
    setInvalid(false);
    setDraft(undefined);
    if (zone !== tz) updateView({ tz: zone });
  };

  return (
    <label className="cs-tz">
      <span className="cs-visually-hidden">Time zone</span>
      <input
        type="text"
        aria-label="Time zone"
        aria-invalid={invalid || undefined}
        title={invalid ? 'Unknown time zone: pick one from the list' : 'Time zone'}
        list={listId}
        spellCheck={false}
        autoComplete="off"
        value={draft ?? shown(tz)}
        onFocus={(e) => {
          fill();
          e.currentTarget.select();
        }}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          // A pick from the suggestions arrives as the whole name: apply it at once.
          if (value === 'UTC' || value.startsWith('Browser') || zones?.includes(value))
            commit(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setDraft(undefined);
            setInvalid(false);
          }
        }}
        onBlur={(e) => commit(e.currentTarget.value)}
      />
      <datalist id={listId}>
        <option value="UTC" />
        <option value={zones ? `Browser (${browserZone()})` : 'Browser'} />
        {zones?.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </label>
  );
});
