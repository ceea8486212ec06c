// Overall score per month or quarter as bars (responses under each), with the flag threshold drawn across.
import { formatMonth, formatScore, t } from "../i18n";

interface Point {
  period: string;
  responses: number;
  overall: number | null;
}

export function TrendChart(props: { points: readonly Point[]; threshold: number }) {
  const pts = props.points;
  if (pts.length === 0) return <p>{t("app.no_units_data")}</p>;
  const w = 640;
  const h = 220;
  // The right margin holds the threshold's label, outside the bars it would otherwise cover.
  const pad = { l: 32, r: 96, t: 12, b: 44 };
  const bw = (w - pad.l - pad.r) / pts.length;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - (v - 1) / 4);
  const every = Math.ceil(pts.length / 12);
  return (
    <svg class="trend" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={t("app.trend")}>
      {[1, 2, 3, 4, 5].map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} class="grid" />
          <text x={pad.l - 6} y={y(v) + 4} text-anchor="end">
            {v}
          </text>
        </g>
      ))}
      {pts.map((p, i) => {
        const x = pad.l + i * bw;
        return (
          <g key={p.period}>
            {p.overall === null ? (
              <text x={x + bw / 2} y={y(1) - 4} text-anchor="middle" class="muted-text">
                –
              </text>
            ) : (
              <rect
                x={x + bw * 0.15}
                width={bw * 0.7}
                y={y(p.overall)}
                height={y(1) - y(p.overall)}
                class={p.overall < props.threshold ? "bar weak" : "bar"}
              >
                <title>{`${formatMonth(p.period)}: ${formatScore(p.overall)} (${p.responses})`}</title>
              </rect>
            )}
            {i % every === 0 ? (
              <text x={x + bw / 2} y={h - pad.b + 16} text-anchor="middle">
                {formatMonth(p.period)}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={pad.l} x2={w - pad.r} y1={y(props.threshold)} y2={y(props.threshold)} class="threshold" />
      <text x={w - pad.r + 6} y={y(props.threshold) + 4} text-anchor="start" class="threshold-text">
        {t("app.threshold")} {formatScore(props.threshold)}
      </text>
    </svg>
  );
}
