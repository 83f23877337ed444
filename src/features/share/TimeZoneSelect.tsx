import { memo, useMemo } from 'react';
import { updateView } from '../../url/useViewState';

/**
 * UTC, the browser's zone, or any IANA zone: changes how the axis and every date read. Memoised: the header
 * re-renders on every view change, the ~400 zone options only when the zone changes.
 */
export const TimeZoneSelect = memo(function TimeZoneSelect({ tz }: { tz: string }) {
  const zones = useMemo(() => {
    try {
      return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf(
        'timeZone',
      );
    } catch {
      return [] as string[];
    }
  }, []);
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <label className="cs-tz">
      <span className="cs-visually-hidden">Time zone</span>
      <select
        aria-label="Time zone"
        value={tz}
        onChange={(e) => updateView({ tz: e.target.value })}
      >
        <option value="utc">UTC</option>
        <option value="local">Browser ({local})</option>
        {!zones.includes(tz) && tz !== 'utc' && tz !== 'local' && <option value={tz}>{tz}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </label>
  );
});
