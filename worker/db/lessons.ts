// Lessons: proposals a facilitator placed in named groups, read as examples by later workshops of her unit (and wider when shared or promoted).
import { sql } from "kysely";
import type { Db } from ".";
import { inSubtree, unitPaths } from "./subtree";

/** How many placed proposals a workshop reads as lessons, newest first (bounds the CPU per arrival). */
export const LESSONS_MAX = 150;

/**
 * Where a lesson applies, for the workshops of the unit at `path`: lessons from the unit itself and
 * the units above it; from a unit just below those when its facilitator shared them upwards; and
 * from any unit an admin promoted to a scope containing this one. Today's tree (`now_path`).
 */
function lessonsReaching(db: Db, path: string, orTaughtBelow = false) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("proposal_groups as g", "g.id", "p.group_id")
    .innerJoin("events as e", "e.id", "p.event_id")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .leftJoin("units as up", "up.id", "u.now_parent_id")
    .leftJoin("lesson_promotions as lp", "lp.unit_id", "u.id")
    .leftJoin("units as s", "s.id", "lp.scope_unit_id")
    .where("p.group_locked", "=", 1)
    .where("p.duplicate_of", "is", null)
    .where("p.hidden", "=", 0)
    .where("p.lesson_removed", "=", 0)
    .where("g.label", "is not", null)
    .where("e.kind", "=", "workshop")
    .where((eb) =>
      eb.or([
        eb(sql.val(path), "like", sql<string>`u.now_path || '%'`),
        eb.and([eb("e.share_lessons", "=", 1), eb(sql.val(path), "like", sql<string>`up.now_path || '%'`)]),
        eb(sql.val(path), "like", sql<string>`s.now_path || '%'`),
        ...(orTaughtBelow ? [inSubtree({ tree: "now", path }, unitPaths("u"))] : []),
      ]),
    );
}

/** The lessons a workshop of the unit at `path` reads: each group's name and one placed proposal. */
export async function loadLessons(db: Db, path: string, exceptEventId: number) {
  return lessonsReaching(db, path)
    .select(["g.label", "p.text"])
    .where("e.id", "<>", exceptEventId)
    .orderBy("p.id", "desc")
    .limit(LESSONS_MAX)
    .execute();
}

/**
 * For a unit's lexicon page: the lessons reaching it, and those its own workshops and the units below
 * it taught (to remove one, or for an admin to promote them). Where each comes from; the text is
 * shown by the service only in scope.
 */
export async function listLessons(db: Db, path: string) {
  return lessonsReaching(db, path, true)
    .select([
      "p.id",
      "g.label",
      "p.text",
      "e.id as eventId",
      "e.title as eventTitle",
      "u.id as unitId",
      "u.name as unitName",
      "u.now_path as unitPath",
      "e.share_lessons as shared",
      "s.name as promotedTo",
    ])
    .orderBy("p.id", "desc")
    .limit(LESSONS_MAX)
    .execute();
}

/** One placed proposal with its workshop's unit, to take it out of the lessons. */
export async function findLesson(db: Db, proposalId: number) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("events as e", "e.id", "p.event_id")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .select(["p.id", "p.group_locked as groupLocked", "u.now_path as unitPath"])
    .where("p.id", "=", proposalId)
    .executeTakeFirst();
}

export async function removeLesson(db: Db, proposalId: number): Promise<void> {
  await db.updateTable("proposals").set({ lesson_removed: 1 }).where("id", "=", proposalId).execute();
}

/** A workshop's lessons shared with the units above its own, or not. */
export async function shareLessons(db: Db, eventId: number, share: boolean): Promise<void> {
  await db
    .updateTable("events")
    .set({ share_lessons: share ? 1 : 0 })
    .where("id", "=", eventId)
    .execute();
}

/** An admin widens a unit's lessons to a scope (a province, the centre); null takes the promotion back. */
export async function promoteLessons(
  db: Db,
  p: { unitId: number; scopeUnitId: number | null; by: number; now: string },
): Promise<void> {
  const scope = p.scopeUnitId;
  if (scope === null) {
    await db.deleteFrom("lesson_promotions").where("unit_id", "=", p.unitId).execute();
    return;
  }
  await db
    .insertInto("lesson_promotions")
    .values({ unit_id: p.unitId, scope_unit_id: scope, promoted_by: p.by, promoted_at: p.now })
    .onConflict((oc) =>
      oc.column("unit_id").doUpdateSet({ scope_unit_id: scope, promoted_by: p.by, promoted_at: p.now }),
    )
    .execute();
}
