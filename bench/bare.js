// The baseline: the same dataset handed to vis-timeline as a user of vis alone would, with default options.
(async () => {
  const params = new URLSearchParams(location.search);
  const res = await fetch(params.get('data'));
  const doc = await res.json();
  const items = doc.events.map((e) => ({
    id: e.id,
    content: e.title,
    start: e.start,
    ...(e.end ? { end: e.end } : {}),
  }));
  // The benchmark notes the first frame with an item on screen (bench/run.ts, watchFirstFrame).
  new vis.Timeline(document.getElementById('tl'), new vis.DataSet(items), {});
})();
