// The officer register for staff: find people without diacritics, page through them, add one, retire one, import a list (previewed, every wrong line named), export.
import { useState } from "preact/hooks";
import { POSITIONS, type Position, positionKey } from "../../../worker/domain/people";
import { ApiProblem, api, ok } from "../../api";
import { useAsk } from "../../components/Ask";
import { Downloads } from "../../components/Downloads";
import { Field } from "../../components/Field";
import { Layout, Problem } from "../../components/Layout";
import { ListImport } from "../../components/ListImport";
import { emptyPerson, PersonFields, personBody } from "../../components/PersonFields";
import { Table } from "../../components/Table";
import { UnitPicker } from "../../components/UnitPicker";
import { formatDay, t } from "../../i18n";
import { isOrganiser, useMe } from "../../me";
import { useAsync } from "../../useAsync";
import { usePages } from "../../usePages";

const PAGE = 50;

const positionOf = (value: string): Position | undefined => POSITIONS.find((p) => p === value);

interface Filters {
  q: string;
  unit: string;
  position: string;
  all: boolean;
  /** With `trained`: whom a programme has trained or not (the progress page links here). */
  programme: string;
  trained: "" | "yes" | "no";
}

const queryOf = (f: Filters) => ({
  ...(f.q ? { q: f.q } : {}),
  ...(f.unit ? { unit: f.unit } : {}),
  ...(positionOf(f.position) ? { position: f.position } : {}),
  ...(f.all ? { all: "1" } : {}),
  ...(f.programme && f.trained ? { programme: f.programme, trained: f.trained } : {}),
});

/** The filters a link opened the page with (`?unit=…&position=…&programme=…&trained=no`). */
function filtersFromUrl(): Filters {
  const u = new URLSearchParams(location.search);
  const trained = u.get("trained");
  return {
    q: u.get("q") ?? "",
    unit: u.get("unit") ?? "",
    position: u.get("position") ?? "",
    all: false,
    programme: u.get("programme") ?? "",
    trained: trained === "yes" || trained === "no" ? trained : "",
  };
}

