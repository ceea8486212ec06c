// Per-criterion mean bars with the 1-5 distribution stacked beside them; the table below carries the same numbers.
import type { Report } from "../api";
import { formatScore, t } from "../i18n";
import { Table } from "./Table";

const KEYS = ["1", "2", "3", "4", "5"] as const;

/** A criterion as charted: the standard scale's words unless it brings its own. */
type Charted = Omit<Report["criteria"][number], "scale" | "n"> & { scale?: { low: string; high: string } };

export function ScoreChart(props: { criteria: readonly Charted[] }) {
  // Each question is charted with its own scale's words: one legend when they all share them.
  const standard = { low: t("page.scale_1"), high: t("page.scale_5") };
  const scaleOf = (c: Charted) => c.scale ?? standard;
  const scales = new Set(props.criteria.map((c) => `${scaleOf(c).low}\u0000${scaleOf(c).high}`));
  const shared =
    scales.size <= 1
      ? scaleOf(props.criteria[0] ?? { id: "", label: "", mean: null, distribution: null })
      : undefined;
  return (
    <div class="chart" aria-hidden="true">
      {props.criteria.map((c) => {
        const total = c.distribution ? KEYS.reduce((s, k) => s + (c.distribution?.[k] ?? 0), 0) : 0;
        return (
          <div class="chart-row" key={c.id}>
            <div class="chart-label">
              {c.label}
              {shared ? null : (
                <span class="muted small">
                  {" "}
                  (1 {scaleOf(c).low} … 5 {scaleOf(c).high})
                </span>
              )}
            </div>
            <div class="chart-bar">
              <div class="chart-track">
                <span style={{ width: `${((c.mean ?? 0) / 5) * 100}%` }} />
              </div>
              <b>{formatScore(c.mean)}</b>
            </div>
            {c.distribution && total > 0 ? (
              <div class="chart-dist">
                {KEYS.map((k) => {
                  const n = c.distribution?.[k] ?? 0;
                  return n > 0 ? (
                    <span
                      key={k}
                      class={`d${k}`}
                      style={{ width: `${(100 * n) / total}%` }}
                      title={`${k}: ${n}`}
                    >
                      {n}
                    </span>
                  ) : null;
                })}
              </div>
            ) : null}
          </div>
        );
      })}
      <div class="chart-legend">
        {KEYS.map((k) => (
          <span key={k}>
            <i class={`d${k}`} /> {k}
            {k === "1"
              ? ` ${shared?.low ?? standard.low}`
              : k === "5"
                ? ` ${shared?.high ?? standard.high}`
                : ""}
          </span>
        ))}
      </div>
    </div>
  );
}

export function ScoreTable(props: { criteria: readonly Omit<Report["criteria"][number], "scale">[] }) {
  return (
    <Table class="list">
      <caption>{t("app.table_alt")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("app.criterion")}</th>
          <th scope="col">{t("app.mean")}</th>
          <th scope="col">{t("app.n")}</th>
          {KEYS.map((k) => (
            <th scope="col" key={k}>
              {k}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.criteria.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.label}</th>
            <td>{formatScore(c.mean)}</td>
            <td>{c.n}</td>
            {KEYS.map((k) => (
              <td key={k}>{c.distribution ? c.distribution[k] : "–"}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
