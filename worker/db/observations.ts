// Inspectors' own scores of a class (dự giờ), stored beside the trainees' and kept in class_stats.observed.

import type { Criterion } from "../domain/criteria";
import type { Db } from ".";
import { observedUpdate } from "./stats";

export type ObservedScores = Partial<Record<Criterion, number>>;

export async function listObservations(db: Db, eventId: number) {
  return db
    .selectFrom("observations as o")
    .innerJoin("users as u", "u.id", "o.user_id")
    .select([
      "o.user_id as userId",
      "u.name as observerName",
      "u.email as observerEmail",
      "o.content",
      "o.method",
      "o.interaction",
      "o.organisation",
      "o.materials",
      "o.usefulness",
      "o.note",
      "o.observed_on as observedOn",
      "o.updated_at as updatedAt",
    ])
    .where("o.event_id", "=", eventId)
    .orderBy("o.observed_on")
    .execute();
}

/** One observation per inspector and class: saving again replaces it; the class aggregate follows in the same batch. */
export async function saveObservation(
  db: Db,
  o: {
    eventId: number;
    userId: number;
    scores: ObservedScores;
    note: string;
    observedOn: string;
    now: string;
  },
): Promise<void> {
  const values = {
    content: o.scores.content ?? null,
    method: o.scores.method ?? null,
    interaction: o.scores.interaction ?? null,
    organisation: o.scores.organisation ?? null,
    materials: o.scores.materials ?? null,
    usefulness: o.scores.usefulness ?? null,
    note: o.note,
    observed_on: o.observedOn,
    updated_at: o.now,
  };
  await db.batch([
    db
      .insertInto("observations")
      .values({ event_id: o.eventId, user_id: o.userId, ...values })
      .onConflict((oc) => oc.columns(["event_id", "user_id"]).doUpdateSet(values)),
    observedUpdate(db, o.eventId),
  ]);
}
