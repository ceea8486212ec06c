// Class observation (dự giờ): an inspector's own scores on the standard criteria, beside the trainees'.
import type { Db } from "../db";
import { listObservations, saveObservation } from "../db/observations";
import { CRITERIA, type Criterion } from "../domain/criteria";
import { Invalid } from "../domain/errors";
import type { Lang } from "../domain/i18n";
import type { StaffUser } from "../domain/terms";
import { classInScope } from "./scope";
import { criterionLabels } from "./scores";

export async function observationsOf(db: Db, user: StaffUser, id: number, lang: Lang) {
  const event = await classInScope(db, user, id);
  const rows = await listObservations(db, event.id);
  return {
    criteria: criterionLabels(lang),
    observations: rows.map((r) => ({
      userId: r.userId,
      observer: r.observerName || r.observerEmail,
      mine: r.userId === user.id,
      scores: Object.fromEntries(CRITERIA.map((k) => [k, r[k]])),
      note: r.note,
      observedOn: r.observedOn,
      updatedAt: r.updatedAt,
    })),
  };
}

export interface ObservationInput {
  scores: Record<Criterion, number | null>;
  note: string;
  observedOn: string;
}

/** Saves (or replaces) the caller's observation; at least one criterion must be scored. */
export async function observe(db: Db, user: StaffUser, id: number, o: ObservationInput, now: Date) {
  const event = await classInScope(db, user, id);
  const scores = Object.fromEntries(
    CRITERIA.flatMap((k) => (o.scores[k] === null ? [] : [[k, o.scores[k]]])),
  );
  if (Object.keys(scores).length === 0) throw new Invalid({ scores: { key: "field.required" } });
  await saveObservation(db, {
    eventId: event.id,
    userId: user.id,
    scores,
    note: o.note,
    observedOn: o.observedOn,
    now: now.toISOString(),
  });
}
