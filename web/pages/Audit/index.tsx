// The audit log for admins: who did what, when (Vietnam time), on which event; filtered and paged with its total.
import { useState } from "preact/hooks";
import { AUDIT_ACTIONS, actionKey } from "../../../worker/domain/audit";
import { api, ok } from "../../api";
import { DateInput } from "../../components/DateInput";
import { Layout, Problem } from "../../components/Layout";
import { Table } from "../../components/Table";
import { formatTime, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";
import { usePages } from "../../usePages";

interface Filters {
  user: string;
  action: string;
  from: string;
  to: string;
}

/** What the person did, in words; an action without words yet shows as recorded. */
function wordsOf(action: string) {
  const key = actionKey(action);
  return key ? <span title={action}>{t(key)}</span> : <code>{action}</code>;
}

async function loadPage(f: Filters, cursor: number | null) {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v) query[k] = v;
  if (cursor !== null) query.cursor = String(cursor);
  return ok(await api.api.audit.$get({ query }));
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({ user: "", action: "", from: "", to: "" });
  const people = useAsync(async () => ok(await api.api.users.$get({ query: { limit: "100" } })), []);
  const list = usePages(
    (cursor) => loadPage(filters, cursor),
    [filters.user, filters.action, filters.from, filters.to],
  );
  const entries = list.items ?? [];
  const set = (k: keyof Filters, v: string) => setFilters({ ...filters, [k]: v });
  return (
    <Layout title={t("app.audit_title")}>
      <p class="muted">{t("app.audit_help")}</p>
      <form class="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("app.audit_who")}
          <select value={filters.user} onChange={(e) => set("user", e.currentTarget.value)}>
            <option value="">{t("app.audit_anyone")}</option>
            {(people.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name || p.email} · {p.unitName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("app.audit_what")}
          <select value={filters.action} onChange={(e) => set("action", e.currentTarget.value)}>
            <option value="">{t("app.audit_any_action")}</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, spec]) => (
              <option key={action} value={action}>
                {t(spec.words)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("app.from_date")}
          <DateInput kind="date" value={filters.from} onValue={(v) => set("from", v)} />
        </label>
        <label>
          {t("app.to_date")}
          <DateInput kind="date" value={filters.to} onValue={(v) => set("to", v)} />
        </label>
      </form>
      <Problem error={list.error} />
      {list.total !== undefined ? (
        <p class="muted" data-testid="audit-total">
          {t("app.audit_total", { shown: entries.length, n: list.total })}
        </p>
      ) : null}
      <div class="table-wrap">
        <Table class="audit">
          <thead>
            <tr>
              <th scope="col">{t("app.audit_when")}</th>
              <th scope="col">{t("app.audit_who")}</th>
              <th scope="col">{t("app.audit_what")}</th>
              <th scope="col">{t("app.audit_event")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatTime(e.at)}</td>
                <td>
                  {e.userName || e.userEmail}
                  <div class="muted">{e.userUnit}</div>
                </td>
                <td>
                  {wordsOf(e.action)}
                  {e.target ? <div class="muted">{e.target}</div> : null}
                </td>
                <td>
                  {e.eventId === null ? (
                    (e.unitName ?? "")
                  ) : e.eventCode ? (
                    <Link href={`/app/events/${e.eventId}`}>
                      {e.eventCode} · {e.eventTitle}
                    </Link>
                  ) : (
                    t("app.audit_deleted", { id: e.eventId })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {list.items?.length === 0 ? <p>{t("app.audit_empty")}</p> : null}
      {list.hasMore ? (
        <button type="button" class="secondary" onClick={list.more}>
          {t("app.audit_older")}
        </button>
      ) : null}
    </Layout>
  );
}
