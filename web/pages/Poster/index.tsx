// A4 poster for the classroom wall: title, a large QR code, the short link and the code to type.
import { api, ok } from "../../api";
import { Loading, Problem } from "../../components/Layout";
import { Qr } from "../../components/Qr";
import { formatDays, t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

export function Poster(props: { id: string }) {
  const { data: event, error } = useAsync(
    async () => ok(await api.api.events[":id"].$get({ param: { id: props.id } })),
    [props.id],
  );
  if (!event) return error ? <Problem error={error} /> : <Loading />;
  const origin = new URL(event.surveyUrl).host;
  return (
    <div class="poster-wrap">
      <div class="no-print poster-bar">
        <Link href={`/app/events/${event.id}`}>{t("app.back")}</Link>
        <button type="button" onClick={() => print()}>
          {t("app.print")}
        </button>
      </div>
      <article class="poster">
        <p class="poster-org">{t("app.poster_org")}</p>
        <p class="poster-unit">{event.unitName}</p>
        <h1>{event.title}</h1>
        <p class="poster-dates">{formatDays(event.startsAt, event.endsAt)}</p>
        <p class="poster-lead">{t("app.poster_scan")}</p>
        <Qr text={event.surveyUrl} label={event.surveyUrl} class="poster-qr" />
        <p class="poster-url">{event.surveyUrl.replace(/^https?:\/\//, "")}</p>
        <p>{t("app.poster_or", { url: origin })}</p>
        <p class="poster-code">{event.code}</p>
        <p class="poster-foot">{t("app.poster_anonymous")}</p>
      </article>
    </div>
  );
}
