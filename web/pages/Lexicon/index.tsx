// The grouping lexicon: the Union's themes with their phrases, what organisers added for their units, what facilitators taught, and a sentence tried against it.
import { useState } from "preact/hooks";
import { ApiProblem, api, ok } from "../../api";
import { Field } from "../../components/Field";
import { Layout, Problem } from "../../components/Layout";
import { Table } from "../../components/Table";
import { UnitSelect } from "../../components/UnitSelect";
import { t } from "../../i18n";
import { isOrganiser, useMe } from "../../me";
import { useAsync } from "../../useAsync";
import { addresseeLabel } from "../../workshop";
import { Lessons } from "./Lessons";

type Kind = "proposal" | "comment";

export function LexiconPage() {
  const me = useMe();
  const [kind, setKind] = useState<Kind>("proposal");
  const list = useAsync(async () => ok(await api.api.lexicon.$get({ query: { kind } })), [kind]);
  const units = useAsync(async () => ok(await api.api.units.$get()), []);
  const [topic, setTopic] = useState("");
  const [phrase, setPhrase] = useState("");
  const [unitId, setUnitId] = useState("");
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [sentence, setSentence] = useState("");
  const [tried, setTried] = useState<Awaited<ReturnType<typeof explain>> | ApiProblem | undefined>(undefined);
  const fields = problem?.failure.fields ?? {};
  const topics = list.data?.topics ?? [];
  const allUnits = units.data ?? [];
  const unitList = allUnits.filter((u) => u.active);

  async function explain(text: string) {
    return ok(await api.api.lexicon.explain.$get({ query: { kind, text } }));
  }

  async function run(action: () => Promise<unknown>, done?: string) {
    setProblem(undefined);
    setNote(undefined);
    try {
      await action();
      if (done) setNote(done);
      await list.reload();
    } catch (err) {
      if (err instanceof ApiProblem) setProblem(err);
      else throw err;
    }
  }

  return (
    <Layout title={t("lex.title")}>
      <p class="muted">{t("lex.help")}</p>
      <fieldset class="segmented">
        <legend>{t("lex.kind")}</legend>
        {(["proposal", "comment"] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="kind"
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setTopic("");
                setTried(undefined);
              }}
            />
            {t(`lex.kind_${k}`)}
          </label>
        ))}
      </fieldset>

      <form
        class="stack panel"
        onSubmit={async (e) => {
          e.preventDefault();
          setTried(undefined);
          try {
            setTried(await explain(sentence));
          } catch (err) {
            if (err instanceof ApiProblem) setTried(err);
            else throw err;
          }
        }}
      >
        <h2>{t("lex.try")}</h2>
        <Field id="lex-sentence" label={t("lex.try_label")}>
          <input id="lex-sentence" value={sentence} onInput={(e) => setSentence(e.currentTarget.value)} />
        </Field>
        <button type="submit">{t("lex.try_button")}</button>
        {tried instanceof ApiProblem ? <Problem error={tried.message} /> : null}
        {tried && !(tried instanceof ApiProblem) ? (
          <p role="status" data-testid="lex-tried">
            {tried.theme
              ? t("lex.tried_theme", { theme: tried.theme.label, phrases: tried.phrases.join(", ") })
              : t("lex.tried_none")}{" "}
            {tried.addressee ? t("lex.tried_addressee", { who: addresseeLabel(tried.addressee) }) : ""}
          </p>
        ) : null}
      </form>

      {isOrganiser(me) ? (
        <form
          class="stack panel"
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = topic || topics[0]?.key || "";
            const label = topics.find((tp) => tp.key === chosen)?.label ?? chosen;
            void run(
              async () => {
                await ok(
                  await api.api.lexicon.$post({
                    json: {
                      kind,
                      topic: chosen,
                      phrase,
                      ...(unitId ? { unitId: Number(unitId) } : {}),
                    },
                  }),
                );
                setPhrase("");
              },
              t("lex.added", { phrase, theme: label }),
            );
          }}
        >
          <h2>{t("lex.add")}</h2>
          <Field id="lex-topic" label={t("lex.theme")} error={fields.topic}>
            <select
              id="lex-topic"
              value={topic || topics[0]?.key || ""}
              onChange={(e) => setTopic(e.currentTarget.value)}
            >
              {topics.map((tp) => (
                <option key={tp.key} value={tp.key}>
                  {tp.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="lex-phrase" label={t("lex.phrase")} hint={t("lex.phrase_hint")} error={fields.phrase}>
            <input
              id="lex-phrase"
              value={phrase}
              maxLength={80}
              required
              onInput={(e) => setPhrase(e.currentTarget.value)}
            />
          </Field>
          <Field id="lex-unit" label={t("acc.unit")} hint={t("lex.unit_hint")} error={fields.unitId}>
            <UnitSelect
              id="lex-unit"
              value={unitId}
              onChange={setUnitId}
              units={unitList}
              none={t("lex.my_unit")}
            />
          </Field>
          <Problem error={problem && Object.keys(fields).length === 0 ? problem.message : undefined} />
          {note ? (
            <p class="notice" role="status">
              {note}
            </p>
          ) : null}
          <button type="submit">{t("lex.add_button")}</button>
        </form>
      ) : null}

      <Lessons units={allUnits} />

      <Problem error={list.error} />
      <Table class="list" data-testid="lexicon">
        <caption>{t("lex.themes", { n: topics.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("lex.theme")}</th>
            <th scope="col">{t("lex.added_here")}</th>
            <th scope="col">{t("lex.built_in")}</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((tp) => (
            <tr key={tp.key} data-testid="lex-theme">
              <th scope="row">{tp.label}</th>
              <td>
                <ul class="plain">
                  {tp.added.map((a) => (
                    <li key={a.id}>
                      <b>{a.phrase}</b> <span class="muted small">({a.unit})</span>{" "}
                      {isOrganiser(me) ? (
                        <button
                          type="button"
                          class="small link"
                          onClick={() =>
                            void run(
                              async () =>
                                ok(await api.api.lexicon[":id"].$delete({ param: { id: String(a.id) } })),
                              t("lex.removed", { phrase: a.phrase }),
                            )
                          }
                        >
                          {t("lex.remove")}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <details>
                  <summary>{t("lex.phrases", { n: tp.phrases.length })}</summary>
                  <p class="small">{tp.phrases.join(" · ")}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Layout>
  );
}
