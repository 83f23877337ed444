/** What the PNG says about itself, above the picture: the dataset, the view and where it came from. */
export interface PngCaption {
  title: string;
  lines: string[];
}

const PAD = 16;
const TITLE_PX = 18;
const LINE_PX = 13;
const GAP = 6;

/** Shortens a line to fit a width, with an ellipsis. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/**
 * The timeline as a PNG: the element as drawn on screen (html-to-image renders it through an SVG image, so no
 * dataset text ever becomes markup), under a caption drawn as canvas text. html-to-image loads on first use only.
 */
export async function timelinePng(element: HTMLElement, caption: PngCaption): Promise<Blob> {
  const { toCanvas } = await import('html-to-image');
  const style = getComputedStyle(document.documentElement);
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  const foreground = style.color || '#111111';
  const ratio = 2;
  // Scrollable panels would be drawn with classic scrollbars in the image; while capturing they only clip.
  element.classList.add('cs-capturing');
  let picture: HTMLCanvasElement;
  try {
    picture = await toCanvas(element, {
      pixelRatio: ratio,
      backgroundColor: background,
      skipFonts: true,
      cacheBust: false,
    });
  } finally {
    element.classList.remove('cs-capturing');
  }
  const header = (PAD * 2 + TITLE_PX + caption.lines.length * (LINE_PX + GAP)) * ratio;
  const out = document.createElement('canvas');
  out.width = picture.width;
  out.height = picture.height + header;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw a PNG (no 2D canvas).');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(ratio, ratio);
  const width = out.width / ratio - PAD * 2;
  ctx.fillStyle = foreground;
  ctx.textBaseline = 'top';
  ctx.font = `600 ${TITLE_PX}px system-ui, sans-serif`;
  ctx.fillText(fit(ctx, caption.title, width), PAD, PAD);
  ctx.font = `${LINE_PX}px system-ui, sans-serif`;
  caption.lines.forEach((line, i) =>
    ctx.fillText(fit(ctx, line, width), PAD, PAD + TITLE_PX + GAP + i * (LINE_PX + GAP)),
  );
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(picture, 0, header);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))),
      'image/png',
    ),
  );
}
