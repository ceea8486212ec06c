// Storing a submission: the response, its answers and the running aggregates in one D1 batch.
import { sql } from "kysely";
import type { CheckedAnswer } from "../domain/answers";
import { ANSWERED, type CountRow } from "../domain/report";
import type { Compilable, Db } from ".";
import type { RespondentRole } from "./schema";

export interface NewResponse {
  eventId: number;
  formId: number;
  clientId: string;
  role: RespondentRole;
  bodyHash: string;
  answers: readonly CheckedAnswer[];
  now: string;
  /** How long the respondent took, when the phone says. */
  elapsedMs: number | null;
  /** Too fast to have read the questions: stored and flagged, left out of every count. */
  tooFast: boolean;
  /** A paper sheet typed in by this staff account; null for a phone's response. */
  enteredBy: number | null;
  /** Statements that must land in the same batch (dashboard aggregates, rate counters). */
  alongside: readonly Compilable[];
}

export async function findResponseByClientId(db: Db, eventId: number, clientId: string) {
  return db
    .selectFrom("responses")
    .select(["id", "body_hash as bodyHash"])
    .where("event_id", "=", eventId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * One batch, all or nothing. A second submission with the same clientId violates
 * UNIQUE(event_id, client_id) in the first statement, so nothing of it is stored.
 */
export async function insertResponse(db: Db, r: NewResponse): Promise<{ id: number }> {
  const responseId = sql<number>`(SELECT id FROM responses WHERE event_id = ${r.eventId} AND client_id = ${r.clientId})`;
  const numeric = r.answers.filter((a) => a.question.type !== "text");
  const texts = r.answers.filter((a) => a.question.type === "text" && a.valueText !== "");
  const insert = db
    .insertInto("responses")
    .values({
      event_id: r.eventId,
      client_id: r.clientId,
      role: r.role,
      form_id: r.formId,
      body_hash: r.bodyHash,
      created_at: r.now,
      elapsed_ms: r.elapsedMs,
      too_fast: r.tooFast ? 1 : 0,
      entered_by: r.enteredBy,
    })
    .returning("id");
  // Parameters per row: answers 5, comments 5, counts 5; chunks of 15 stay under D1's 100.
  const answerInserts = chunk(numeric, 15).map((rows) =>
    db.insertInto("answers").values(
      rows.map((a) => ({
        response_id: responseId,
        question_id: a.question.id,
        value_num: a.valueNum,
        value_text: a.valueText,
      })),
    ),
  );
  const commentInserts = chunk(texts, 15).map((rows) =>
    db.insertInto("comments").values(
      rows.map((a) => ({
        event_id: r.eventId,
        response_id: responseId,
        question_id: a.question.id,
        text: a.valueText ?? "",
      })),
    ),
  );
  // One counted value per rating, choice and unit answer; one per option of a multi answer.
  const counted = r.tooFast
    ? []
    : numeric.flatMap((a) =>
        (a.values ? [ANSWERED, ...a.values] : [String(a.valueNum ?? a.valueText)]).map((value) => ({
          questionId: a.question.id,
          value,
        })),
      );
  const countUpserts = chunk(counted, 15).map((rows) =>
    db
      .insertInto("answer_counts")
      .values(
        rows.map((c) => ({
          event_id: r.eventId,
          question_id: c.questionId,
          role: r.role,
          value: c.value,
          n: 1,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["event_id", "question_id", "role", "value"]).doUpdateSet({ n: sql`n + 1` }),
      ),
  );
  // The respondent's unit, when the form asks it: every counted value again, under that unit.
  // A lecturer's answers stay out of it: the breakdown is of the trainees, as the scores are.
  const unitId =
    r.role === "trainee" ? (numeric.find((a) => a.question.type === "unit")?.valueNum ?? null) : null;
  const unitUpserts =
    unitId === null
      ? []
      : chunk(counted, 15).map((rows) =>
          db
            .insertInto("answer_unit_counts")
            .values(
              rows.map((c) => ({
                event_id: r.eventId,
                unit_id: unitId,
                question_id: c.questionId,
                value: c.value,
                n: 1,
              })),
            )
            .onConflict((oc) =>
              oc.columns(["event_id", "unit_id", "question_id", "value"]).doUpdateSet({ n: sql`n + 1` }),
            ),
        );
  const bump = db
    .updateTable("events")
    .set(
      r.tooFast
        ? { fast_count: sql`fast_count + 1` }
        : {
            response_count: sql`response_count + 1`,
            ...(r.enteredBy !== null ? { paper_count: sql`paper_count + 1` } : {}),
            ...(r.role === "lecturer" ? { lecturer_count: sql`lecturer_count + 1` } : {}),
          },
    )
    .where("id", "=", r.eventId);
  const results = await db.batch([
    insert,
    ...answerInserts,
    ...commentInserts,
    ...countUpserts,
    ...unitUpserts,
    bump,
    ...r.alongside,
  ]);
  const first = results[0].rows[0];
  if (!first) throw new Error("response insert returned no id");
  return { id: first.id };
}

export async function loadCounts(db: Db, eventId: number): Promise<CountRow[]> {
  return db
    .selectFrom("answer_counts as c")
    .innerJoin("questions as q", "q.id", "c.question_id")
    .select([
      "c.question_id as questionId",
      "q.type",
      "q.criterion",
      "q.label_vi as labelVi",
      "q.label_en as labelEn",
      "q.position",
      "c.role",
      "c.value",
      "c.n",
    ])
    .where("c.event_id", "=", eventId)
    .execute();
}

/** How many wrote an answer to each text question of an event. */
export async function countTexts(
  db: Db,
  eventId: number,
  role: RespondentRole,
): Promise<Map<number, number>> {
  // Counted like every other answer: a response set aside as too fast is not among them.
  const rows = await db
    .selectFrom("comments as c")
    .innerJoin("responses as r", "r.id", "c.response_id")
    .select(["c.question_id as questionId", (eb) => eb.fn.countAll<number>().as("n")])
    .where("c.event_id", "=", eventId)
    .where("r.too_fast", "=", 0)
    .where("r.role", "=", role)
    .groupBy("c.question_id")
    .execute();
  return new Map(rows.map((r) => [r.questionId, r.n]));
}

/** The per-unit counts a `unit` question feeds (see answer_unit_counts). */
export async function loadUnitCounts(db: Db, eventId: number) {
  return db
    .selectFrom("answer_unit_counts")
    .select(["unit_id as unitId", "question_id as questionId", "value", "n"])
    .where("event_id", "=", eventId)
    .execute();
}

/**
 * The written answers a report lists and groups: counted like every other answer (`countTexts`), so
 * a response set aside as too fast is not among them and "N người viết" is the list's length.
 */
export async function loadComments(db: Db, eventId: number, role: RespondentRole, limit: number) {
  return db
    .selectFrom("comments as c")
    .innerJoin("responses as r", "r.id", "c.response_id")
    .select(["c.id", "c.text", "c.question_id as questionId"])
    .where("c.event_id", "=", eventId)
    .where("r.too_fast", "=", 0)
    .where("r.role", "=", role)
    .orderBy("c.id")
    .limit(limit)
    .execute();
}
