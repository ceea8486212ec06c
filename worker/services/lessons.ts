// Lessons carried between workshops: the room a proposal is placed in, what a unit was taught, removing, sharing and promoting them.
import type { Db } from "../db";
import type { EventRow } from "../db/events";
import { loadRoom } from "../db/groups";
import {
  findLesson,
  listLessons,
  loadLessons,
  promoteLessons,
  removeLesson,
  shareLessons,
} from "../db/lessons";
import { findUnitById } from "../db/units";
import { Forbidden, Invalid, NotFound } from "../domain/errors";
import { analyse, type Lesson, type Lexicon, NEAREST_AMONG, type Room } from "../domain/grouping";
import { canSee, inScope, type StaffUser } from "../domain/terms";
import { workshopInScope } from "./scope";

/** A workshop's lessons by group name: what its unit's earlier workshops placed by hand. */
function lessonsOf(rows: readonly { label: string | null; text: string }[], lexicon: Lexicon): Lesson[] {
  const byLabel = new Map<string, Lesson & { examples: ReturnType<typeof analyse>[] }>();
  for (const r of rows) {
    if (r.label === null) continue;
    const lesson = byLabel.get(r.label) ?? { label: r.label, examples: [] };
    lesson.examples.push(analyse(r.text, lexicon));
    byLabel.set(r.label, lesson);
  }
  return [...byLabel.values()];
}

/**
 * The room a proposal arrives in: the workshop's groups, what a person placed, the newest others,
 * and the lessons of its unit, read in one round of queries; analysed once a lexicon is known.
 */
export async function roomOf(db: Db, event: EventRow) {
  const [room, lessons] = await Promise.all([
    loadRoom(db, event.id, NEAREST_AMONG),
    loadLessons(db, event.unitPath, event.id),
  ]);
  return {
    read: (lexicon: Lexicon): Room => ({
      groups: room.groups.map((g) => ({ id: g.id, key: g.key, label: g.label, manual: g.manual === 1 })),
      members: [
        ...room.placed.map((p) => ({ analysis: analyse(p.text, lexicon), groupId: p.groupId, byHand: true })),
        ...room.newest.map((p) => ({
          analysis: analyse(p.text, lexicon),
          groupId: p.groupId,
          byHand: false,
        })),
      ].map((m) => ({ ...m, key: room.groups.find((g) => g.id === m.groupId)?.key ?? null })),
      lessons: lessonsOf(lessons, lexicon),
    }),
  };
}

/** The lessons a workshop reads (for a regroup, which places every proposal of the room itself). */
export async function lessonsFor(db: Db, event: EventRow, lexicon: Lexicon): Promise<Lesson[]> {
  return lessonsOf(await loadLessons(db, event.unitPath, event.id), lexicon);
}

/**
 * What the caller's unit has been taught, by group name: where each example came from; its words
 * only when its workshop is in the caller's scope (a delegate's words are never shown elsewhere).
 */
export async function taughtTo(db: Db, user: StaffUser) {
  const rows = await listLessons(db, user.unitPath);
  const groups = new Map<
    string,
    {
      label: string;
      examples: {
        id: number | null;
        text: string | null;
        eventId: number | null;
        eventTitle: string | null;
        unitName: string;
        removable: boolean;
      }[];
    }
  >();
  for (const r of rows) {
    if (r.label === null) continue;
    const own = inScope(r.unitPath, user.unitPath);
    const group = groups.get(r.label) ?? { label: r.label, examples: [] };
    group.examples.push({
      id: own ? r.id : null,
      text: own ? r.text : null,
      eventId: own ? r.eventId : null,
      eventTitle: own ? r.eventTitle : null,
      unitName: r.unitName,
      removable: own && user.role !== "leader" && user.role !== "inspector",
    });
    groups.set(r.label, group);
  }
  return { lessons: [...groups.values()] };
}

/** An organiser takes one placed proposal of her scope out of the lessons (it stays on its board). */
export async function forgetLesson(db: Db, user: StaffUser, proposalId: number): Promise<void> {
  const lesson = await findLesson(db, proposalId);
  if (lesson?.groupLocked !== 1 || !inScope(lesson.unitPath, user.unitPath)) {
    throw new NotFound("not_found", "error.not_found", { id: { key: "error.not_found" } });
  }
  await removeLesson(db, proposalId);
}

/** The facilitator shares a workshop's lessons with the units above hers, or stops sharing. */
export async function shareWorkshopLessons(db: Db, user: StaffUser, eventId: number, share: boolean) {
  const event = await workshopInScope(db, user, eventId);
  await shareLessons(db, event.id, share);
}

/** An admin promotes a unit's lessons to a wider scope above it (its province, the centre), or takes it back. */
export async function promoteUnitLessons(
  db: Db,
  user: StaffUser,
  p: { unitId: number; scopeUnitId: number | null },
  now: Date,
): Promise<void> {
  if (user.role !== "admin") throw new Forbidden();
  const unit = await findUnitById(db, p.unitId);
  if (!unit || !canSee(user, unit)) throw new Invalid({ unitId: { key: "field.unit_not_found" } });
  if (p.scopeUnitId !== null) {
    const scope = await findUnitById(db, p.scopeUnitId);
    // Only upwards: a scope holding the unit, inside the admin's own.
    if (!scope || !canSee(user, scope) || !inScope(unit.nowPath, scope.nowPath)) {
      throw new Invalid({ scopeUnitId: { key: "field.scope_not_above" } });
    }
  }
  await promoteLessons(db, { ...p, by: user.id, now: now.toISOString() });
}
