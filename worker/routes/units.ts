// The unit tree: what the caller may see, its scores and exports, and the admin's edits (add, rename, move, deactivate, merge, import).
import { Hono } from "hono";
import * as v from "valibot";
import { Invalid } from "../domain/errors";
import { LEVELS, TRAINEE_CATEGORIES } from "../domain/terms";
import { UNIT_CODE } from "../domain/unitImport";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { sendTable } from "../http/files";
import { importBodyLimit } from "../http/middleware";
import { idParam } from "../http/params";
import { day, intId, jsonObject, requiredText, validate } from "../http/validate";
import { unitTable } from "../services/exports";
import { scopedQuery, unitComments, unitDashboard } from "../services/scores";
import { needsOf } from "../services/templates";
import { addUnit, changeUnit, importUnits, listUnits, mergeUnit } from "../services/units";

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

const fileParam = v.object({
  id: intId,
  file: v.picklist(
    ["scores.csv", "scores.xlsx", "classes.csv", "classes.xlsx", "comments.csv", "comments.xlsx"],
    "field.invalid",
  ),
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

const FILES = {
  "scores.csv": ["scores", "csv"],
  "scores.xlsx": ["scores", "xlsx"],
  "classes.csv": ["classes", "csv"],
  "classes.xlsx": ["classes", "xlsx"],
  "comments.csv": ["comments", "csv"],
  "comments.xlsx": ["comments", "xlsx"],
} as const;

export const unitRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listUnits(c.var.db, c.var.user)))
  .get(
    "/:id/needs",
    validate("param", idParam),
    validate("query", v.strictObject({ template: v.optional(intId) }, "field.type_object")),
    async (c) =>
      c.json(
        await needsOf(
          c.var.db,
          c.var.user,
          c.req.valid("param").id,
          c.req.valid("query").template,
          c.var.lang,
        ),
      ),
  )
  .get("/:id/scores", validate("param", idParam), validate("query", scoresQuery), async (c) =>
    c.json(
      await unitDashboard(
        c.var.db,
        c.var.user,
        c.req.valid("param").id,
        c.req.valid("query"),
        c.var.lang,
        new Date(),
      ),
    ),
  )
  .get("/:id/comments", validate("param", idParam), validate("query", scoresQuery), async (c) => {
    const { unit, query } = await scopedQuery(
      c.var.db,
      c.var.user,
      c.req.valid("param").id,
      c.req.valid("query"),
      new Date(),
    );
    return c.json(await unitComments(c.var.db, unit, query, c.var.lang));
  })
  .get(
    "/:id/:file",
    audited("unit_export"),
    validate("param", fileParam),
    validate("query", scoresQuery),
    async (c) => {
      const { id, file } = c.req.valid("param");
      const { unit, query } = await scopedQuery(c.var.db, c.var.user, id, c.req.valid("query"), new Date());
      const [what, format] = FILES[file];
      c.set("auditTarget", file);
      return sendTable(c, format, await unitTable(c.var.db, unit, query, what, c.var.lang));
    },
  )
  .post("/", audited("unit_add"), allow("admin"), validate("json", createBody), async (c) =>
    c.json(await addUnit(c.var.db, c.var.user, c.req.valid("json")), 201),
  )
  .patch(
    "/:id",
    audited("unit_change"),
    allow("admin"),
    validate("param", idParam),
    validate("json", patchBody),
    async (c) => {
      await changeUnit(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"), new Date());
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/merge",
    audited("unit_merge"),
    allow("admin"),
    validate("param", idParam),
    validate("json", mergeBody),
    async (c) => {
      await mergeUnit(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"));
      return c.json({ ok: true });
    },
  )
  .post("/import", audited("unit_import"), allow("admin"), importBodyLimit, async (c) => {
    if (!/^text\/(csv|plain)/i.test(c.req.header("Content-Type") ?? "")) {
      throw new Invalid({ body: { key: "field.csv_required" } });
    }
    return c.json(await importUnits(c.var.db, c.var.user, await c.req.text(), new Date()), 201);
  });
