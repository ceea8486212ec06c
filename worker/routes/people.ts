// The officer register: a page of people, one added or changed, a list imported (CSV or XLSX, previewed first), exported.
import { Hono } from "hono";
import * as v from "valibot";
import { NAME_MAX, POSITIONS } from "../domain/people";
import { ORGANISERS } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { sendTable } from "../http/files";
import { importBodyLimit } from "../http/middleware";
import { dryRunQuery, idParam } from "../http/params";
import { day, intId, jsonObject, pageEntries, requiredText, validate } from "../http/validate";
import { addPerson, changePerson, importPeople, peoplePage, peopleTable, rowsOf } from "../services/people";

const position = v.picklist(POSITIONS, "people.bad_position");
const birthYear = v.pipe(v.number("field.type_integer"), v.integer("field.invalid"));

const filters = {
  unit: v.optional(intId),
  position: v.optional(position),
  all: v.optional(
    v.pipe(
      v.picklist(["1", "0"], "field.invalid"),
      v.transform((x) => x === "1"),
    ),
  ),
  trained: v.optional(v.picklist(["yes", "no"], "field.invalid")),
  programme: v.optional(intId),
};

const listQuery = v.strictObject({ ...pageEntries(500), ...filters }, "field.type_object");
const exportQuery = v.strictObject(
  { q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, "field.too_long"))), ...filters },
  "field.type_object",
);

const createBody = jsonObject({
  name: requiredText(NAME_MAX),
  birthYear,
  position,
  unitId: intId,
  since: v.optional(v.nullable(day)),
});

const patchBody = jsonObject({
  name: v.optional(requiredText(NAME_MAX)),
  birthYear: v.optional(birthYear),
  position: v.optional(position),
  unitId: v.optional(intId),
  since: v.optional(v.nullable(day)),
  until: v.optional(v.nullable(day)),
});

export const peopleRoutes = new Hono<AppEnv>()
  .get("/", validate("query", listQuery), async (c) =>
    c.json(await peoplePage(c.var.db, c.var.user, c.req.valid("query"), new Date())),
  )
  .get("/people.csv", audited("people_export"), validate("query", exportQuery), async (c) =>
    sendTable(
      c,
      "csv",
      await peopleTable(c.var.db, c.var.user, c.req.valid("query"), c.var.lang, new Date()),
    ),
  )
  .get("/people.xlsx", audited("people_export"), validate("query", exportQuery), async (c) =>
    sendTable(
      c,
      "xlsx",
      await peopleTable(c.var.db, c.var.user, c.req.valid("query"), c.var.lang, new Date()),
    ),
  )
  .post("/", audited("person_add"), allow(...ORGANISERS), validate("json", createBody), async (c) =>
    c.json({ id: await addPerson(c.var.db, c.var.user, c.req.valid("json"), new Date()) }, 201),
  )
  .post(
    "/import",
    audited("people_import"),
    allow(...ORGANISERS),
    importBodyLimit,
    validate("query", dryRunQuery),
    async (c) => {
      const rows = rowsOf(c.req.header("Content-Type") ?? "", await c.req.arrayBuffer());
      const dryRun = c.req.valid("query").dryRun ?? false;
      const result = await importPeople(c.var.db, c.var.user, rows, dryRun, new Date());
      return c.json(result, dryRun ? 200 : 201);
    },
  )
  .patch(
    "/:id",
    audited("person_change"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", patchBody),
    async (c) => {
      await changePerson(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"), new Date());
      return c.json({ ok: true });
    },
  );
