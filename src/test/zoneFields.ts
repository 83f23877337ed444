/**
 * Tests' independent reading of a zone's calendar: year (extended through the era: 1 BC is year 0), month, day,
 * hour, minute and second at an instant, from Intl's parts rather than through the app's time module.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function zoneFields(zone: string, t: number): number[] {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const y = Number(parts.year);
  return [
    String(parts.era).startsWith('B') ? 1 - y : y,
    Number(parts.month),
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  ];
}
