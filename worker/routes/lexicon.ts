// The grouping lexicon: the built-in themes and phrases, and phrases organisers add for their unit.
import { Hono } from "hono";
import * as v from "valibot";
import { PROPOSAL_MAX } from "../domain/proposal";
import { ORGANISERS } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { idParam } from "../http/params";
import { intId, jsonObject, requiredText, validate } from "../http/validate";
import { forgetLesson, promoteUnitLessons, taughtTo } from "../services/lessons";
import { addPhrase, explainText, listLexicon, removePhrase } from "../services/lexicon";

const kind = v.picklist(["proposal", "comment"], "field.invalid");

export const lexiconRoutes = new Hono<AppEnv>()
  .get("/", validate("query", v.object({ kind: v.optional(kind, "proposal") })), async (c) =>
    c.json(await listLexicon(c.var.db, c.var.user, c.req.valid("query").kind, c.var.lang)),
  )
  .get(
    "/explain",
    validate(
      "query",
      v.strictObject(
        { kind: v.optional(kind, "proposal"), text: requiredText(PROPOSAL_MAX) },
        "field.type_object",
      ),
    ),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await explainText(c.var.db, c.var.user, q.kind, q.text, c.var.lang));
    },
  )
  .post(
    "/",
    audited("lexicon_add"),
    allow(...ORGANISERS),
    validate(
      "json",
      jsonObject({ kind, topic: requiredText(40), phrase: requiredText(80), unitId: v.optional(intId) }),
    ),
    async (c) => {
      await addPhrase(c.var.db, c.var.user, c.req.valid("json"), new Date());
      return c.json({ ok: true }, 201);
    },
  )
  .get("/lessons", async (c) => c.json(await taughtTo(c.var.db, c.var.user)))
  .delete(
    "/lessons/:id",
    audited("lesson_remove"),
    allow(...ORGANISERS),
    validate("param", idParam),
    async (c) => {
      await forgetLesson(c.var.db, c.var.user, c.req.valid("param").id);
      return c.json({ ok: true });
    },
  )
  .put(
    "/promotions",
    audited("lesson_promote"),
    allow("admin"),
    validate("json", jsonObject({ unitId: intId, scopeUnitId: v.nullable(intId) })),
    async (c) => {
      await promoteUnitLessons(c.var.db, c.var.user, c.req.valid("json"), new Date());
      return c.json({ ok: true });
    },
  )
  .delete("/:id", audited("lexicon_remove"), allow(...ORGANISERS), validate("param", idParam), async (c) => {
    await removePhrase(c.var.db, c.var.user, c.req.valid("param").id);
    return c.json({ ok: true });
  });
