// The organiser's list of classes and workshops in scope, newest first.
import { useState } from "preact/hooks";
import { api, ok } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Layout, Loading, Problem } from "../../components/Layout";
import { Table } from "../../components/Table";
import { formatTime, t } from "../../i18n";
import { isOrganiser, useMe } from "../../me";
import { Link } from "../../router";
import { usePages } from "../../usePages";

interface Filters {
  q: string;
  status: "" | "open" | "closed";
  from: string;
  to: string;
}

async function loadPage(f: Filters, cursor: number | null) {
  return ok(
    await api.api.events.$get({
      query: {
        limit: "50",
        ...(f.q ? { q: f.q } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        ...(cursor === null ? {} : { cursor: String(cursor) }),
      },
    }),
  );
}

export function Events() {
  const [filters, setFilters] = useState<Filters>({ q: "", status: "", from: "", to: "" });
  const list = usePages(
    (cursor) => loadPage(filters, cursor),
    [filters.q, filters.status, filters.from, filters.to],
  );
  const error = list.error;
  const data = list.items;
  const me = useMe();
  return (
    <Layout
      title={t("app.events")}
      actions={
        isOrganiser(me) ? (
          <>
            <Link href="/app/events/new" class="button">
              {t("app.new_class")}
            </Link>
            <Link href="/app/events/new?kind=workshop" class="button">
              {t("app.new_workshop")}
            </Link>
            <Link href="/app/events/new?kind=survey" class="button">
              {t("app.new_survey")}
            </Link>
          </>
        ) : undefined
      }
    >
      <Problem error={error} />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("app.events_search")}
          <input
            type="search"
            value={filters.q}
            onChange={(e) => setFilters({ ...filters, q: e.currentTarget.value.trim() })}
          />
        </label>
        <label>
          {t("acc.status")}
          <select
            value={filters.status}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setFilters({ ...filters, status: v === "open" || v === "closed" ? v : "" });
            }}
          >
            <option value="">{t("app.events_any_status")}</option>
            <option value="open">{t("status.open")}</option>
            <option value="closed">{t("status.closed")}</option>
          </select>
        </label>
        <label>
          {t("app.from_date")}
          <DateInput kind="date" value={filters.from} onValue={(v) => setFilters({ ...filters, from: v })} />
        </label>
        <label>
          {t("app.to_date")}
          <DateInput kind="date" value={filters.to} onValue={(v) => setFilters({ ...filters, to: v })} />
        </label>
      </form>
      {list.total !== undefined ? (
        <p class="muted" data-testid="events-total">
          {t("app.events_total", { n: list.total, shown: data?.length ?? 0 })}
        </p>
      ) : null}
      {!data && !error ? <Loading /> : null}
      {data && data.length === 0 ? <p>{t("app.no_events")}</p> : null}
      {data && data.length > 0 ? (
        <Table class="list">
          <thead>
            <tr>
              <th scope="col">{t("app.title")}</th>
              {/* Second, so that a phone sees how many answered beside the class's name. */}
              <th scope="col">{t("app.responses")}</th>
              <th scope="col">{t("app.unit")}</th>
              <th scope="col">{t("app.starts_at")}</th>
              <th scope="col">{t("page.code_label")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link href={`/app/events/${e.id}`}>{e.title}</Link>
                  <div class="muted">
                    {t(`kind.${e.kind}`)} · {t(e.status === "open" ? "status.open" : "status.closed")}
                  </div>
                </td>
                <td>
                  {/* Against the trainees expected, the trainees' responses: lecturers are counted apart. */}
                  {t("app.of_expected", { n: e.responses - e.lecturerResponses, e: e.expectedParticipants })}
                  {e.lecturerResponses > 0 ? (
                    <div class="muted">{t("app.plus_lecturers", { n: e.lecturerResponses })}</div>
                  ) : null}
                </td>
                <td>{e.unitName}</td>
                <td>{formatTime(e.startsAt)}</td>
                <td class="mono">{e.code}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {list.hasMore ? (
        <button type="button" class="secondary" onClick={list.more}>
          {t("acc.more")}
        </button>
      ) : null}
    </Layout>
  );
}
