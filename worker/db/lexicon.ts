// Phrases organisers add to the lexicon for their unit and the units below it.
import type { Db } from ".";
import { aboveOrAt, unitPaths } from "./subtree";

/** Organisers' extra phrases for events of this unit path (theirs and their ancestors'). */
export async function loadLexiconPhrases(db: Db, unitPath: string, kind: "proposal" | "comment") {
  return db
    .selectFrom("lexicon_phrases as v")
    .innerJoin("units as u", "u.id", "v.unit_id")
    .select(["v.id", "v.topic", "v.phrase", "u.name as unitName"])
    .where("v.kind", "=", kind)
    .where(aboveOrAt({ tree: "then", path: unitPath }, unitPaths("u")))
    .orderBy("v.id")
    .limit(2000)
    .execute();
}

export async function addLexiconPhrase(
  db: Db,
  term: {
    unitId: number;
    kind: "proposal" | "comment";
    topic: string;
    phrase: string;
    createdBy: number;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto("lexicon_phrases")
    .values({
      unit_id: term.unitId,
      kind: term.kind,
      topic: term.topic,
      phrase: term.phrase,
      created_by: term.createdBy,
      created_at: term.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findLexiconPhrase(db: Db, id: number) {
  return db
    .selectFrom("lexicon_phrases")
    .select(["id", "unit_id as unitId", "kind", "topic", "phrase"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function deleteLexiconPhrase(db: Db, id: number): Promise<void> {
  await db.deleteFrom("lexicon_phrases").where("id", "=", id).execute();
}
