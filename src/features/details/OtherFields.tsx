import { formatCount } from '../../domain/formatCount';

/** Fields the format does not know, kept verbatim and shown as text. */
export function OtherFields({ other }: { other: Record<string, unknown> }) {
  const keys = Object.keys(other);
  if (keys.length === 0) return null;
  return (
    <section aria-label="Other fields" className="cs-other">
      <h3>Other fields</h3>
      <dl className="cs-facts">
        {keys.map((k) => {
          const v = other[k];
          let text: string;
          try {
            text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
          } catch {
            text = String(v);
          }
          return (
            <div key={k} className="cs-fact">
              <dt>{k}</dt>
              <dd>
                {text.length > 2000
                  ? `${text.slice(0, 2000)}… (${formatCount(text.length)} characters)`
                  : text}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
