import { describeFilters, type Filters } from '../../domain/filters';
import { exportFileName } from '../../domain/exportView';
import { formatCount } from '../../domain/formatCount';
import { formatInstant } from '../../domain/formatDate';
import { mapCommands } from '../../state/mapCommands';
import { timelineCommands } from '../../state/timelineCommands';
import { downloadBlob } from '../../ui/download';
import { linkTo } from './copyLink';
import { timelinePng } from './timelinePng';

/** What the timeline's PNG says of the dataset and the view, beside the picture. */
export interface ImageSubject {
  title: string;
  attribution?: string;
  /** The matching events and the dataset's, when known. */
  count?: number;
  total: number;
  view: Filters & { tz: string };
  name(entityId: string): string;
}

/**
 * Saves the mounted timeline as a PNG under a caption (the dataset, the count and filters, the window, the view's
 * link, the credit); says what happened. Either workspace's timeline: both register their commands.
 */
export async function saveTimelinePng(subject: ImageSubject, say: (m: string) => void) {
  const tl = timelineCommands();
  const element = tl?.element();
  if (!tl || !element) {
    say('The timeline is not shown, so there is nothing to draw.');
    return;
  }
  try {
    const now = new Date();
    const w = tl.window();
    const { view, count, total } = subject;
    const filters = describeFilters(view, subject.name);
    const counted =
      count === undefined
        ? `${formatCount(total)} events`
        : `${formatCount(count)} of ${formatCount(total)} events`;
    const blob = await timelinePng(element, {
      title: subject.title,
      lines: [
        `${counted}${filters.length ? ` · ${filters.join(' · ')}` : ''}`,
        `${formatInstant(w.start, 'minute', view.tz)} – ${formatInstant(w.end, 'minute', view.tz)}`,
        linkTo(),
        `Chronoscope, ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC${subject.attribution ? ` · ${subject.attribution}` : ''}`,
      ],
    });
    downloadBlob(exportFileName(subject.title, now, 'png'), blob);
    say('Timeline image saved');
  } catch (e) {
    say(`The image could not be made: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Saves the open map as a PNG; says what happened. */
export async function saveMapPng(title: string, say: (m: string) => void) {
  const map = mapCommands();
  if (!map) return say('The map is not open, so there is nothing to draw.');
  try {
    downloadBlob(exportFileName(`${title} map`, new Date(), 'png'), await map.png());
    say('Map image saved');
  } catch (e) {
    say(`The map image could not be made: ${e instanceof Error ? e.message : String(e)}`);
  }
}
