// The organiser's list of classes and workshops in scope, newest first.
import { useState } from "preact/hooks";
import { api, ok } from "../../api";
import { Layout, Loading, Problem } from "../../components/Layout";
import { formatTime, t } from "../../i18n";
import { isOrganiser, useMe } from "../../me";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

type EventPage = Awaited<ReturnType<typeof loadPage>>;

async function loadPage(q: string, cursor: number | null) {
  return ok(
    await api.api.events.$get({
      query: { limit: "50", ...(q ? { q } : {}), ...(cursor === null ? {} : { cursor: String(cursor) }) },
    }),
  );
}

export function Events() {
  const [q, setQ] = useState("");
  const [more, setMore] = useState<EventPage["items"]>([]);
  const [next, setNext] = useState<number | null>(null);
  const first = useAsync(async () => {
    const page = await loadPage(q, null);
    setMore([]);
    setNext(page.next);
    return page;
  }, [q]);
  const error = first.error;
  const data = first.data ? [...first.data.items, ...more] : undefined;
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
          </>
        ) : undefined
      }
    >
      <Problem error={error} />
      <p>
        <label>
          {t("app.events_search")}
          <input type="search" value={q} onChange={(e) => setQ(e.currentTarget.value.trim())} />
        </label>
      </p>
      {first.data ? (
        <p class="muted" data-testid="events-total">
          {t("app.events_total", { n: first.data.total, shown: data?.length ?? 0 })}
        </p>
      ) : null}
      {!data && !error ? <Loading /> : null}
      {data && data.length === 0 ? <p>{t("app.no_events")}</p> : null}
      {data && data.length > 0 ? (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t("app.title")}</th>
              <th scope="col">{t("app.unit")}</th>
              <th scope="col">{t("app.starts_at")}</th>
              <th scope="col">{t("app.responses")}</th>
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
                <td>{e.unitName}</td>
                <td>{formatTime(e.startsAt)}</td>
                <td>{t("app.of_expected", { n: e.responses, e: e.expectedParticipants })}</td>
                <td class="mono">{e.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next !== null ? (
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            const page = await loadPage(q, next);
            setMore([...more, ...page.items]);
            setNext(page.next);
          }}
        >
          {t("acc.more")}
        </button>
      ) : null}
    </Layout>
  );
}
