// An event's whole data: read out for the organiser's export, or deleted with the aggregates put right.
import { sql } from "kysely";
import type { Compilable, Db } from ".";
import { classStatsRemoval } from "./stats";

/** Every response with its answers (rating and choice values, then comments), oldest first. */
export async function loadResponsesWithAnswers(db: Db, eventId: number) {
  const [responses, answers, comments] = await Promise.all([
    db
      .selectFrom("responses")
      .select([
        "id",
        "role",
        "created_at as createdAt",
        "elapsed_ms as elapsedMs",
        "too_fast as tooFast",
        "entered_by as enteredBy",
      ])
      .where("event_id", "=", eventId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("answers as a")
      .innerJoin("responses as r", "r.id", "a.response_id")
      .select([
        "a.response_id as responseId",
        "a.question_id as questionId",
        "a.value_num as num",
        "a.value_text as text",
      ])
      .where("r.event_id", "=", eventId)
      .execute(),
    db
      .selectFrom("comments")
      .select(["response_id as responseId", "question_id as questionId", "text"])
      .where("event_id", "=", eventId)
      .execute(),
  ]);
  const byResponse = new Map<number, Record<string, number | string>>();
  for (const a of answers) {
    const value = a.num ?? a.text;
    if (value === null) continue;
    const row = byResponse.get(a.responseId) ?? {};
    row[String(a.questionId)] = value;
    byResponse.set(a.responseId, row);
  }
  for (const c of comments) {
    const row = byResponse.get(c.responseId) ?? {};
    row[String(c.questionId)] = c.text;
    byResponse.set(c.responseId, row);
  }
  return responses.map((r) => ({
    id: r.id,
    role: r.role,
    createdAt: r.createdAt,
    elapsedMs: r.elapsedMs,
    tooFast: r.tooFast === 1,
    paper: r.enteredBy !== null,
    answers: byResponse.get(r.id) ?? {},
  }));
}

/**
 * Deletes an event and everything hanging from it in one batch, after taking its counts out of
 * the unit aggregates. The audit log keeps its lines (they name the event by id).
 */
export async function deleteEventData(db: Db, eventId: number): Promise<void> {
  const responseIds = db.selectFrom("responses").select("id").where("event_id", "=", eventId);
  const proposalIds = db.selectFrom("proposals").select("id").where("event_id", "=", eventId);
  const statements: Compilable[] = [
    ...(await classStatsRemoval(db, eventId)),
    db.deleteFrom("answers").where("response_id", "in", responseIds),
    db.deleteFrom("comments").where("event_id", "=", eventId),
    db.deleteFrom("answer_counts").where("event_id", "=", eventId),
    db.deleteFrom("answer_unit_counts").where("event_id", "=", eventId),
    db.deleteFrom("responses").where("event_id", "=", eventId),
    db.deleteFrom("supports").where("proposal_id", "in", proposalIds),
    db.updateTable("proposals").set({ duplicate_of: null, group_id: null }).where("event_id", "=", eventId),
    db.deleteFrom("proposals").where("event_id", "=", eventId),
    db.deleteFrom("proposal_groups").where("event_id", "=", eventId),
    db.deleteFrom("duplicate_dismissals").where("event_id", "=", eventId),
    db.deleteFrom("observations").where("event_id", "=", eventId),
    db.deleteFrom("attendance").where("event_id", "=", eventId),
    // The event's limit counters end with its id ("response:event:12", "proposal:d:…:12").
    db.deleteFrom("rate_counters").where("key", "like", sql<string>`${`%:${eventId}`}`),
    db.deleteFrom("events").where("id", "=", eventId),
  ];
  await db.batch(statements);
}
