// The unit tree: what the caller may see, its scores and exports, and the admin's edits (add, rename, move, deactivate, merge, import).
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import * as v from "valibot";
import { assertInScope, requireStaff } from "../auth";
import { findProgramme } from "../db/programmes";
import {
  editTree,
  findUnitByCode,
  findUnitById,
  listAllUnits,
  listUnitsInScope,
  type TreeEdit,
  type Unit,
} from "../db/units";
import { parseCsv, toCsv } from "../domain/csv";
import { TRAINEE_CATEGORIES } from "../domain/form";
import { DEFAULT_RULES, monthAt, monthIndex } from "../domain/scores";
import { LEVEL_RANK, LEVELS } from "../domain/tree";
import { checkImport, type ExistingUnit, UNIT_CODE } from "../domain/unitImport";
import { toXlsx } from "../domain/xlsx";
import type { AppEnv, StaffUser } from "../env";
import { ApiError, type FieldErrors, invalidBody, notFound } from "../errors";
import { isMessageKey, type MessageKey, t } from "../i18n";
import { allClassScores, criterionLabels, type ScoreQuery, unitScores } from "../scores";
import { day, intId, jsonObject, requiredText, validate } from "../validate";
import { idParam } from "./events";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = v.pipe(v.string("field.month"), v.regex(MONTH, "field.month"));
const numberIn = (min: number, max: number) =>
  v.pipe(
    v.string("field.invalid"),
    v.regex(/^\d{1,2}(\.\d{1,3})?$/, "field.invalid"),
    v.transform(Number),
    v.minValue(min, "field.invalid"),
    v.maxValue(max, "field.invalid"),
  );

const scoresQuery = v.strictObject(
  {
    tree: v.optional(v.picklist(["now", "then"], "field.invalid"), "now"),
    from: v.optional(month),
    to: v.optional(month),
    programme: v.optional(intId),
    category: v.optional(v.picklist(TRAINEE_CATEGORIES, "field.invalid")),
    level: v.optional(v.picklist(LEVELS, "field.invalid")),
    threshold: v.optional(numberIn(1, 5)),
    gap: v.optional(numberIn(0.1, 4)),
    by: v.optional(v.picklist(["month", "quarter"], "field.invalid"), "month"),
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,4}$/, "field.invalid"),
        v.transform(Number),
        v.minValue(1),
        v.maxValue(1000),
      ),
      "200",
    ),
  },
  "field.type_object",
);

/** The unit in the caller's scope, or 404 (out of scope looks the same as unknown). */
async function unitInScope(c: { var: { db: AppEnv["Variables"]["db"]; user: StaffUser } }, id: number) {
  const unit = await findUnitById(c.var.db, id);
  if (!unit) throw notFound();
  assertInScope(c.var.user, unit.path);
  return unit;
}

async function toScoreQuery(
  db: AppEnv["Variables"]["db"],
  unit: Unit,
  q: v.InferOutput<typeof scoresQuery>,
  now: Date,
): Promise<ScoreQuery> {
  const thisMonth = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
  const to = q.to ?? thisMonth;
  const from = q.from ?? monthAt(monthIndex(to) - 11);
  const fields: FieldErrors = {};
  if (monthIndex(to) < monthIndex(from) || monthIndex(to) - monthIndex(from) >= 120) {
    fields.to = { key: "field.period_order" };
  }
  if (q.level !== undefined && LEVEL_RANK[q.level] <= LEVEL_RANK[unit.level]) {
    fields.level = { key: "field.level_below" };
  }
  if (q.programme !== undefined) {
    const p = await findProgramme(db, q.programme);
    // Programmes visible here: run by this unit's ancestors or inside its subtree.
    if (!p || !(unit.path.startsWith(p.unitPath) || p.unitPath.startsWith(unit.path))) {
      fields.programme = { key: "field.not_found" };
    }
  }
  if (Object.keys(fields).length > 0) throw invalidBody(fields);
  return {
    tree: q.tree,
    from,
    to,
    programmeId: q.programme ?? null,
    category: q.category ?? null,
    level: q.level ?? null,
    rules: { threshold: q.threshold ?? DEFAULT_RULES.threshold, gap: q.gap ?? DEFAULT_RULES.gap },
    by: q.by,
    limit: q.limit,
  };
}

