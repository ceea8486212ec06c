// The projector view: large type, groups with counts and their most supported proposals, refreshing itself.
import { useEffect } from "preact/hooks";
import { countProposals } from "../../../worker/domain/proposal";
import { api, ok } from "../../api";
import { PendingPage } from "../../components/Layout";
import { t } from "../../i18n";
import { useAsync } from "../../useAsync";

export function ProjectorPage(props: { id: string }) {
  const param = { id: props.id };
  const event = useAsync(async () => ok(await api.api.events[":id"].$get({ param })), [props.id]);
  const groups = useAsync(async () => ok(await api.api.events[":id"].groups.$get({ param })), [props.id]);
  useEffect(() => {
    const timer = setInterval(() => void groups.reload(), 5000);
    return () => clearInterval(timer);
  }, [groups.reload]);

  if (!event.data || !groups.data)
    return <PendingPage title={t("app.projector")} error={event.error ?? groups.error} />;
  const total = countProposals(groups.data.groups.flatMap((g) => g.items)).proposals;
  return (
    <main class="projector">
      <header>
        <h1>{event.data.title}</h1>
        {event.data.question ? <p class="pj-question">{event.data.question}</p> : null}
        <p class="pj-join">
          {t("app.join_at", { url: event.data.surveyUrl, code: event.data.code })} · {total}{" "}
          {t("app.proposals").toLowerCase()}
        </p>
      </header>
      <div class="pj-groups">
        {groups.data.groups.map((g) => (
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
    </main>
  );
}
