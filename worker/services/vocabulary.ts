// The grouping vocabulary: built-in themes and phrases plus those organisers add for their unit.
import type { Db } from "../db";
import {
  addVocabularyTerm,
  deleteVocabularyTerm,
  findVocabularyTerm,
  loadVocabularyTerms,
} from "../db/proposals";
import { findUnitById } from "../db/units";
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import { analyse, Vocabulary } from "../domain/grouping";
import type { Lang } from "../domain/i18n";
import { canSee, type StaffUser } from "../domain/terms";
import { COMMENT_TOPICS, PROPOSAL_TOPICS } from "../domain/vocabulary";

export type VocabularyKind = "proposal" | "comment";

const topicsOf = (k: VocabularyKind) => (k === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS);

/** Compiled vocabularies per isolate, keyed by their extra terms: compiling costs more than using. */
const compiled = new Map<string, Vocabulary>();

export async function vocabularyFor(db: Db, unitPath: string, kind: VocabularyKind): Promise<Vocabulary> {
  const extra = await loadVocabularyTerms(db, unitPath, kind);
  const key = `${kind}\u0000${extra.map((e) => `${e.topic}:${e.phrase}`).join("\u0000")}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const vocab = new Vocabulary(kind === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS, extra);
  if (compiled.size >= 32) compiled.clear();
  compiled.set(key, vocab);
  return vocab;
}

/** The themes with their phrases, and what the caller's units added to each. */
export async function listVocabulary(db: Db, user: StaffUser, kind: VocabularyKind, lang: Lang) {
  const extra = await loadVocabularyTerms(db, user.unitPath, kind);
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
  term: { kind: VocabularyKind; topic: string; phrase: string; unitId?: number | undefined },
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
  await addVocabularyTerm(db, {
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
  const term = await findVocabularyTerm(db, id);
  const unit = term ? await findUnitById(db, term.unitId) : undefined;
  if (!term || !unit || !canSee(user, unit)) {
    throw new NotFound("not_found", "error.not_found", { id: { key: "error.not_found" } });
  }
  await deleteVocabularyTerm(db, id);
}

/** Why a sentence would go where it goes: its theme, the phrases that put it there, who must act. */
export async function explainText(db: Db, user: StaffUser, kind: VocabularyKind, text: string, lang: Lang) {
  const vocab = await vocabularyFor(db, user.unitPath, kind);
  const a = analyse(text, vocab);
  const theme = a.topic === null ? undefined : vocab.topics.get(a.topic);
  return {
    theme: theme ? { key: theme.key, label: lang === "en" ? theme.en : theme.vi } : null,
    phrases: [...new Set(a.said.filter((x) => x.theme === a.topic).map((x) => x.typed))],
    addressee: kind === "proposal" ? a.addressee : null,
  };
}
