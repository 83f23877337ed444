/**
 * A count with thousands separators, as `n.toLocaleString('en')` writes it (property-tested against it), without
 * ICU: the browser's first locale-aware number format loads locale data, which would fall in the page's first script.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return n.toLocaleString('en');
  const abs = Math.abs(n);
  const rounded = Number.isInteger(abs) ? abs : Math.round(abs * 1000) / 1000;
  if (rounded >= 1e21) return n.toLocaleString('en');
  const [whole = '0', fraction] = rounded.toString().split('.');
  let grouped = '';
  for (let i = whole.length; i > 0; i -= 3) {
    grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? `,${grouped}` : '');
  }
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}
