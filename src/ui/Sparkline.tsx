/** A tiny bar sparkline of counts; decorative, with the numbers given in its label. */
export function Sparkline({ bins, label }: { bins: number[]; label: string }) {
  const max = Math.max(1, ...bins);
  const w = 120;
  const h = 24;
  const bw = w / Math.max(1, bins.length);
  return (
    <svg
      className="cs-sparkline"
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={label}
    >
      {bins.map((b, i) => {
        const bh = b === 0 ? 0 : Math.max(1.5, (b / max) * h);
        return <rect key={i} x={i * bw + 0.5} y={h - bh} width={Math.max(1, bw - 1)} height={bh} />;
      })}
    </svg>
  );
}
