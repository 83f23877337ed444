/**
 * How far to move a count bucket's label from the middle of its bucket so that it sits in the middle of the part
 * on screen, staying inside the bucket: a bucket cut by the canvas's edge is read by its number, not cut with it.
 * `hidden` where too little of it shows for the whole number (a cut "1,204" would read as another number).
 * Pixels along the axis; `box` is the bucket, `visible` the canvas.
 */
export function bucketLabelShift(
  box: { left: number; right: number },
  visible: { left: number; right: number },
  labelWidth: number,
): number | 'hidden' {
  const room = (box.right - box.left - labelWidth) / 2;
  if (room <= 0) return 0;
  const left = Math.max(box.left, visible.left);
  const right = Math.min(box.right, visible.right);
  if (right <= left) return 0;
  if (right - left < labelWidth) return 'hidden';
  const shift = (left + right) / 2 - (box.left + box.right) / 2;
  return Math.round(Math.max(-room, Math.min(room, shift)));
}

/**
 * Puts each drawn bucket's label in the part of its bucket on screen (after vis-timeline's redraw): every size is
 * read first, then every label moved, so the pass costs one layout.
 */
export function fitBucketLabels(root: HTMLElement): void {
  const canvas = root.querySelector('.vis-panel.vis-center');
  const labels = root.querySelectorAll<HTMLElement>('.vis-item.cs-bucket .cs-bucket-label');
  if (!canvas || labels.length === 0) return;
  const visible = canvas.getBoundingClientRect();
  const shifts = Array.from(labels, (label) => {
    const box = label.closest('.vis-item')?.getBoundingClientRect();
    return box ? bucketLabelShift(box, visible, label.offsetWidth) : 0;
  });
  labels.forEach((label, i) => {
    const shift = shifts[i];
    const t = typeof shift === 'number' && shift !== 0 ? `translateX(${shift}px)` : '';
    if (label.style.transform !== t) label.style.transform = t;
    const v = shift === 'hidden' ? 'hidden' : '';
    if (label.style.visibility !== v) label.style.visibility = v;
  });
}
