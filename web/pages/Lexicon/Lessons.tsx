// What a unit was taught by its facilitators' hands: lessons by group name, where each came from, removing one; an admin promotes a unit's lessons.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../../api";
import { Field } from "../../components/Field";
import { Problem } from "../../components/Layout";
import { UnitSelect } from "../../components/UnitSelect";
import { t } from "../../i18n";
import { isAdmin, isOrganiser, useMe } from "../../me";
import { useAsync } from "../../useAsync";

interface UnitRow {
  id: number;
  name: string;
  nowParentId: number | null;
  active: boolean;
}

/** The units above one, nearest first, as far as the caller's list reaches. */
function above(unitId: number, units: readonly UnitRow[]): UnitRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: UnitRow[] = [];
  let at = byId.get(unitId)?.nowParentId ?? null;
  while (at !== null && out.length < 10) {
    const u = byId.get(at);
    if (!u) break;
    out.push(u);
    at = u.nowParentId;
  }
  return out;
}

export function Lessons(props: { units: readonly UnitRow[] }) {
  const me = useMe();
  const list = useAsync(async () => ok(await api.api.lexicon.lessons.$get()), []);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [unitId, setUnitId] = useState("");
  const [scopeId, setScopeId] = useState("");
  const lessons = list.data?.lessons ?? [];
  const scopes = unitId ? above(Number(unitId), props.units) : [];

  async function run(action: () => Promise<unknown>, done: string) {
    setProblem(undefined);
    setNote(undefined);
    try {
      await action();
      setNote(done);
      await list.reload();
    } catch (err) {
      if (err instanceof ApiProblem) setProblem(err);
      else throw err;
    }
  }

  return (
    <section class="stack panel" aria-labelledby="lessons-title" data-testid="lessons">
      <h2 id="lessons-title">{t("lex.lessons")}</h2>
      <p class="muted">{t("lex.lessons_help")}</p>
      {note ? (
        <p class="notice" role="status">
          {note}
        </p>
      ) : null}
      <Problem
        error={
          list.error ??
          (problem && Object.keys(problem.failure.fields).length === 0 ? problem.message : undefined)
        }
      />
      {list.data && lessons.length === 0 ? <p class="muted">{t("lex.lessons_none")}</p> : null}
      {lessons.map((l) => (
        <details key={l.label} data-testid="lesson">
          <summary>
            <b>{l.label}</b> · {t("lex.lesson_examples", { n: l.examples.length })}
          </summary>
          <ul class="plain">
            {l.examples.map((e, i) => (
              <li key={e.id ?? `${l.label}-${i}`}>
                {e.text !== null ? <span>{e.text} </span> : null}
                <span class="muted small">
                  {e.eventTitle !== null
                    ? t("lex.lesson_from", { event: e.eventTitle, unit: e.unitName })
                    : t("lex.lesson_elsewhere", { unit: e.unitName })}
                </span>{" "}
                {e.removable && e.id !== null && isOrganiser(me) ? (
                  <button
                    type="button"
                    class="small link"
                    onClick={() => {
                      const id = e.id;
                      if (id === null) return;
                      void run(
                        async () =>
                          ok(await api.api.lexicon.lessons[":id"].$delete({ param: { id: String(id) } })),
                        t("lex.lesson_removed"),
                      );
                    }}
                  >
                    {t("lex.lesson_remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {isAdmin(me) ? (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const unit = props.units.find((u) => u.id === Number(unitId));
            void run(
              async () =>
                ok(
                  await api.api.lexicon.promotions.$put({
                    json: { unitId: Number(unitId), scopeUnitId: scopeId ? Number(scopeId) : null },
                  }),
                ),
              t("lex.promoted", { unit: unit?.name ?? "" }),
            );
          }}
        >
          <h3>{t("lex.promote")}</h3>
          <p class="muted small">{t("lex.promote_help")}</p>
          <Field id="promote-unit" label={t("lex.promote_unit")} error={problem?.failure.fields.unitId}>
            <UnitSelect
              id="promote-unit"
              value={unitId}
              onChange={(v) => {
                setUnitId(v);
                setScopeId("");
              }}
              units={props.units.filter((u) => u.active)}
              none="—"
            />
          </Field>
          <Field
            id="promote-scope"
            label={t("lex.promote_scope")}
            error={problem?.failure.fields.scopeUnitId}
          >
            <UnitSelect
              id="promote-scope"
              value={scopeId}
              onChange={setScopeId}
              units={scopes}
              none={t("lex.promote_none")}
            />
          </Field>
          <button type="submit" disabled={!unitId}>
            {t("lex.promote_button")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
