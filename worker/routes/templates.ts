// Survey templates: everyone lists what a class can start from; organisers and admins keep their units' own.
import { Hono } from "hono";
import * as v from "valibot";
import { ORGANISERS } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { formEntries, idParam } from "../http/params";
import { assertSomeField, intId, jsonObject, validate } from "../http/validate";
import { changeTemplate, createTemplate, templatesFor } from "../services/templates";

const createBody = jsonObject({ unitId: intId, ...formEntries });

const changeBody = jsonObject({
  title: v.optional(formEntries.title),
  questions: v.optional(formEntries.questions),
});

export const templateRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await templatesFor(c.var.db, c.var.user)))
  .post("/", audited("template_create"), allow(...ORGANISERS), validate("json", createBody), async (c) => {
    const body = c.req.valid("json");
    c.set("auditTarget", body.title);
    return c.json(await createTemplate(c.var.db, c.var.user, body, new Date()), 201);
  })
  .patch(
    "/:id",
    audited("template_change"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", changeBody),
    async (c) => {
      const body = c.req.valid("json");
      assertSomeField(body);
      const after = await changeTemplate(c.var.db, c.var.user, c.req.valid("param").id, body, new Date());
      c.set("auditTarget", after.title);
      return c.json(after);
    },
  );
