import { entityName, type DatasetIndex } from '../../domain/buildIndex';
import { formatEventDate } from '../../domain/formatDate';
import type { PlannedItem } from '../../domain/levelOfDetail';
import { clipText } from '../../domain/clipText';
import { formatCount } from '../../domain/formatCount';
import { formatMeasure, measureAmount, type Measure } from '../../domain/measures';
import { isAddedId } from '../../domain/addedEvents';

/**
 * Item, group and tooltip content as DOM nodes built with textContent: no dataset string is ever parsed as HTML
 * (vis-timeline's own xss filter stays on as a backstop, see TOOLCHAIN.md).
 */
function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const MAX_LABEL = 120;
const clip = (s: string) => clipText(s, MAX_LABEL);

export function itemElement(
  item: PlannedItem,
  index: DatasetIndex,
  tz: string,
  measure?: Measure,
): HTMLElement {
  if (item.kind === 'bucket') {
    // The number is what fits in a narrow bucket; the word stays for screen readers and copy-paste.
    if (measure && item.sum !== undefined) {
      const root = el('span', 'cs-bucket-label', formatMeasure(item.sum));
      root.append(el('span', 'cs-visually-hidden', ` ${measure.unit}`));
      return root;
    }
    const root = el('span', 'cs-bucket-label', formatCount(item.count));
    root.append(el('span', 'cs-visually-hidden', ` event${item.count === 1 ? '' : 's'}`));
    return root;
  }

  const e = index.events.at(item.position)!;
  const root = el('span', 'cs-item-label');
  // The map and the list find the item of the event they hover by its position.
  root.dataset.pos = String(item.position);
  if (isAddedId(e.id)) {
    root.classList.add('is-added');
    root.append(el('span', 'cs-item-added', '+'), el('span', 'cs-visually-hidden', 'Added: '));
  }
  if (item.shape === 'uncertain')
    root.append(el('span', 'cs-item-precision', `${formatEventDate(e, tz)} · `));
  root.append(el('span', 'cs-item-title', clip(e.title)));
  return root;
}

export function tooltipElement(
  item: PlannedItem,
  index: DatasetIndex,
  tz: string,
  measure?: Measure,
): HTMLElement {
  const root = el('div', 'cs-tooltip');
  const events = (n: number) => `${formatCount(n)} event${n === 1 ? '' : 's'}`;
  if (item.kind === 'bucket') {
    if (measure && item.sum !== undefined) {
      root.append(el('strong', '', measureAmount(measure, item.sum)));
      root.append(el('div', '', `in ${events(item.count)}`));
    } else root.append(el('strong', '', events(item.count)));
    root.append(el('div', '', 'Click to zoom in'));
    return root;
  }
  const e = index.events.at(item.position)!;
  root.append(el('strong', 'cs-tooltip-title', clip(e.title)));
  root.append(el('div', 'cs-tooltip-date', formatEventDate(e, tz)));
  if (e.actors.length > 0) {
    const names = e.actors.slice(0, 20).map((id) => clip(entityName(index, id)));
    root.append(el('div', 'cs-tooltip-actors', clip(names.join(', '))));
  }
  if (measure) {
    const v = measure.values[item.position]!;
    root.append(
      el(
        'div',
        'cs-tooltip-measure',
        `${clip(measure.name)}: ${Number.isNaN(v) ? 'no value' : formatMeasure(v)}`,
      ),
    );
  }
  return root;
}

export function groupElement(label: string, count: number, kind: string): HTMLElement {
  const root = el('span', `cs-lane cs-lane-${kind}`);
  // The label is cut to the lane's width on screen; the whole name is on hover and in the text a screen reader
  // reads ("Government of Ukraine, 3,876 events").
  root.title = `${clip(label)} (${formatCount(count)} events)`;
  root.append(el('span', 'cs-lane-name', clip(label)));
  root.append(el('span', 'cs-visually-hidden', ', '));
  root.append(el('span', 'cs-lane-count', formatCount(count)));
  root.append(el('span', 'cs-visually-hidden', ' events'));
  return root;
}

export function periodElement(label: string): HTMLElement {
  return el('span', 'cs-period-label', clip(label));
}
