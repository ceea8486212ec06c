// What trainees of a unit's classes wrote, grouped across classes: how many classes each group comes from.
import { api, ok } from "../api";
import { t } from "../i18n";
import { useAsync } from "../useAsync";

/** How many different answers a group shows on screen (the exports carry every one). */
const SHOWN = 20;

/** The same words written in many classes are one line with how often and in how many classes. */
function sameWords(items: readonly { text: string; code: string; eventId: number }[]) {
  const byText = new Map<string, { text: string; code: string; n: number; classes: Set<number> }>();
  for (const i of items) {
    const key = i.text.trim().toLocaleLowerCase("vi");
    const w = byText.get(key) ?? { text: i.text.trim(), code: i.code, n: 0, classes: new Set<number>() };
    w.n += 1;
    w.classes.add(i.eventId);
    byText.set(key, w);
  }
  return [...byText.values()].sort((a, b) => b.n - a.n);
}

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
      {c.groups.map((g) => {
        const words = sameWords(g.items);
        return (
          <details class="comment-group" key={g.id} data-testid="unit-comment-group">
            <summary>
              <b>{g.label}</b> · {t("app.group_from", { n: g.items.length, classes: g.classes })}
            </summary>
            <ul class="comments">
              {words.slice(0, SHOWN).map((w) => (
                <li key={w.text}>
                  {w.text}{" "}
                  <span class="muted small">
                    {w.n > 1 ? t("app.said_times", { n: w.n, classes: w.classes.size }) : `(${w.code})`}
                  </span>
                </li>
              ))}
            </ul>
            {words.length > SHOWN ? (
              <p class="muted small">{t("app.said_more", { n: words.length - SHOWN })}</p>
            ) : null}
          </details>
        );
      })}
    </section>
  );
}
