// A class's attendance on its page: who came, ticked from the register of the class's units (or added on the spot), completion and days; never tied to any answer.
import { useEffect, useState } from "preact/hooks";
import { positionKey } from "../../worker/domain/people";
import { ApiProblem, api, ok } from "../api";
import { t } from "../i18n";
import { useAsync } from "../useAsync";
import { Field } from "./Field";
import { Problem } from "./Layout";
import { ListImport } from "./ListImport";
import { emptyPerson, PersonFields, personBody } from "./PersonFields";
import { Table } from "./Table";

interface Chosen {
  personId: number;
  name: string;
  unitName: string;
  completed: boolean;
}

export function AttendanceSection(props: {
  eventId: number;
  unitId: number;
  expected: number;
  canEdit: boolean;
}) {
  const param = { id: String(props.eventId) };
  const saved = useAsync(
    async () => ok(await api.api.events[":id"].attendance.$get({ param })),
    [props.eventId],
  );
  const [chosen, setChosen] = useState<Chosen[] | null>(null);
  const [days, setDays] = useState("");
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [newcomer, setNewcomer] = useState(emptyPerson());
  useEffect(() => {
    if (!saved.data) return;
    setChosen(saved.data.items.map((i) => ({ ...i })));
    setDays(String(saved.data.days));
  }, [saved.data]);
  const register = useAsync(
    async () =>
      props.canEdit
        ? ok(
            await api.api.people.$get({
              query: { unit: String(props.unitId), limit: "100", ...(q ? { q } : {}) },
            }),
          )
        : null,
    [props.unitId, q, props.canEdit],
  );
  if (!chosen) return <Problem error={saved.error} />;
  const picked = new Set(chosen.map((c) => c.personId));
  const toggle = (p: { id: number; name: string; unitName: string }, on: boolean) => {
    setStatus("");
    setChosen(
      on
        ? [...chosen, { personId: p.id, name: p.name, unitName: p.unitName, completed: true }]
        : chosen.filter((c) => c.personId !== p.id),
    );
  };
  const found = register.data?.items ?? [];
  const save = async () => {
    setProblem(undefined);
    setStatus("");
    try {
      await ok(
        await api.api.events[":id"].attendance.$put({
          param,
          json: {
            personIds: chosen.map((c) => c.personId),
            completed: chosen.filter((c) => c.completed).map((c) => c.personId),
            days: Number(days) || 1,
          },
        }),
      );
      setStatus(t("app.saved"));
      void saved.reload();
    } catch (err) {
      if (err instanceof ApiProblem) setProblem(Object.values(err.failure.fields)[0] ?? err.message);
      else throw err;
    }
  };
  return (
    <section class="panel" aria-labelledby="attendance-title" data-testid="attendance">
      <h2 id="attendance-title">{t("att.title")}</h2>
      <p class="big" data-testid="attendance-count">
        {t("att.count", { n: chosen.length, e: props.expected })}
      </p>
      <p class="muted">{t("att.apart")}</p>
      {chosen.length > 0 ? (
        <Table class="list">
          <thead>
            <tr>
              <th scope="col">{t("att.col_person")}</th>
              <th scope="col">{t("att.completed")}</th>
            </tr>
          </thead>
          <tbody>
            {chosen.map((c) => (
              <tr key={c.personId} data-testid="attendee">
                {/* Name and unit in one cell: on a 360 px phone the tick stays in sight. */}
                <th scope="row">
                  {c.name}
                  <br />
                  <span class="muted small">{c.unitName}</span>
                </th>
                <td>
                  <input
                    class="tick"
                    type="checkbox"
                    aria-label={t("att.completed_by", { name: c.name })}
                    checked={c.completed}
                    disabled={!props.canEdit}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChosen(chosen.map((x) => (x.personId === c.personId ? { ...x, completed: on } : x)));
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {props.canEdit ? (
        <>
          <Field id="att-days" label={t("att.days")}>
            <input
              id="att-days"
              inputMode="numeric"
              maxLength={3}
              value={days}
              onInput={(e) => setDays(e.currentTarget.value)}
            />
          </Field>
          <form
            class="filters"
            onSubmit={(e) => {
              e.preventDefault();
              setQ(String(new FormData(e.currentTarget).get("q") ?? "").trim());
            }}
          >
            <label>
              {t("att.search")}
              <input type="search" name="q" defaultValue={q} />
            </label>
            <button type="submit" class="secondary">
              {t("att.find")}
            </button>
            {found.some((p) => !picked.has(p.id)) ? (
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  setChosen([
                    ...chosen,
                    ...found
                      .filter((p) => !picked.has(p.id))
                      .map((p) => ({ personId: p.id, name: p.name, unitName: p.unitName, completed: true })),
                  ])
                }
              >
                {t("att.tick_all", { n: found.filter((p) => !picked.has(p.id)).length })}
              </button>
            ) : null}
          </form>
          <fieldset class="att-register">
            <legend>{t("att.register", { n: register.data?.total ?? 0 })}</legend>
            {found.map((p) => (
              <label key={p.id} class="check">
                <input
                  type="checkbox"
                  checked={picked.has(p.id)}
                  onChange={(e) => toggle(p, e.currentTarget.checked)}
                />
                {p.name} · {p.birthYear} · {t(positionKey(p.position))} · {p.unitName}
              </label>
            ))}
          </fieldset>
          <details>
            <summary>{t("att.newcomer")}</summary>
            <form
              class="grid3"
              onSubmit={async (e) => {
                e.preventDefault();
                setProblem(undefined);
                try {
                  const made = await ok(
                    await api.api.people.$post({ json: { ...personBody(newcomer), unitId: props.unitId } }),
                  );
                  setChosen([
                    ...chosen,
                    { personId: made.id, name: newcomer.name.trim(), unitName: "", completed: true },
                  ]);
                  setNewcomer({ ...newcomer, name: "", birthYear: "" });
                  void register.reload();
                } catch (err) {
                  if (err instanceof ApiProblem)
                    setProblem(Object.values(err.failure.fields)[0] ?? err.message);
                  else throw err;
                }
              }}
            >
              <PersonFields id="att-new" value={newcomer} onChange={setNewcomer} />
              <button type="submit" class="secondary">
                {t("att.add_newcomer")}
              </button>
            </form>
          </details>
          <div class="row-actions">
            <button type="button" onClick={() => void save()}>
              {t("att.save")}
            </button>
            <span role="status" data-testid="attendance-saved">
              {status}
            </span>
          </div>
          <Problem error={problem} />
          <details>
            <summary>{t("att.import")}</summary>
            <ListImport
              id={`att-import-${props.eventId}`}
              title={t("att.import")}
              heading={false}
              help={t("att.import_help")}
              url={(dryRun) =>
                api.api.events[":id"].attendance.import.$url({ param, query: dryRun ? { dryRun: "1" } : {} })
              }
              onImported={() => void saved.reload()}
            />
          </details>
        </>
      ) : null}
    </section>
  );
}
