// vis-timeline's esnext builds: no core-js polyfills (smaller bundle); peers are declared in package.json.
import 'vis-timeline/styles/vis-timeline-graph2d.css';
export { Timeline } from 'vis-timeline/esnext';
export type { TimelineOptions, TimelineItem, TimelineGroup, DateType } from 'vis-timeline/esnext';
export { DataSet } from 'vis-data/esnext';
