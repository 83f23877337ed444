import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMON_ZONES, TimeZoneSelect, zoneFromText, zoneList } from './TimeZoneSelect';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the zone list', () => {
  const zones = zoneList();
  it('offers current names only, common analyst zones first', () => {
    expect(zones.slice(0, COMMON_ZONES.length)).toEqual(COMMON_ZONES);
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Europe/Kiev');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it.each([
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['kyiv', 'Europe/Kyiv'],
    ['New York', 'America/New_York'],
    ['UTC', 'utc'],
    ['Browser (Europe/Paris)', 'local'],
    ['Pacific/Apia', 'Pacific/Apia'],
    ['Narnia', undefined],
  ])('reads "%s" as %s', (text, zone) => expect(zoneFromText(text, zones)).toBe(zone));
});

describe('TimeZoneSelect', () => {
  it('applies a typed zone by its current name, and says when a name is unknown', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<TimeZoneSelect tz="utc" />);
    const field = screen.getByRole('combobox', { name: 'Time zone' });
    expect(field).toHaveValue('UTC');
    await user.clear(field);
    await user.type(field, 'Narnia{Enter}');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(new URLSearchParams(window.location.search).get('tz')).toBeNull();
    await user.clear(field);
    await user.type(field, 'europe/kiev{Enter}');
    expect(new URLSearchParams(window.location.search).get('tz')).toBe('Europe/Kyiv');
    rerender(<TimeZoneSelect tz="Europe/Kyiv" />);
    expect(field).toHaveValue('Europe/Kyiv');
    expect(field).not.toHaveAttribute('aria-invalid');
  });
});
