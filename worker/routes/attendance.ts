// A class's attendance: who came from the register, and the class's length in days.
import { Hono } from "hono";
import * as v from "valibot";
import { ORGANISERS } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { importBodyLimit } from "../http/middleware";
import { dryRunQuery, idParam } from "../http/params";
import { jsonObject, validate } from "../http/validate";
import { attendanceOf, importClassList, saveAttendance } from "../services/attendance";
import { rowsOf } from "../services/people";

/** A hall's worth: more is a mistake, not a class. */
const MAX_ATTENDING = 1000;

const ids = v.pipe(
  v.array(
    v.pipe(v.number("field.type_integer"), v.integer("field.invalid"), v.minValue(1, "field.invalid")),
    "field.type_array",
  ),
  v.maxLength(MAX_ATTENDING, "field.too_many"),
);

const putBody = jsonObject({
  personIds: ids,
  completed: v.optional(ids),
  days: v.optional(
    v.pipe(
      v.number("field.type_integer"),
      v.integer("field.invalid"),
      v.minValue(1, "field.invalid"),
      v.maxValue(365, "field.invalid"),
    ),
  ),
});

export const attendanceRoutes = new Hono<AppEnv>()
  .get("/:id/attendance", validate("param", idParam), async (c) =>
    c.json(await attendanceOf(c.var.db, c.var.user, c.req.valid("param").id)),
  )
  .post(
    "/:id/attendance/import",
    audited("attendance_import"),
    allow(...ORGANISERS),
    importBodyLimit,
    validate("param", idParam),
    validate("query", dryRunQuery),
    async (c) => {
      const rows = rowsOf(c.req.header("Content-Type") ?? "", await c.req.arrayBuffer());
      const dryRun = c.req.valid("query").dryRun ?? false;
      const result = await importClassList(
        c.var.db,
        c.var.user,
        c.req.valid("param").id,
        rows,
        dryRun,
        new Date(),
      );
      return c.json(result, dryRun ? 200 : 201);
    },
  )
  .put(
    "/:id/attendance",
    audited("attendance"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", putBody),
    async (c) =>
      c.json(
        await saveAttendance(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"), new Date()),
      ),
  );
