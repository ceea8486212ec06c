// The grouping lexicon: built-in themes and phrases plus those organisers add for their unit.
import type { Db } from "../db";
import { addLexiconPhrase, deleteLexiconPhrase, findLexiconPhrase, loadLexiconPhrases } from "../db/lexicon";
import { findUnitById } from "../db/units";
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import { analyse, Lexicon } from "../domain/grouping";
import type { Lang } from "../domain/i18n";
import { COMMENT_TOPICS, PROPOSAL_TOPICS } from "../domain/lexicon";
import { canSee, type StaffUser } from "../domain/terms";

export type LexiconKind = "proposal" | "comment";

const topicsOf = (k: LexiconKind) => (k === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS);

/** Compiled lexicons per isolate, keyed by their extra terms: compiling costs more than using. */
const compiled = new Map<string, Lexicon>();

export async function lexiconFor(db: Db, unitPath: string, kind: LexiconKind): Promise<Lexicon> {
  const extra = await loadLexiconPhrases(db, unitPath, kind);
  const key = `${kind}\u0000${extra.map((e) => `${e.topic}:${e.phrase}`).join("\u0000")}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const lexicon = new Lexicon(kind === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS, extra);
  if (compiled.size >= 32) compiled.clear();
  compiled.set(key, lexicon);
  return lexicon;
}

/** The themes with their phrases, and what the caller's units added to each. */
export async function listLexicon(db: Db, user: StaffUser, kind: LexiconKind, lang: Lang) {
  const extra = await loadLexiconPhrases(db, user.unitPath, kind);
  return {
    topics: topicsOf(kind).map((tp) => ({
      key: tp.key,
      label: lang === "en" ? tp.en : tp.vi,
      phrases: [...Object.values(tp.concepts ?? {}).flat(), ...(tp.strong ?? []), ...tp.weak],
      added: extra
        .filter((e) => e.topic === tp.key)
        .map((e) => ({ id: e.id, phrase: e.phrase, unit: e.unitName })),
    })),
  };
}

/** A phrase an organiser teaches a theme, for events of their unit (or a unit below it). */
export async function addPhrase(
  db: Db,
  user: StaffUser,
  term: { kind: LexiconKind; topic: string; phrase: string; unitId?: number | undefined },
  now: Date,
): Promise<void> {
  if (!topicsOf(term.kind).some((tp) => tp.key === term.topic)) {
    throw new Invalid({ topic: { key: "field.unknown_topic" } });
  }
  const unit = await findUnitById(db, term.unitId ?? user.unitId);
  if (!unit) throw new Invalid({ unitId: { key: "field.unit_not_found" } });
  if (!canSee(user, unit)) {
    throw new Forbidden("out_of_scope", "error.out_of_scope", { unitId: { key: "field.unit_not_found" } });
  }
  await addLexiconPhrase(db, {
    unitId: unit.id,
    kind: term.kind,
    topic: term.topic,
    phrase: term.phrase.toLowerCase(),
    createdBy: user.id,
    now: now.toISOString(),
  });
}

/** Takes back a phrase an organiser added, if it was added for a unit the caller sees. */
export async function removePhrase(db: Db, user: StaffUser, id: number): Promise<void> {
  const term = await findLexiconPhrase(db, id);
  const unit = term ? await findUnitById(db, term.unitId) : undefined;
  if (!term || !unit || !canSee(user, unit)) {
    throw new NotFound("not_found", "error.not_found", { id: { key: "error.not_found" } });
  }
  await deleteLexiconPhrase(db, id);
}

/** Why a sentence would go where it goes: its theme, the phrases that put it there, who must act. */
export async function explainText(db: Db, user: StaffUser, kind: LexiconKind, text: string, lang: Lang) {
  const lexicon = await lexiconFor(db, user.unitPath, kind);
  const a = analyse(text, lexicon);
  const theme = a.topic === null ? undefined : lexicon.topics.get(a.topic);
  return {
    theme: theme ? { key: theme.key, label: lang === "en" ? theme.en : theme.vi } : null,
    phrases: [...new Set(a.said.filter((x) => x.theme === a.topic).map((x) => x.typed))],
    addressee: kind === "proposal" ? a.addressee : null,
  };
}
