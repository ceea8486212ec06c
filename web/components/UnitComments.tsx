// What trainees of a unit's classes wrote, grouped across classes: how many classes each group comes from.
import { api, ok } from "../api";
import { t } from "../i18n";
import { useAsync } from "../useAsync";

export function UnitComments(props: {
  unitId: string;
  filters: Record<string, string | undefined>;
  q: string;
}) {
  const query = Object.fromEntries(
    Object.entries(props.filters).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])),
  );
  const comments = useAsync(
    async () => ok(await api.api.units[":id"].comments.$get({ param: { id: props.unitId }, query })),
    [props.unitId, props.q],
  );
  const c = comments.data;
  if (!c) return null;
  const href = (file: string) => `/api/units/${props.unitId}/${file}${props.q}`;
  return (
    <section data-testid="unit-comments">
      <h2>{t("app.unit_comments")}</h2>
      <p class="muted">
        {c.comments === 0
          ? t("app.unit_comments_none", { min: c.min })
          : t("app.unit_comments_counts", {
              shown: c.shown,
              comments: c.comments,
              classes: c.classes,
              withheld: c.withheldClasses,
              min: c.min,
            })}
      </p>
      {c.comments > 0 ? (
        <p class="row-actions no-print">
          <a class="button secondary" href={href("comments.csv")} download>
            {t("app.export_comments_csv")}
          </a>
          <a class="button secondary" href={href("comments.xlsx")} download>
            {t("app.export_comments_xlsx")}
          </a>
        </p>
      ) : null}
      {c.groups.map((g) => (
        <details class="comment-group" key={g.id} data-testid="unit-comment-group">
          <summary>
            <b>{g.label}</b> · {t("app.group_from", { n: g.items.length, classes: g.classes })}
          </summary>
          <ul class="comments">
            {g.items.map((i) => (
              <li key={i.id}>
                {i.text} <span class="muted small">({i.code})</span>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
