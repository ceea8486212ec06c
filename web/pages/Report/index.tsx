// The report of a class or survey for staff: response rate, scores per criterion, every other question (texts grouped), per unit; prints on A4.
import { api, ok } from "../../api";
import { Downloads } from "../../components/Downloads";
import { Layout, PendingPage } from "../../components/Layout";
import { ObservationSection } from "../../components/Observation";
import { usePrintHeader } from "../../components/PrintHeader";
import { QuestionReports, UnitBreakdown } from "../../components/QuestionReport";
import { ScoreChart, ScoreTable } from "../../components/ScoreChart";
import { formatDays, formatScore, formatTime, t } from "../../i18n";
import { isOrganiser } from "../../me";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";

export function ReportPage(props: { id: string }) {
  const { data: r, error } = useAsync(
    async () => ok(await api.api.events[":id"].report.$get({ param: { id: props.id } })),
    [props.id],
  );
  const me = useAsync(async () => ok(await api.api.auth.me.$get()), []);
  usePrintHeader(
    r ? `${r.event.unitName} · ${r.event.title} · ${formatDays(r.event.startsAt, r.event.endsAt)}` : null,
  );
  if (!r) return <PendingPage title={t("app.report_of")} error={error} />;
  const param = { id: String(r.event.id) };
  const onForm = new Set(r.questions.filter((q) => q.type === "text").map((q) => q.id));
  const others = (r.comments ?? []).filter((c) => !onForm.has(c.questionId));
  return (
    <Layout
      title={r.event.title}
      actions={
        <>
          <Link href={`/app/events/${r.event.id}`}>{t("app.back")}</Link>
          <Downloads
            files={[
              { url: api.api.events[":id"]["report.xlsx"].$url({ param }), label: t("app.export_xlsx") },
              { url: api.api.events[":id"]["report.csv"].$url({ param }), label: t("app.export_csv") },
              // The raw answers: organisers only, and only from the threshold up, as everywhere.
              ...(isOrganiser(me.data) && !r.detailHidden
                ? [
                    {
                      url: api.api.events[":id"]["answers.xlsx"].$url({ param }),
                      label: t("app.export_answers_xlsx"),
                    },
                    {
                      url: api.api.events[":id"]["answers.csv"].$url({ param }),
                      label: t("app.export_answers"),
                    },
                  ]
                : []),
            ]}
          />
          <button type="button" onClick={() => print()}>
            {t("app.print")}
          </button>
        </>
      }
    >
      <p class="muted">
        {t("app.report_of")} · {r.event.unitName} ·{" "}
        {t("app.date_range", { a: formatTime(r.event.startsAt), b: formatTime(r.event.endsAt) })}
        {r.event.lecturers ? ` · ${r.event.lecturers}` : ""}
      </p>
      <section class="cards">
        <div class="card">
          <h2>{t("score.overall")}</h2>
          <p class="big">{formatScore(r.overall)} / 5</p>
        </div>
        <div class="card">
          <h2>{r.event.kind === "class" ? t("app.trainee_responses") : t("app.responses")}</h2>
          <p class="big">{t("app.of_expected", { n: r.responses, e: r.expected })}</p>
          <p class="muted">
            {t("score.rate")}: {r.responseRate === null ? "–" : `${Math.round(r.responseRate * 100)}%`}
          </p>
          {r.event.onPaper > 0 ? (
            <p class="muted">
              {r.lecturers
                ? t("paper.of_all", { n: r.event.onPaper, total: r.event.responses })
                : t("paper.of_which", { n: r.event.onPaper })}
            </p>
          ) : null}
        </div>
      </section>
      {r.detailHidden ? <p class="notice">{t("app.hidden_detail", { min: r.minResponses })}</p> : null}
      {r.criteria.length > 0 ? (
        <section>
          <h2>{t("app.criteria")}</h2>
          <ScoreChart criteria={r.criteria} />
          <ScoreTable criteria={r.criteria} />
        </section>
      ) : null}
      <QuestionReports questions={r.questions} />
      {r.lecturers ? (
        <section class="lecturers">
          <h2>{t("app.lecturers_apart")}</h2>
          <p>{t("app.lecturers_n", { n: r.lecturers.responses })}</p>
          {r.lecturers.detailHidden ? (
            <p class="muted">{t("app.hidden_detail", { min: r.minResponses })}</p>
          ) : (
            <>
              <p>
                {t("score.overall")}: {formatScore(r.lecturers.overall)} / 5
              </p>
              <ScoreTable criteria={r.lecturers.criteria} />
              {(r.lecturers.comments ?? []).length > 0 ? (
                <ul class="comments">
                  {(r.lecturers.comments ?? []).map((c) => (
                    <li key={c.id}>{c.text}</li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      {r.byUnit && r.byUnit.length > 0 ? (
        <UnitBreakdown
          byUnit={r.byUnit}
          min={r.minResponses}
          unitLabel={r.questions.find((q) => q.type === "unit")?.label}
        />
      ) : null}
      {/* Written answers of a question no longer on the form (it was edited after they came). */}
      {others.length > 0 ? (
        <section>
          <h2>{t("app.other_texts")}</h2>
          <ul class="comments">
            {others.map((c) => (
              <li key={c.id}>{c.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {r.event.kind === "class" ? (
        <ObservationSection
          eventId={props.id}
          criteria={r.criteria}
          canObserve={me.data?.role === "inspector" || me.data?.role === "admin"}
        />
      ) : null}
      <p class="print-only muted">{t("app.printed_at", { t: formatTime(new Date().toISOString()) })}</p>
    </Layout>
  );
}