const fileParam = v.object({
  id: intId,
  file: v.picklist(["scores.csv", "scores.xlsx", "classes.csv", "classes.xlsx"], "field.invalid"),
});

const createBody = jsonObject({
  code: v.pipe(v.string("field.type_string"), v.trim(), v.regex(UNIT_CODE, "field.unit_code")),
  name: requiredText(200),
  level: v.picklist(LEVELS, "field.invalid"),
  parentId: intId,
  validFrom: v.optional(v.nullable(day), null),
});

const patchBody = jsonObject({
  name: v.optional(requiredText(200)),
  parentId: v.optional(intId),
  active: v.optional(v.literal(false, "field.invalid")),
  validTo: v.optional(day),
});

const mergeBody = jsonObject({
  successorId: intId,
  date: day,
});

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function cycleError(field: string): never {
  throw invalidBody({ [field]: { key: "field.move_into_self" } });
}

function nextUnitId(units: readonly Unit[]): number {
  return units.reduce((m, u) => Math.max(m, u.id), 0) + 1;
}

const IMPORT_LIMIT = 1024 * 1024;

export const unitRoutes = new Hono<AppEnv>()
  .get("/", requireStaff(), async (c) => {
    const units = await listUnitsInScope(c.var.db, c.var.user.unitPath);
    return c.json(
      units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        level: u.level,
        parentId: u.parentId,
        nowParentId: u.nowParentId,
        active: u.active,
        validFrom: u.validFrom,
        validTo: u.validTo,
        successorId: u.successorId,
      })),
    );
  })
  .get(
    "/:id/scores",
    requireStaff(),
    validate("param", idParam),
    validate("query", scoresQuery),
    async (c) => {
      const unit = await unitInScope(c, c.req.valid("param").id);
      const q = await toScoreQuery(c.var.db, unit, c.req.valid("query"), new Date());
      const scores = await unitScores(c.var.db, unit, q);
      // Breadcrumb inside the caller's scope, in the chosen tree.
      const trail = (q.tree === "now" ? unit.path : unit.thenPath).split("/").filter(Boolean).map(Number);
      const scopeDepth = c.var.user.unitPath.split("/").filter(Boolean).length;
      const ancestors = await Promise.all(
        trail.slice(Math.max(0, scopeDepth - 1), -1).map((id) => findUnitById(c.var.db, id)),
      );
      return c.json({
        unit: {
          id: unit.id,
          code: unit.code,
          name: unit.name,
          level: unit.level,
          active: unit.active,
          validTo: unit.validTo,
          successorId: unit.successorId,
        },
        ancestors: ancestors.flatMap((a) => (a ? [{ id: a.id, name: a.name, level: a.level }] : [])),
        filters: { programmeId: q.programmeId, category: q.category, level: q.level, by: q.by },
        criteria: criterionLabels(c.var.lang),
        ...scores,
      });
    },
  )
  .get(
    "/:id/:file",
    requireStaff(),
    validate("param", fileParam),
    validate("query", scoresQuery),
    async (c) => {
      const { id, file } = c.req.valid("param");
      const unit = await unitInScope(c, id);
      const q = await toScoreQuery(c.var.db, unit, c.req.valid("query"), new Date());
      const lang = c.var.lang;
      const tr = (k: MessageKey, p?: Record<string, string | number>) => t(lang, k, p);
      const labels = criterionLabels(lang);
      const flagText = (flags: readonly string[]) =>
        flags
          .flatMap((f) => {
            const key = `flag.${f}`;
            return isMessageKey(key) ? [tr(key)] : [];
          })
          .join("; ");
      const hidden = tr("score.hidden", { n: 5 });
      let rows: (string | number | null)[][];
      if (file.startsWith("scores")) {
        const s = await unitScores(c.var.db, unit, { ...q, limit: 0 });
        rows = [
          [unit.name, `${tr("score.period")}: ${q.from} → ${q.to}`],
          [
            tr("score.unit"),
            tr("score.level"),
            tr("score.classes"),
            tr("score.responses"),
            tr("score.expected"),
            tr("score.rate"),
            ...labels.map((l) => l.label),
            tr("score.overall"),
            tr("score.change"),
            tr("score.identical"),
            tr("score.flags"),
            tr("score.flagged"),
          ],
          ...s.units.map((u) => [
            u.name,
            tr(`level.${u.level}`),
            u.classes,
            u.responses,
            u.expected,
            u.responseRate,
            ...labels.map((l) => u.means?.[l.id] ?? null),
            u.overall ?? (u.responses > 0 ? hidden : null),
            u.change,
            u.identicalShare,
            flagText(u.flags),
            u.flaggedClasses,
          ]),
        ];
      } else {
        const classes = await allClassScores(c.var.db, unit, q);
        rows = [
          [unit.name, `${tr("score.period")}: ${q.from} → ${q.to}`],
          [
            tr("score.class"),
            tr("score.code"),
            tr("score.unit"),
            tr("score.date"),
            tr("score.responses"),
            tr("score.expected"),
            tr("score.rate"),
            ...labels.map((l) => l.label),
            tr("score.overall"),
            tr("score.observed"),
            tr("score.identical"),
            tr("score.flags"),
          ],
          ...classes.map((k) => [
            k.title,
            k.code,
            k.unitName,
            new Date(k.startsAt).toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }),
            k.responses,
            k.expected,
            k.responseRate,
            ...labels.map((l) => k.means?.[l.id] ?? null),
            k.overall ?? (k.responses > 0 ? hidden : null),
            k.observed,
            k.identicalShare,
            flagText(k.flags),
          ]),
        ];
      }
      const name = `${file.startsWith("scores") ? "diem" : "lop"}-${unit.code}-${q.from}-${q.to}`;
      if (file.endsWith(".csv")) {
        return c.body(toCsv(rows), 200, {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}.csv"`,
        });
      }
      return c.body(toXlsx(file.startsWith("scores") ? "Don vi" : "Lop", rows).slice().buffer, 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      });
    },
  )
  .post("/", requireStaff("admin"), validate("json", createBody), async (c) => {
    const body = c.req.valid("json");
    const parent = await findUnitById(c.var.db, body.parentId);
    if (!parent?.path.startsWith(c.var.user.unitPath)) {
      throw invalidBody({ parentId: { key: "field.unit_not_found" } });
    }
    if (!parent.active) throw invalidBody({ parentId: { key: "field.unit_inactive" } });
    if (LEVEL_RANK[parent.level] >= LEVEL_RANK[body.level]) {
      throw invalidBody({ parentId: { key: "field.parent_level" } });
    }
    if (await findUnitByCode(c.var.db, body.code)) throw invalidBody({ code: { key: "field.code_taken" } });
    const all = await listAllUnits(c.var.db);
    const id = nextUnitId(all);
    await editTree(c.env.DB, c.var.db, all, [
      {
        kind: "insert",
        unit: {
          id,
          code: body.code,
          name: body.name,
          level: body.level,
          parentId: parent.id,
          validFrom: body.validFrom,
          validTo: null,
          successorId: null,
          active: true,
        },
      },
    ]);
    return c.json({ id, code: body.code }, 201);
  })
  .patch(
    "/:id",
    requireStaff("admin"),
    validate("param", idParam),
    validate("json", patchBody),
    async (c) => {
      const unit = await unitInScope(c, c.req.valid("param").id);
      const body = c.req.valid("json");
      const all = await listAllUnits(c.var.db);
      const set: Extract<TreeEdit, { kind: "update" }>["set"] = {};
      if (body.name !== undefined) set.name = body.name;
      if (body.parentId !== undefined && body.parentId !== unit.parentId) {
        const parent = all.find((u) => u.id === body.parentId);
        if (!parent?.path.startsWith(c.var.user.unitPath)) {
          throw invalidBody({ parentId: { key: "field.unit_not_found" } });
        }
        if (!unit.active || !parent.active) throw invalidBody({ parentId: { key: "field.unit_inactive" } });
        if (LEVEL_RANK[parent.level] >= LEVEL_RANK[unit.level]) {
          throw invalidBody({ parentId: { key: "field.parent_level" } });
        }
        if (parent.path.startsWith(unit.path)) cycleError("parentId");
        set.parentId = parent.id;
      }
      if (body.active === false && unit.active) {
        if (all.some((u) => u.nowParentId === unit.id && u.active)) {
          throw new ApiError(409, "has_active_children", "error.invalid_body", {
            active: { key: "field.has_active_children" },
          });
        }
        set.active = false;
        set.validTo = body.validTo ?? today();
      }
      // Nothing differs from what is stored (e.g. the same parent again): nothing to write.
      if (Object.keys(set).length === 0) return c.json({ ok: true });
      const result = await editTree(c.env.DB, c.var.db, all, [{ kind: "update", id: unit.id, set }]);
      if (!result.ok) cycleError("parentId");
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/merge",
    requireStaff("admin"),
    validate("param", idParam),
    validate("json", mergeBody),
    async (c) => {
      const unit = await unitInScope(c, c.req.valid("param").id);
      const body = c.req.valid("json");
      const successor = await unitInScope(c, body.successorId).catch(() => undefined);
      if (!successor) throw invalidBody({ successorId: { key: "field.unit_not_found" } });
      if (!unit.active) throw invalidBody({ successorId: { key: "field.unit_inactive" } });
      if (!successor.active) throw invalidBody({ successorId: { key: "field.unit_inactive" } });
      if (successor.path.startsWith(unit.path)) cycleError("successorId");
      if (LEVEL_RANK[successor.level] > LEVEL_RANK[unit.level]) {
        throw invalidBody({ successorId: { key: "field.successor_level" } });
      }
      const all = await listAllUnits(c.var.db);
      const result = await editTree(c.env.DB, c.var.db, all, [
        {
          kind: "update",
          id: unit.id,
          set: { active: false, validTo: body.date, successorId: successor.id },
        },
      ]);
      if (!result.ok) cycleError("successorId");
      return c.json({ ok: true });
    },
  )
  .post(
    "/import",
    requireStaff("admin"),
    bodyLimit({
      maxSize: IMPORT_LIMIT,
      onError: () => {
        throw new ApiError(413, "body_too_large", "error.body_too_large");
      },
    }),
    async (c) => {
      if (!/^text\/(csv|plain)/i.test(c.req.header("Content-Type") ?? "")) {
        throw invalidBody({ body: { key: "field.csv_required" } });
      }
      const rows = parseCsv(await c.req.text());
      const all = await listAllUnits(c.var.db);
      const existing = new Map<string, ExistingUnit>(
        // Units outside the admin's scope cannot be parents or successors.
        all
          .filter((u) => u.path.startsWith(c.var.user.unitPath))
          .map((u) => [u.code, { id: u.id, level: u.level, active: u.active }]),
      );
      const taken = new Set(all.map((u) => u.code));
      const checked = checkImport(rows, existing, taken, nextUnitId(all), today());
      if (!checked.ok) {
        const fields: FieldErrors = {};
        for (const [line, errs] of [...checked.errors.entries()].sort((a, b) => a[0] - b[0])) {
          for (const [field, key] of Object.entries(errs)) {
            if (key && isMessageKey(key)) fields[`lines.${line}.${field}`] = { key };
          }
        }
        throw new ApiError(400, "import_failed", "error.import_failed", fields);
      }
      const result = await editTree(
        c.env.DB,
        c.var.db,
        all,
        checked.units.map((u) => ({ kind: "insert" as const, unit: u })),
      );
      if (!result.ok) {
        const line = checked.units.find((u) => u.id === result.cycleAt)?.line ?? 1;
        throw new ApiError(400, "import_failed", "error.import_failed", {
          [`lines.${line}.parent_code`]: { key: "import.cycle" },
        });
      }
      return c.json({ imported: checked.units.length, codes: checked.units.map((u) => u.code) }, 201);
    },
  );
