// Per-criterion mean bars with the 1-5 distribution stacked beside them; the table below carries the same numbers.
import type { Report } from "../api";
import { formatScore, t } from "../i18n";

const KEYS = ["1", "2", "3", "4", "5"] as const;

export function ScoreChart(props: { criteria: Report["criteria"] }) {
  return (
    <div class="chart" aria-hidden="true">
      {props.criteria.map((c) => {
        const total = c.distribution ? KEYS.reduce((s, k) => s + (c.distribution?.[k] ?? 0), 0) : 0;
        return (
          <div class="chart-row" key={c.id}>
            <div class="chart-label">{c.label}</div>
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
            {k === "1" ? ` ${t("page.scale_1")}` : k === "5" ? ` ${t("page.scale_5")}` : ""}
          </span>
        ))}
      </div>
    </div>
  );
}

export function ScoreTable(props: { criteria: Report["criteria"] }) {
  return (
    <table class="list">
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
    </table>
  );
}
