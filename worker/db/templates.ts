// Survey templates: stored per unit, read for a caller's own line of units and subtree.
import type { QuestionDef } from "../domain/form";
import { pathIds } from "../domain/tree";
import type { Db } from ".";
import { inSubtree, unitPaths } from "./subtree";

export interface TemplateRow {
  id: number;
  unitId: number;
  unitName: string;
  unitPath: string;
  title: string;
  questions: QuestionDef[];
  version: number;
  updatedAt: string;
}

function selectTemplates(db: Db) {
  return db
    .selectFrom("templates as t")
    .innerJoin("units as u", "u.id", "t.unit_id")
    .select([
      "t.id",
      "t.unit_id as unitId",
      "u.name as unitName",
      "u.now_path as unitPath",
      "t.title",
      "t.questions",
      "t.version",
      "t.updated_at as updatedAt",
    ]);
}

const parsed = (r: Omit<TemplateRow, "questions"> & { questions: string }): TemplateRow => ({
  ...r,
  // Written only by saveTemplate from checked QuestionDefs.
  questions: JSON.parse(r.questions) as QuestionDef[],
});

/** Templates of the units above `path` (and its own), and of every unit inside it; by title. */
export async function listTemplates(db: Db, path: string): Promise<TemplateRow[]> {
  const rows = await selectTemplates(db)
    .where((eb) =>
      eb.or([eb("t.unit_id", "in", pathIds(path)), inSubtree({ tree: "now", path }, unitPaths("u"))]),
    )
    .orderBy("t.title")
    .execute();
  return rows.map(parsed);
}

export async function findTemplate(db: Db, id: number): Promise<TemplateRow | undefined> {
  const row = await selectTemplates(db).where("t.id", "=", id).executeTakeFirst();
  return row && parsed(row);
}

export async function insertTemplate(
  db: Db,
  t: { unitId: number; title: string; questions: QuestionDef[]; createdBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto("templates")
    .values({
      unit_id: t.unitId,
      title: t.title,
      questions: JSON.stringify(t.questions),
      created_by: t.createdBy,
      created_at: t.now,
      updated_at: t.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A new version of the template: classes made from it keep their own copies. */
export async function updateTemplate(
  db: Db,
  id: number,
  t: { title?: string; questions?: QuestionDef[]; now: string },
): Promise<void> {
  await db
    .updateTable("templates")
    .set((eb) => ({
      ...(t.title === undefined ? {} : { title: t.title }),
      ...(t.questions === undefined ? {} : { questions: JSON.stringify(t.questions) }),
      version: eb("version", "+", 1),
      updated_at: t.now,
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * The surveys under `path` that started from a template and have enough responses to show: the
 * templates among them, and for one template its choice and multi counts summed by question
 * position and option (each survey's form is its own copy, in the template's order).
 */
export async function surveysByTemplate(db: Db, path: string, minResponses: number) {
  // Templates are few and each finds its surveys by index; SQLite keeps the left side of a CROSS
  // JOIN outer, where its planner would walk every unit and event of the subtree.
  return db
    .selectFrom("templates as t")
    .crossJoin("events as e")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .whereRef("e.template_id", "=", "t.id")
    .select((eb) => [
      "t.id",
      "t.title",
      eb.fn.countAll<number>().as("surveys"),
      eb.fn.sum<number>("e.response_count").as("responses"),
    ])
    .where("e.kind", "=", "survey")
    .where("e.response_count", ">=", minResponses)
    .where(inSubtree({ tree: "now", path }, unitPaths("u")))
    .groupBy(["t.id", "t.title"])
    .orderBy("t.title")
    .execute();
}

export async function templateTotals(db: Db, templateId: number, path: string, minResponses: number) {
  // From each survey to its own choice and multi questions, then to their counts by the
  // (event, question) key, so the rating and unit counts are never read (the CROSS JOIN keeps
  // that order, where the planner would read every count of the event first).
  return db
    .selectFrom("events as e")
    .innerJoin("units as u", "u.id", "e.unit_id")
    .innerJoin("questions as q", "q.form_id", "e.form_id")
    .crossJoin("answer_counts as c")
    .select((eb) => ["q.position", "c.value", eb.fn.sum<number>("c.n").as("n")])
    .whereRef("c.event_id", "=", "e.id")
    .whereRef("c.question_id", "=", "q.id")
    .where("e.template_id", "=", templateId)
    .where("e.kind", "=", "survey")
    .where("e.response_count", ">=", minResponses)
    .where(inSubtree({ tree: "now", path }, unitPaths("u")))
    .where("q.type", "in", ["choice", "multi"])
    .groupBy(["q.position", "c.value"])
    .execute();
}
