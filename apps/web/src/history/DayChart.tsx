/** @module Adherence per day as a bar chart, its numbers in the SVG title for screen readers. */
export function DayChart({ days }: { days: Array<{ date: string; adherence: number }> }) {
  const w = 40;
  const h = 160;
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby="chart-title"
        width={Math.max(200, days.length * w + 40)}
        height={h + 40}
        viewBox={`0 0 ${Math.max(200, days.length * w + 40)} ${h + 40}`}
      >
        <title id="chart-title">
          Adherence per day: {days.map((d) => `${d.date} ${d.adherence.toFixed(1)}%`).join(', ')}
        </title>
        {[0, 50, 100].map((p) => (
          <g key={p}>
            <line
              x1={30}
              x2={days.length * w + 30}
              y1={h - (p / 100) * h + 10}
              y2={h - (p / 100) * h + 10}
              className="grid"
            />
            <text x={0} y={h - (p / 100) * h + 14} className="axis">
              {p}%
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <g key={d.date}>
            <rect
              x={34 + i * w}
              y={h - (d.adherence / 100) * h + 10}
              width={w - 8}
              height={(d.adherence / 100) * h}
              className="bar"
            />
            <text x={34 + i * w} y={h + 28} className="axis">
              {d.date.slice(5)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Adherence per day</figcaption>
    </figure>
  );
}
