import type { PreviewRow } from './previewRows';

/** The first rows as Chronoscope will read them, so a wrong column or day/month order shows before import. */
export function MappingPreviewTable({ rows }: { rows: PreviewRow[] }) {
  const unread = rows.filter((r) => !r.ok).length;
  return (
    <table className="cs-mapping-preview">
      <caption>
        How the first {rows.length} rows will read
        {unread > 0 ? ` (${unread} without a readable date will be skipped and reported)` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Title</th>
          <th scope="col">Actors</th>
          <th scope="col">Place</th>
          <th scope="col">Sources</th>
          <th scope="col">Type</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className={r.ok ? undefined : 'cs-unread'}>
            <td>{r.date}</td>
            <td>{r.title}</td>
            <td>{r.actors}</td>
            <td>{r.place}</td>
            <td>{r.sources}</td>
            <td>{r.type}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
