import { flushWindow } from '../../url/useViewState';

/** Copies text to the clipboard; falls back to a hidden text field where the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    field.remove();
    return ok;
  }
}

/** The shareable address of a view, optionally with one event selected. */
export function linkTo(eventId?: string): string {
  flushWindow();
  const url = new URL(window.location.href);
  if (eventId !== undefined) url.searchParams.set('event', eventId);
  if (!url.searchParams.has('v') && [...url.searchParams.keys()].length > 0)
    url.searchParams.set('v', '1');
  return url.href;
}
