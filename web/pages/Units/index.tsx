// The admin's unit tree: add, rename, move, deactivate, merge into a successor, import from CSV with a line-by-line report.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../../api";
import { Layout, Loading, Problem } from "../../components/Layout";
import { type Key, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

const LEVELS = ["province", "district", "commune"] as const;
const CATEGORIES = ["branch_head", "commune_chair", "full_time_officer", "mixed"] as const;
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
    <Layout title={t("units_admin")}>
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
                    {line ? `${t("line_n", { n: line[1] ?? "" })}, ${line[2]}: ` : `${field}: `}
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
                        level: LEVELS.find((l) => l === value(f, "level")) ?? "commune",
                        parentId: Number(value(f, "parentId")),
                        validFrom: value(f, "validFrom") || null,
                      },
                    }),
                  ),
                t("unit_added"),
              );
            }}
          >
            <h2>{t("add_unit")}</h2>
            <label>
              {t("unit_code")}
              <input name="code" required maxLength={40} />
            </label>
            <label>
              {t("unit_name")}
              <input name="name" required maxLength={200} />
            </label>
            <label>
              {t("level")}
              <select name="level">
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`level_${l}` as Key)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("parent_unit")}
              <select name="parentId">{unitOptions(active)}</select>
            </label>
            <label>
              {t("valid_from")}
              <input name="validFrom" type="date" />
            </label>
            <button type="submit">{t("add_unit")}</button>
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
              }, t("unit_changed"));
            }}
          >
            <h2>{t("change_unit")}</h2>
            <label>
              {t("unit_col")}
              <select name="unit">{unitOptions(active)}</select>
            </label>
            <fieldset class="segmented">
              <legend>{t("action")}</legend>
              {(["rename", "move", "deactivate", "merge"] as const).map((a) => (
                <label key={a}>
                  <input type="radio" name="action" checked={action === a} onChange={() => setAction(a)} />
                  {t(`action_${a}` as Key)}
                </label>
              ))}
            </fieldset>
            {action === "rename" ? (
              <label>
                {t("unit_name")}
                <input name="newName" required maxLength={200} />
              </label>
            ) : null}
            {action === "move" || action === "merge" ? (
              <label>
                {t(action === "move" ? "parent_unit" : "successor")}
                <select name="target">{unitOptions(active)}</select>
              </label>
            ) : null}
            {action === "merge" || action === "deactivate" ? (
              <label>
                {t(action === "merge" ? "merge_date" : "valid_to")}
                <input name="date" type="date" required={action === "merge"} />
              </label>
            ) : null}
            <button type="submit">{t("apply")}</button>
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
                    categories: CATEGORIES.filter((c) => {
                      const box = f.elements.namedItem(`cat-${c}`);
                      return box instanceof HTMLInputElement && box.checked;
                    }),
                  },
                }),
              ),
            t("programme_added"),
          );
        }}
      >
        <h2>{t("add_programme")}</h2>
        <label>
          {t("programme_name")}
          <input name="programmeName" required maxLength={200} />
        </label>
        <label>
          {t("programme_unit")}
          <select name="programmeUnit">{unitOptions(active)}</select>
        </label>
        <label>
          {t("from_date")}
          <input name="startsOn" type="date" required />
        </label>
        <label>
          {t("to_date")}
          <input name="endsOn" type="date" required />
        </label>
        <fieldset class="segmented">
          <legend>{t("target_categories")}</legend>
          {CATEGORIES.map((c) => (
            <label key={c}>
              <input type="checkbox" name={`cat-${c}`} />
              {t(`cat_${c}` as Key)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t("add_programme")}</button>
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
            const res = await fetch("/api/units/import", {
              method: "POST",
              headers: { "Content-Type": "text/csv", "Accept-Language": document.documentElement.lang },
              body,
            });
            return ok(res);
          }, t("import_done"));
        }}
      >
        <h2>{t("import_csv")}</h2>
        <p class="hint">{t("import_hint")}</p>
        <pre class="mono">code,name,level,parent_code,valid_from,valid_to,successor_code</pre>
        <label>
          {t("csv_file")}
          <input name="file" type="file" accept=".csv,text/csv" />
        </label>
        <label>
          {t("csv_paste")}
          <textarea name="csv" rows={5} />
        </label>
        <button type="submit">{t("import")}</button>
      </form>
      {units ? (
        <section>
          <h2>{t("unit_tree")}</h2>
          <table class="list">
            <thead>
              <tr>
                <th scope="col">{t("unit_code")}</th>
                <th scope="col">{t("unit_name")}</th>
                <th scope="col">{t("level")}</th>
                <th scope="col">{t("status")}</th>
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
                  <td>{t(`level_${u.level}` as Key)}</td>
                  <td>
                    {u.active
                      ? t("active")
                      : u.successorId
                        ? t("unit_merged_into", { name: name(u.successorId), d: u.validTo ?? "" })
                        : t("unit_inactive", { d: u.validTo ?? "" })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>
  );
}
