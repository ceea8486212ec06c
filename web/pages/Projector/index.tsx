// The projector view for the back of the room: large type, a large QR code with the code to join, and the groups a page at a time, turning by themselves.
import { useEffect, useState } from "preact/hooks";
import { countProposals } from "../../../worker/domain/proposal";
import { api, ok } from "../../api";
import { PendingPage } from "../../components/Layout";
import { Qr } from "../../components/Qr";
import { t } from "../../i18n";
import { useAsync } from "../../useAsync";

/** Groups on one screen (3 × 2 at 1920 × 1080), and how long each page stays. */
const PER_PAGE = 6;
const PAGE_MS = 12_000;

export function ProjectorPage(props: { id: string }) {
  const param = { id: props.id };
  const event = useAsync(async () => ok(await api.api.events[":id"].$get({ param })), [props.id]);
  const groups = useAsync(async () => ok(await api.api.events[":id"].groups.$get({ param })), [props.id]);
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => void groups.reload(), 5000);
    return () => clearInterval(timer);
  }, [groups.reload]);
  useEffect(() => {
    const timer = setInterval(() => setPage((p) => p + 1), PAGE_MS);
    return () => clearInterval(timer);
  }, []);

  if (!event.data || !groups.data)
    return <PendingPage title={t("app.projector")} error={event.error ?? groups.error} />;
  const all = groups.data.groups;
  const total = countProposals(all.flatMap((g) => g.items)).proposals;
  const pages = Math.max(1, Math.ceil(all.length / PER_PAGE));
  const current = page % pages;
  const shown = all.slice(current * PER_PAGE, (current + 1) * PER_PAGE);
  return (
    <main class="projector">
      <header class="pj-head">
        <div>
          <h1>{event.data.title}</h1>
          {event.data.question ? <p class="pj-question">{event.data.question}</p> : null}
          <p class="pj-join">
            {t("app.join_at", { url: event.data.surveyUrl, code: event.data.code })} · {total}{" "}
            {t("app.proposals").toLowerCase()}
          </p>
        </div>
        <div class="pj-qr">
          <Qr text={event.data.surveyUrl} label={event.data.surveyUrl} />
          <p class="pj-code" data-testid="pj-code">
            {event.data.code}
          </p>
        </div>
      </header>
      <div class="pj-groups">
        {shown.map((g) => (
          <section key={g.id} class="pj-group" data-testid="pj-group">
            <h2>
              <span data-testid="pj-label">{g.label}</span>{" "}
              <span class="pj-count" data-testid="pj-count">
                {countProposals(g.items).proposals}
              </span>
            </h2>
            <ol>
              {g.items
                .filter((i) => !("duplicateOf" in i) || i.duplicateOf === null)
                .slice(0, 3)
                .map((i) => (
                  <li key={i.id}>
                    {i.text}
                    {"supports" in i && i.supports > 0 ? <span class="pj-sup"> ♥ {i.supports}</span> : null}
                  </li>
                ))}
            </ol>
          </section>
        ))}
      </div>
      {pages > 1 ? (
        <p class="pj-page" data-testid="pj-page" aria-live="polite">
          {t("app.projector_page", { n: current + 1, of: pages })}
        </p>
      ) : null}
    </main>
  );
}
