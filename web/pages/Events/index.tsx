// The organiser's list of classes and workshops in scope, newest first.
import { api, ok } from "../../api";
import { Layout, Loading, Problem } from "../../components/Layout";
import { formatTime, t } from "../../i18n";
import { isOrganiser, useMe } from "../../me";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

export function Events() {
  const { data, error } = useAsync(async () => ok(await api.api.events.$get()), []);
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
    </Layout>
  );
}
