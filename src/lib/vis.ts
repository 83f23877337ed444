// Loaded on demand (a chunk of its own): the page starts it at once (src/main.tsx) but does not wait for it, so
// its ~60 ms of evaluation runs while the loader worker reads the data, not before the first render.
// vis-timeline's esnext builds: no core-js polyfills (smaller bundle); peers are declared in package.json.
import 'vis-timeline/styles/vis-timeline-graph2d.css';
export { Timeline } from 'vis-timeline/esnext';
export type { TimelineOptions, TimelineItem, TimelineGroup, DateType } from 'vis-timeline/esnext';
export { DataSet } from 'vis-data/esnext';
export { default as moment } from 'moment';
