// The audit log for admins: who did what, when (Vietnam time), on which event.
import { useState } from "preact/hooks";
import { actionKey } from "../../../worker/domain/audit";
import { api, ok } from "../../api";
import { Layout, PendingPage } from "../../components/Layout";
import { formatTime, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

type Entry = {
  id: number;
  at: string;
  userEmail: string;
  userName: string;
  userUnit: string;
  action: string;
  eventId: number | null;
  eventCode: string | null;
  eventTitle: string | null;
  status: number;
};

/** What the person did, in words; an action without words yet shows as recorded. */
function wordsOf(action: string) {
  const key = actionKey(action);
  return key ? <span title={action}>{t(key)}</span> : <code>{action}</code>;
}

export function AuditPage() {
  const [before, setBefore] = useState<number | undefined>(undefined);
  const { data, error } = useAsync(
    async () =>
      ok(await api.api.audit.$get({ query: before === undefined ? {} : { before: String(before) } })),
    [before],
  );
  if (!data) return <PendingPage title={t("app.audit_title")} error={error} />;
  const entries: Entry[] = data.entries;
  const last = entries.at(-1);
  return (
    <Layout title={t("app.audit_title")}>
      <p class="muted">{t("app.audit_help")}</p>
      <div class="table-wrap">
        <table class="audit">
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
                <td>{wordsOf(e.action)}</td>
                <td>
                  {e.eventId === null ? (
                    ""
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
        </table>
      </div>
      {entries.length === 0 ? <p>{t("app.audit_empty")}</p> : null}
      <p class="row-actions">
        {before !== undefined ? (
          <button type="button" class="secondary" onClick={() => setBefore(undefined)}>
            {t("app.audit_newest")}
          </button>
        ) : null}
        {last && entries.length >= 100 ? (
          <button type="button" class="secondary" onClick={() => setBefore(last.id)}>
            {t("app.audit_older")}
          </button>
        ) : null}
      </p>
    </Layout>
  );
}
