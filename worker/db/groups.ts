// A workshop's groups of proposals: automatic and named, what a person placed in them, regrouping.
import { sql } from "kysely";
import type { Db } from ".";

/** How many proposals a person placed that are read to teach a workshop's groups, at most. */
export const TAUGHT_MAX = 300;

/**
 * The room a new proposal arrives in, in one batch: the workshop's groups, the proposals a person
 * placed (not merged originals, which follow their proposal) and the newest others with their group.
 */
export async function loadRoom(db: Db, eventId: number, recent: number) {
  const [groups, placed, newest] = await db.batch([
    db
      .selectFrom("proposal_groups")
      .select(["id", "key", "label", "manual"])
      .where("event_id", "=", eventId)
      .orderBy("id"),
    db
      .selectFrom("proposals")
      .select(["id", "group_id as groupId", "text"])
      .where("event_id", "=", eventId)
      .where("group_locked", "=", 1)
      .where("duplicate_of", "is", null)
      .where("hidden", "=", 0)
      .orderBy("id", "desc")
      .limit(TAUGHT_MAX),
    db
      .selectFrom("proposals")
      .select(["id", "group_id as groupId", "text"])
      .where("event_id", "=", eventId)
      .where("group_locked", "=", 0)
      .where("hidden", "=", 0)
      .orderBy("id", "desc")
      .limit(recent),
  ]);
  return { groups: groups.rows, placed: placed.rows, newest: newest.rows };
}

export interface GroupRow {
  id: number;
  key: string | null;
  label: string | null;
  manual: number;
}

export async function loadGroups(db: Db, eventId: number): Promise<GroupRow[]> {
  return db
    .selectFrom("proposal_groups")
    .select(["id", "key", "label", "manual"])
    .where("event_id", "=", eventId)
    .orderBy("id")
    .execute();
}

/** A facilitator's group, optionally taking proposals (and their originals) from other groups. */
export async function createGroup(
  db: Db,
  eventId: number,
  label: string,
  proposalIds: number[],
  now: string,
) {
  const insert = db
    .insertInto("proposal_groups")
    .values({ event_id: eventId, key: null, label, manual: 1, created_at: now })
    .returning("id");
  const newest = sql<number>`(SELECT max(id) FROM proposal_groups)`;
  const move =
    proposalIds.length === 0
      ? []
      : [
          db
            .updateTable("proposals")
            .set({ group_id: newest, group_locked: 1 })
            .where("event_id", "=", eventId)
            .where((eb) => eb.or([eb("id", "in", proposalIds), eb("duplicate_of", "in", proposalIds)])),
        ];
  const [created] = await db.batch([insert, ...move]);
  const row = created.rows[0];
  if (!row) throw new Error("group insert returned no id");
  return row.id;
}

/** A facilitator's named groups, empty, in one batch (the agenda's themes typed before a workshop). */
export async function createNamedGroups(db: Db, eventId: number, labels: readonly string[], now: string) {
  const [first, ...rest] = labels.map((label) =>
    db
      .insertInto("proposal_groups")
      .values({ event_id: eventId, key: null, label, manual: 1, created_at: now }),
  );
  if (first) await db.batch([first, ...rest]);
}

export async function renameGroup(db: Db, eventId: number, groupId: number, label: string): Promise<void> {
  await db
    .updateTable("proposal_groups")
    .set({ label })
    .where("id", "=", groupId)
    .where("event_id", "=", eventId)
    .execute();
}

/** Puts unlocked proposals into the groups chosen by a full regroup (by key or id); locked ones stay. */
export async function applyRegroup(
  db: Db,
  eventId: number,
  moves: readonly ({ id: number; key: string; label: string | null } | { id: number; groupId: number })[],
  now: string,
): Promise<void> {
  const keys = new Map<string, string | null>();
  for (const m of moves) if ("key" in m && !keys.has(m.key)) keys.set(m.key, m.label);
  const ensure = [...keys].map(([key, label]) =>
    db
      .insertInto("proposal_groups")
      .values({ event_id: eventId, key, label, created_at: now })
      .onConflict((oc) => oc.doNothing()),
  );
  const updates = moves.map((m) =>
    db
      .updateTable("proposals")
      .set({
        group_id:
          "key" in m
            ? sql`(SELECT id FROM proposal_groups WHERE event_id = ${eventId} AND key = ${m.key})`
            : m.groupId,
      })
      .where("id", "=", m.id)
      .where("group_locked", "=", 0),
  );
  if (ensure.length + updates.length > 0) await db.batch([...ensure, ...updates]);
}
