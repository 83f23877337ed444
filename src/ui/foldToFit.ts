/**
 * How many of a row's foldable items (in their order) stay in the row: all of them when they fit in `room`,
 * otherwise the longest prefix that fits beside the menu button that holds the rest. `gap` is the space before
 * each item; an item that does not fit folds together with every item after it, so the order stays stable.
 */
export function fitCount(
  widths: readonly number[],
  room: number,
  gap: number,
  menuWidth: number,
): number {
  let total = 0;
  for (const w of widths) total += w + gap;
  if (total <= room) return widths.length;
  const left = room - (menuWidth + gap);
  let used = 0;
  let n = 0;
  while (n < widths.length && used + widths[n]! + gap <= left) used += widths[n++]! + gap;
  return n;
}
