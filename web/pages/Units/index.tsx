// The admin's unit tree: add, rename, move, deactivate, merge into a successor, import from CSV with a line-by-line report.
import { useState } from "preact/hooks";
import { LEVELS, TRAINEE_CATEGORIES } from "../../../worker/domain/terms";
import { ApiProblem, api, fetchOrSay, ok } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Layout, Loading, Problem } from "../../components/Layout";
import { Table } from "../../components/Table";
import { formatDay, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

/** Units an admin adds sit below the central level. */
const LEVELS_BELOW = LEVELS.filter((l) => l !== "central");
type Action = "rename" | "move" | "deactivate" | "merge";

export function UnitsAdmin() {
  const { data: units, error, reload } = useAsync(async () => ok(await api.api.units.$get()), []);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [action, setAction] = useState<Action>("rename");

  const run = async (f: () => Promise<unknown>, message: string) => {
    setProblem(undefined);
    setDone(undefined);
    try {
      await f();
      setDone(message);
      await reload();
    } catch (e) {
      setProblem(
        e instanceof ApiProblem
          ? { message: e.failure.message, fields: e.failure.fields }
          : { message: String(e), fields: {} },
      );
    }
  };
  const name = (id: number | null) => units?.find((u) => u.id === id)?.name ?? "";
  const active = (units ?? []).filter((u) => u.active);
  const value = (form: HTMLFormElement, key: string) => {
    const el = form.elements.namedItem(key);
    return el instanceof HTMLInputElement ||
      el instanceof HTMLSelectElement ||
      el instanceof HTMLTextAreaElement
      ? el.value
      : "";
  };
  const unitOptions = (list: typeof active) =>
    list.map((u) => (
      <option key={u.id} value={String(u.id)}>
        {u.name} ({u.code})
      </option>
    ));

  return (
    <Layout title={t("app.units_admin")}>
      <Problem error={error} />
      {problem ? (
        <div class="problem" role="alert">
          <p>{problem.message}</p>
          {Object.keys(problem.fields).length > 0 ? (
            <ul>
              {Object.entries(problem.fields).map(([field, msg]) => {
                const line = /^lines\.(\d+)\.(.+)$/.exec(field);
                return (
                  <li key={field}>
                    {line ? `${t("app.line_n", { n: line[1] ?? "" })}, ${line[2]}: ` : `${field}: `}
                    {msg}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      {done ? (
        <p class="notice" role="status">
          {done}
        </p>
      ) : null}
      {!units ? <Loading /> : null}
      {units ? (
        <section class="two">
          <form
            class="panel"
            onSubmit={(e) => {
              e.preventDefault();
              const f = e.currentTarget;
              void run(
                async () =>
                  ok(
                    await api.api.units.$post({
                      json: {
                        code: value(f, "code"),
                        name: value(f, "name"),
                        level: LEVELS_BELOW.find((l) => l === value(f, "level")) ?? "commune",
                        parentId: Number(value(f, "parentId")),
                        validFrom: value(f, "validFrom") || null,
                      },
                    }),
                  ),
                t("app.unit_added"),
              );
            }}
          >
            <h2>{t("app.add_unit")}</h2>
            <label>
              {t("score.code")}
              <input name="code" required maxLength={40} />
            </label>
            <label>
              {t("app.unit_name")}
              <input name="name" required maxLength={200} />
            </label>
            <label>
              {t("score.level")}
              <select name="level">
                {LEVELS_BELOW.map((l) => (
                  <option key={l} value={l}>
                    {t(`level.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("app.parent_unit")}
              <select name="parentId">{unitOptions(active)}</select>
            </label>
            <label>
              {t("app.valid_from")}
              <DateInput kind="date" name="validFrom" />
            </label>
            <button type="submit">{t("app.add_unit")}</button>
          </form>
          <form
            class="panel"
            onSubmit={(e) => {
              e.preventDefault();
              const f = e.currentTarget;
              const id = value(f, "unit");
              const target = Number(value(f, "target"));
              const date = value(f, "date");
              const patch = (json: { name?: string; parentId?: number; active?: false; validTo?: string }) =>
                api.api.units[":id"].$patch({ param: { id }, json });
              void run(async () => {
                if (action === "rename") return ok(await patch({ name: value(f, "newName") }));
                if (action === "move") return ok(await patch({ parentId: target }));
                if (action === "deactivate")
                  return ok(await patch({ active: false, ...(date ? { validTo: date } : {}) }));
                return ok(
                  await api.api.units[":id"].merge.$post({
                    param: { id },
                    json: { successorId: target, date },
                  }),
                );
              }, t("app.unit_changed"));
            }}
          >
            <h2>{t("app.change_unit")}</h2>
            <label>
              {t("score.unit")}
              <select name="unit">{unitOptions(active)}</select>
            </label>
            <fieldset class="segmented">
              <legend>{t("app.action")}</legend>
              {(["rename", "move", "deactivate", "merge"] as const).map((a) => (
                <label key={a}>
                  <input type="radio" name="action" checked={action === a} onChange={() => setAction(a)} />
                  {t(`unit_action.${a}`)}
                </label>
              ))}
            </fieldset>
            {action === "rename" ? (
              <label>
                {t("app.unit_name")}
                <input name="newName" required maxLength={200} />
              </label>
            ) : null}
            {action === "move" || action === "merge" ? (
              <label>
                {t(action === "move" ? "app.parent_unit" : "app.successor")}
                <select name="target">{unitOptions(active)}</select>
              </label>
            ) : null}
            {action === "merge" || action === "deactivate" ? (
              <label>
                {t(action === "merge" ? "app.merge_date" : "app.valid_to")}
                <DateInput kind="date" name="date" required={action === "merge"} />
              </label>
            ) : null}
            <button type="submit">{t("app.apply")}</button>
          </form>
        </section>
      ) : null}
      <form
        class="panel"
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget;
          void run(
            async () =>
              ok(
                await api.api.programmes.$post({
                  json: {
                    name: value(f, "programmeName"),
                    unitId: Number(value(f, "programmeUnit")),
                    startsOn: value(f, "startsOn"),
                    endsOn: value(f, "endsOn"),
                    categories: TRAINEE_CATEGORIES.filter((c) => {
                      const box = f.elements.namedItem(`cat-${c}`);
                      return box instanceof HTMLInputElement && box.checked;
                    }),
                  },
                }),
              ),
            t("app.programme_added"),
          );
        }}
      >
        <h2>{t("app.add_programme")}</h2>
        <label>
          {t("app.programme_name")}
          <input name="programmeName" required maxLength={200} />
        </label>
        <label>
          {t("app.programme_unit")}
          <select name="programmeUnit">{unitOptions(active)}</select>
        </label>
        <label>
          {t("app.from_date")}
          <DateInput kind="date" name="startsOn" required />
        </label>
        <label>
          {t("app.to_date")}
          <DateInput kind="date" name="endsOn" required />
        </label>
        <fieldset class="segmented">
          <legend>{t("app.target_categories")}</legend>
          {TRAINEE_CATEGORIES.map((c) => (
            <label key={c}>
              <input type="checkbox" name={`cat-${c}`} />
              {t(`category.${c}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("app.add_programme")}</button>
      </form>
      <form
        class="panel"
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget;
          const file = f.elements.namedItem("file");
          void run(async () => {
            const picked = file instanceof HTMLInputElement ? file.files?.[0] : undefined;
            const body = picked ? await picked.text() : value(f, "csv");
            // A CSV body, not JSON: the typed client only speaks JSON.
            const res = await fetchOrSay("/api/units/import", {
              method: "POST",
              headers: { "Content-Type": "text/csv", "Accept-Language": document.documentElement.lang },
              body,
            });
            return ok(res);
          }, t("app.import_done"));
        }}
      >
        <h2>{t("app.import_csv")}</h2>
        <p class="hint">{t("app.import_hint")}</p>
        <pre class="mono">code,name,level,parent_code,valid_from,valid_to,successor_code</pre>
        <label>
          {t("app.csv_file")}
          <input name="file" type="file" accept=".csv,text/csv" />
        </label>
        <label>
          {t("app.csv_paste")}
          <textarea name="csv" rows={5} />
        </label>
        <button type="submit">{t("app.import")}</button>
      </form>
      {units ? (
        <section>
          <h2>{t("app.unit_tree")}</h2>
          <Table class="list">
            <thead>
              <tr>
                <th scope="col">{t("score.code")}</th>
                <th scope="col">{t("app.unit_name")}</th>
                <th scope="col">{t("score.level")}</th>
                <th scope="col">{t("app.status")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} class={u.active ? "" : "inactive"}>
                  <td class="mono">{u.code}</td>
                  <td>
                    <Link href={`/app/units/${u.id}`}>{u.name}</Link>
                    {u.parentId ? <div class="muted">{name(u.parentId)}</div> : null}
                  </td>
                  <td>{t(`level.${u.level}`)}</td>
                  <td>
                    {u.active
                      ? t("app.active")
                      : u.successorId
                        ? t("app.unit_merged_into", {
                            name: name(u.successorId),
                            d: formatDay(u.validTo ?? ""),
                          })
                        : t("app.unit_inactive", { d: formatDay(u.validTo ?? "") })}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
    </Layout>
  );
}
