// The facilitator's board: proposals by group, moderation, merges, duplicate suggestions, manual groups.
import { useEffect, useState } from "preact/hooks";
import { AGENDA_MAX, GROUP_LABEL_MAX, PROPOSAL_MAX, REASON_MAX } from "../../../worker/domain/proposal";
import { ApiProblem, api, ok } from "../../api";
import { useAsk } from "../../components/Ask";
import { Layout, PendingPage, Problem } from "../../components/Layout";
import { t } from "../../i18n";
import { Link } from "../../router";
import { useAsync } from "../../useAsync";
import { addresseeLabel, type BoardItem, proposalsLine } from "../../workshop";

/** Suggested pairs shown at once, best first: each accepted or dismissed one makes room for the next. */
const SUGGESTIONS_SHOWN = 15;

export function BoardPage(props: { id: string }) {
  const param = { id: props.id };
  const event = useAsync(async () => ok(await api.api.events[":id"].$get({ param })), [props.id]);
  const board = useAsync(async () => ok(await api.api.events[":id"].board.$get({ param })), [props.id]);
  const [selected, setSelected] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  const ask = useAsk();

  // New proposals keep arriving during the workshop.
  useEffect(() => {
    const timer = setInterval(() => void board.reload(), 5000);
    return () => clearInterval(timer);
  }, [board.reload]);

  async function act(run: () => Promise<unknown>) {
    setProblem(undefined);
    setNote(undefined);
    try {
      await run();
      await board.reload();
    } catch (err) {
      if (err instanceof ApiProblem)
        setProblem(`${err.message} ${Object.values(err.failure.fields).join(" ")}`);
      else throw err;
    }
  }

  const patch = (
    pid: number,
    json: Parameters<(typeof api.api.events)[":id"]["proposals"][":pid"]["$patch"]>[0]["json"],
  ) =>
    act(async () =>
      ok(
        await api.api.events[":id"].proposals[":pid"].$patch({
          param: { id: props.id, pid: String(pid) },
          json,
        }),
      ),
    );
  const merge = (ids: number[]) =>
    act(async () => {
      const items = (board.data?.groups ?? []).flatMap((g) => g.items).filter((i) => ids.includes(i.id));
      // The most supported becomes the merged proposal; the others stay linked to it.
      const target = [...items].sort((a, b) => b.supports - a.supports || a.id - b.id)[0];
      if (!target) return;
      await ok(
        await api.api.events[":id"].merges.$post({
          param,
          json: { targetId: target.id, sourceIds: ids.filter((i) => i !== target.id) },
        }),
      );
      setSelected([]);
    });

  if (!event.data || !board.data)
    return <PendingPage title={t("app.board")} error={event.error ?? board.error} />;
  const { groups, suggestions, hidden } = board.data;
  const all = groups.flatMap((g) => g.items);
  const byId = new Map(all.map((i) => [i.id, i]));
  const toggle = (id: number) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const card = (i: BoardItem) => (
    <li key={i.id} class={`prop-card${i.duplicateOf ? " merged" : ""}`} data-testid={`proposal-${i.id}`}>
      <label class="pick">
        <input type="checkbox" checked={selected.includes(i.id)} onChange={() => toggle(i.id)} />
        <span class="sr-only">#{i.id}</span>
      </label>
      <div class="prop-body">
        <p class="prop-text">{i.text}</p>
        {i.originalText ? (
          <p class="muted small">
            {t("app.original_text")}: {i.originalText}
          </p>
        ) : null}
        {i.why.length > 0 || i.placed ? (
          <p class="muted small" data-testid="why">
            {i.why.length > 0 ? t("app.why", { words: i.why.join(", ") }) : t("app.placed")}
          </p>
        ) : null}
        {i.suggest && i.suggest.length > 0 ? (
          <p class="small row-actions" data-testid="suggest">
            <span class="muted">{t("app.suggest_homes")}</span>{" "}
            {i.suggest.map((s) => (
              <button
                key={s.id}
                type="button"
                class="small secondary"
                onClick={() => void patch(i.id, { groupId: s.id })}
              >
                {t("app.move_to_group", { group: s.label })}
              </button>
            ))}
          </p>
        ) : null}
        <p class="muted small">
          #{i.id} · {addresseeLabel(i.addressee)}
          {i.addresseeSuggested ? ` (${t("app.suggested")})` : ""} · {t("ws.supports", { n: i.supports })}
          {i.duplicateOf ? ` · ${t("app.merged_into", { id: i.duplicateOf })}` : ""}
          {i.authorName ? ` · ${i.authorName}` : ""}
          {i.authorUnit ? `, ${i.authorUnit}` : ""}
        </p>
        <div class="row-actions small-actions">
          <select
            aria-label={t("app.move_to")}
            value=""
            onChange={(e) => {
              const gid = Number(e.currentTarget.value);
              if (gid) void patch(i.id, { groupId: gid });
            }}
          >
            <option value="">{t("app.move_to")}…</option>
            {groups
              .filter((g) => g.id > 0)
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {g.label}
                </option>
              ))}
          </select>
          <button
            type="button"
            class="small secondary"
            onClick={async () => {
              const text = await ask.text({
                title: t("app.edit_text"),
                label: t("app.edit_prompt"),
                value: i.text,
                required: true,
                maxLength: PROPOSAL_MAX,
                multiline: true,
                confirm: t("app.save"),
              });
              if (text !== null && text !== i.text) await patch(i.id, { text });
            }}
          >
            {t("app.edit_text")}
          </button>
          <button
            type="button"
            class="small danger"
            onClick={async () => {
              const reason = await ask.text({
                title: t("app.hide"),
                label: t("app.hide_reason_prompt"),
                maxLength: REASON_MAX,
                confirm: t("app.hide"),
              });
              if (reason !== null) await patch(i.id, { hidden: true, hiddenReason: reason || null });
            }}
          >
            {t("app.hide")}
          </button>
          {i.duplicateOf ? (
            <button
              type="button"
              class="small secondary"
              onClick={() =>
                void act(async () =>
                  ok(
                    await api.api.events[":id"].merges[":pid"].$delete({
                      param: { id: props.id, pid: String(i.id) },
                    }),
                  ),
                )
              }
            >
              {t("app.unmerge")}
            </button>
          ) : null}
          {i.duplicateOf !== null && byId.get(i.duplicateOf)?.text !== i.text ? (
            <button
              type="button"
              class="small secondary"
              onClick={() => {
                if (i.duplicateOf !== null) void patch(i.duplicateOf, { text: i.text });
              }}
            >
              {t("app.use_words")}
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );

  return (
    <Layout
      title={`${t("app.board")}: ${event.data.title}`}
      actions={
        <>
          <Link href={`/app/events/${props.id}/projector`} class="button">
            {t("app.projector")}
          </Link>
          <Link href={`/app/events/${props.id}/summary`} class="button">
            {t("app.summary")}
          </Link>
        </>
      }
    >
      <p class="muted">{proposalsLine(all, event.data.expectedParticipants)}</p>
      <div class="toolbar" role="toolbar">
        <span aria-live="polite">{t("app.selected_n", { n: selected.length })}</span>
        <button type="button" disabled={selected.length < 2} onClick={() => void merge(selected)}>
          {t("app.merge_selected")}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            const label = await ask.text({
              title: t("app.new_group"),
              label: t("app.new_group_prompt"),
              required: true,
              maxLength: GROUP_LABEL_MAX,
              confirm: t("app.save"),
            });
            if (!label) return;
            await act(async () => {
              await ok(
                await api.api.events[":id"].groups.$post({ param, json: { label, proposalIds: selected } }),
              );
              setSelected([]);
            });
          }}
        >
          {t("app.new_group")}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            const typed = await ask.text({
              title: t("app.agenda"),
              label: t("app.agenda_prompt"),
              required: true,
              maxLength: AGENDA_MAX * (GROUP_LABEL_MAX + 1),
              multiline: true,
              confirm: t("app.save"),
            });
            const labels = (typed ?? "")
              .split("\n")
              .map((l) => l.trim())
              .filter((l) => l !== "");
            if (labels.length === 0) return;
            await act(async () => {
              const { created } = await ok(
                await api.api.events[":id"].agenda.$post({ param, json: { labels } }),
              );
              setNote(t("app.agenda_done", { n: created }));
            });
          }}
        >
          {t("app.agenda")}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void act(async () => {
              await ok(await api.api.events[":id"].regroup.$post({ param }));
              setNote(t("app.regroup_done"));
            })
          }
        >
          {t("app.regroup")}
        </button>
      </div>
      <label class="check small">
        <input
          type="checkbox"
          checked={board.data.lessonsShared}
          onChange={(e) => {
            const share = e.currentTarget.checked;
            void act(async () => {
              await ok(await api.api.events[":id"]["lessons-shared"].$put({ param, json: { share } }));
              setNote(t(share ? "app.lessons_shared" : "app.lessons_kept"));
            });
          }}
        />{" "}
        {t("app.share_lessons")}
      </label>
      <Problem error={problem} />
      {note ? <p role="status">{note}</p> : null}
      <div class="board">
        <div class="board-groups">
          {groups.map((g) => (
            <section key={g.id} class="group" data-testid="group">
              <h2>
                <span data-testid="group-label">{g.label}</span> <span class="count">({g.items.length})</span>{" "}
                {g.id > 0 ? (
                  <button
                    type="button"
                    class="small link"
                    onClick={async () => {
                      const label = await ask.text({
                        title: t("app.rename"),
                        label: t("app.rename_prompt"),
                        value: g.label,
                        required: true,
                        maxLength: GROUP_LABEL_MAX,
                        confirm: t("app.save"),
                      });
                      if (label)
                        await act(async () =>
                          ok(
                            await api.api.events[":id"].groups[":gid"].$patch({
                              param: { id: props.id, gid: String(g.id) },
                              json: { label },
                            }),
                          ),
                        );
                    }}
                  >
                    {t("app.rename")}
                  </button>
                ) : null}
              </h2>
              {g.taught ? (
                <p class="muted small" data-testid="taught">
                  {t("app.group_taught")}
                </p>
              ) : null}
              {g.keywords.length > 0 ? <p class="keywords">{g.keywords.join(" · ")}</p> : null}
              <ul class="prop-list">{g.items.map(card)}</ul>
            </section>
          ))}
        </div>
        <aside class="board-side">
          <h2>{t("app.suggestions")}</h2>
          {suggestions.length === 0 ? <p class="muted">{t("app.no_suggestions")}</p> : null}
          <ul class="pairs">
            {suggestions.slice(0, SUGGESTIONS_SHOWN).map((s) => (
              <li key={`${s.a}-${s.b}`} data-testid="suggestion">
                <p>
                  <b>#{s.a}</b> {byId.get(s.a)?.text}
                </p>
                <p>
                  <b>#{s.b}</b> {byId.get(s.b)?.text}
                </p>
                <div class="row-actions">
                  <button type="button" class="small" onClick={() => void merge([s.a, s.b])}>
                    {t("app.accept_merge")}
                  </button>
                  <button
                    type="button"
                    class="small secondary"
                    onClick={() =>
                      void act(async () =>
                        ok(
                          await api.api.events[":id"].duplicates.dismiss.$post({
                            param,
                            json: { a: s.a, b: s.b },
                          }),
                        ),
                      )
                    }
                  >
                    {t("app.dismiss")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          {suggestions.length > SUGGESTIONS_SHOWN ? (
            <p class="muted small">
              {t("app.more_suggestions", { n: suggestions.length - SUGGESTIONS_SHOWN })}
            </p>
          ) : null}
          {hidden.length > 0 ? (
            <>
              <h2>{t("app.hidden_list")}</h2>
              <ul class="pairs">
                {hidden.map((h) => (
                  <li key={h.id}>
                    <p>
                      <s>{h.text}</s>
                    </p>
                    <p class="muted small">{h.hiddenReason}</p>
                    <button
                      type="button"
                      class="small secondary"
                      onClick={() => void patch(h.id, { hidden: false })}
                    >
                      {t("app.unhide")}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      </div>
      {ask.dialog}
    </Layout>
  );
}
