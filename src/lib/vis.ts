// Loaded on demand (a chunk of its own): the page starts it at once (src/main.tsx) but does not wait for it, so
// its evaluation runs while the loader worker reads the data, not before the first render.
// vis-timeline's esnext builds: no core-js polyfills (smaller bundle); peers are declared in package.json.
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import * as visTimeline from 'vis-timeline/esnext';
export { Timeline } from 'vis-timeline/esnext';
export type { TimelineOptions, TimelineItem, TimelineGroup, DateType } from 'vis-timeline/esnext';
export { DataSet } from 'vis-data/esnext';
export { default as moment } from 'moment';

/** The lane class of vis-timeline 8 (`timeline.components.Group`; BackgroundGroup extends it), which withOneRedraw holds back. */
export interface LaneClass {
  prototype: { _checkIfVisible?: unknown };
}

/**
 * The lane class, from the build's `timeline.components` export (not in vis-timeline's type declarations; the
 * canary test in useVisTimeline.test.ts fails if an upgrade removes it).
 */
export const laneClass = (
  visTimeline as unknown as { timeline?: { components?: { Group?: LaneClass } } }
).timeline?.components?.Group;

/** vis-timeline's axis iterator (`timeline.TimeStep`, not in its type declarations), which the zoned axis floors. */
export const timeStepClass = (
  visTimeline as unknown as { timeline?: { TimeStep?: { prototype: object } } }
).timeline?.TimeStep;
