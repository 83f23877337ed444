import { memo, useCallback, useEffect, useState } from 'react';
import { browserZone } from '../../domain/time';
import { updateView } from '../../url/useViewState';

function ianaZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf(
      'timeZone',
    );
  } catch {
    return [];
  }
}

/**
 * UTC, the browser's zone, or any IANA zone: changes how the axis and every date read. Memoised: the header
 * re-renders on every view change, the ~400 zone options only when the zone changes. The zone list (30 ms to ask
 * the browser for and draw) and the name of the browser's zone are filled in when the page is idle or the select
 * is first touched: the name takes an ICU date format, the page's first of which cost 15-57 ms in the header's
 * first render.
 */
export const TimeZoneSelect = memo(function TimeZoneSelect({ tz }: { tz: string }) {
  const [zones, setZones] = useState<string[] | undefined>(undefined);
  const fill = useCallback(() => setZones((z) => z ?? ianaZones()), []);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return fill();
    const id = requestIdleCallback(fill, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [fill]);
  const local = zones ? ` (${browserZone()})` : '';
  return (
    <label className="cs-tz">
      <span className="cs-visually-hidden">Time zone</span>
      <select
        aria-label="Time zone"
        value={tz}
        onChange={(e) => updateView({ tz: e.target.value })}
        onFocus={fill}
        onPointerDown={fill}
      >
        <option value="utc">UTC</option>
        <option value="local">Browser{local}</option>
        {!zones?.includes(tz) && tz !== 'utc' && tz !== 'local' && <option value={tz}>{tz}</option>}
        {zones?.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </label>
  );
});