export function PeoplePage() {
  const me = useMe();
  const ask = useAsk();
  const writes = isOrganiser(me);
  const units = useAsync(async () => ok(await api.api.units.$get()), []);
  const unitList = (units.data ?? []).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }));
  const [filters, setFilters] = useState<Filters>(filtersFromUrl);
  const list = usePages(
    async (cursor) =>
      ok(
        await api.api.people.$get({
          query: {
            limit: String(PAGE),
            ...queryOf(filters),
            ...(cursor === null ? {} : { cursor: String(cursor) }),
          },
        }),
      ),
    [filters],
  );
  const [form, setForm] = useState({ ...emptyPerson(), unitId: "" });
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [added, setAdded] = useState("");
  const fields = problem?.failure.fields ?? {};
  const set = (k: keyof Filters, v: string | boolean) => setFilters({ ...filters, [k]: v });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Layout
      title={t("ppl.title")}
      actions={
        <Downloads
          files={[
            {
              url: api.api.people["people.xlsx"].$url({ query: queryOf(filters) }),
              label: t("app.export_xlsx"),
            },
            {
              url: api.api.people["people.csv"].$url({ query: queryOf(filters) }),
              label: t("app.export_csv"),
            },
          ]}
        />
      }
    >
      {ask.dialog}
      <p class="muted">{t("ppl.kept")}</p>
      {filters.programme && filters.trained ? (
        <p class="notice" data-testid="trained-filter">
          {t(filters.trained === "no" ? "ppl.untrained_filter" : "ppl.trained_filter")}{" "}
          <button
            type="button"
            class="link"
            onClick={() => setFilters({ ...filters, programme: "", trained: "" })}
          >
            {t("ppl.clear_filter")}
          </button>
        </p>
      ) : null}
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          set("q", String(new FormData(e.currentTarget).get("q") ?? "").trim());
        }}
      >
        <label>
          {t("ppl.search")}
          <input
            type="search"
            name="q"
            defaultValue={filters.q}
            onChange={(e) => set("q", e.currentTarget.value.trim())}
          />
        </label>
        <div class="filter">
          <label for="ppl-filter-unit">{t("people.col_unit")}</label>
          <UnitPicker
            id="ppl-filter-unit"
            label={t("people.col_unit")}
            value={filters.unit}
            onChange={(v) => set("unit", v)}
            units={unitList}
          />
        </div>
        <label>
          {t("people.col_position")}
          <select value={filters.position} onChange={(e) => set("position", e.currentTarget.value)}>
            <option value="">{t("ppl.any_position")}</option>
            {POSITIONS.map((p) => (
              <option key={p} value={p}>
                {t(positionKey(p))}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={filters.all}
            onChange={(e) => set("all", e.currentTarget.checked)}
          />
          {t("ppl.include_left")}
        </label>
      </form>
      <Problem error={list.error} />
      {list.total !== undefined ? (
        <p class="muted" data-testid="people-total">
          {t("ppl.count", { shown: list.items?.length ?? 0, n: list.total })}
        </p>
      ) : null}
      <Table class="list">
        <thead>
          <tr>
            <th scope="col">{t("people.col_name")}</th>
            <th scope="col">{t("people.col_birth_year")}</th>
            <th scope="col">{t("people.col_position")}</th>
            <th scope="col">{t("people.col_unit")}</th>
            <th scope="col">{t("people.col_until")}</th>
            {writes ? (
              <th scope="col">
                <span class="sr-only">{t("ppl.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {(list.items ?? []).map((p) => (
            <tr key={`${p.id}-${p.until ?? ""}`} data-testid="person">
              <th scope="row">{p.name}</th>
              <td>{p.birthYear}</td>
              <td>{t(positionKey(p.position))}</td>
              <td>{p.unitName}</td>
              <td>{p.until ? formatDay(p.until) : ""}</td>
              {writes ? (
                <td>
                  {p.until ? null : (
                    <button
                      type="button"
                      class="small secondary"
                      onClick={async () => {
                        const yes = await ask.confirm({
                          title: t("ppl.leave"),
                          message: t("ppl.leave_confirm", { name: p.name }),
                          confirm: t("ppl.leave"),
                        });
                        if (!yes) return;
                        await ok(
                          await api.api.people[":id"].$patch({
                            param: { id: String(p.id) },
                            json: { until: today },
                          }),
                        );
                        void list.reload();
                      }}
                    >
                      {t("ppl.leave")}
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
      {list.hasMore ? (
        <button type="button" class="secondary" onClick={list.more}>
          {t("acc.more")}
        </button>
      ) : null}
      {writes ? (
        <>
          <form
            class="panel grid3"
            aria-labelledby="people-add"
            onSubmit={async (e) => {
              e.preventDefault();
              setProblem(undefined);
              setAdded("");
              try {
                await ok(
                  await api.api.people.$post({
                    json: { ...personBody(form), unitId: Number(form.unitId || 0) },
                  }),
                );
                setAdded(form.name.trim());
                setForm({ ...form, name: "", birthYear: "" });
                void list.reload();
              } catch (err) {
                if (err instanceof ApiProblem) setProblem(err);
                else throw err;
              }
            }}
          >
            <h2 id="people-add">{t("ppl.add")}</h2>
            <PersonFields
              id="ppl"
              value={form}
              onChange={(d) => setForm({ ...form, ...d })}
              errors={fields}
            />
            <Field id="ppl-unit" label={t("people.col_unit")} error={fields.unitId}>
              <UnitPicker
                id="ppl-unit"
                label={t("people.col_unit")}
                value={form.unitId}
                onChange={(unitId) => setForm({ ...form, unitId })}
                units={unitList}
              />
            </Field>
            <button type="submit">{t("ppl.add_button")}</button>
            {added ? (
              <p class="notice" role="status">
                {t("ppl.added", { name: added })}
              </p>
            ) : null}
            {problem && Object.keys(fields).length === 0 ? <Problem error={problem.message} /> : null}
          </form>
          <ListImport
            id="people-import"
            title={t("ppl.import")}
            help={t("ppl.import_help")}
            url={(dryRun) => api.api.people.import.$url({ query: dryRun ? { dryRun: "1" } : {} })}
            onImported={() => void list.reload()}
          />
        </>
      ) : null}
    </Layout>
  );
}
