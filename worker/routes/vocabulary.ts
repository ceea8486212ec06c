// The grouping vocabulary: the built-in themes and phrases, and phrases organisers add for their unit.
import { Hono } from "hono";
import * as v from "valibot";
import { requireStaff } from "../auth";
import { addVocabularyTerm, loadVocabularyTerms } from "../db/proposals";
import { findUnitById } from "../db/units";
import { COMMENT_TOPICS, PROPOSAL_TOPICS } from "../domain/vocabulary";
import type { AppEnv } from "../env";
import { ApiError, invalidBody } from "../errors";
import { intId, jsonObject, requiredText, validate } from "../validate";

const kind = v.picklist(["proposal", "comment"], "field.invalid");
const topicsOf = (k: "proposal" | "comment") => (k === "proposal" ? PROPOSAL_TOPICS : COMMENT_TOPICS);

export const vocabularyRoutes = new Hono<AppEnv>()
  .get(
    "/",
    requireStaff(),
    validate("query", v.object({ kind: v.optional(kind, "proposal") })),
    async (c) => {
      const k = c.req.valid("query").kind;
      const extra = await loadVocabularyTerms(c.var.db, c.var.user.unitPath, k);
      return c.json({
        topics: topicsOf(k).map((tp) => ({
          key: tp.key,
          label: c.var.lang === "en" ? tp.en : tp.vi,
          phrases: [...Object.values(tp.concepts ?? {}).flat(), ...(tp.strong ?? []), ...tp.weak],
          added: extra
            .filter((e) => e.topic === tp.key)
            .map((e) => ({ id: e.id, phrase: e.phrase, unit: e.unitName })),
        })),
      });
    },
  )
  .post(
    "/",
    requireStaff("admin", "organiser"),
    validate(
      "json",
      jsonObject({ kind, topic: requiredText(40), phrase: requiredText(80), unitId: v.optional(intId) }),
    ),
    async (c) => {
      const body = c.req.valid("json");
      const user = c.var.user;
      if (!topicsOf(body.kind).some((tp) => tp.key === body.topic))
        throw invalidBody({ topic: { key: "field.unknown_topic" } });
      const unit = await findUnitById(c.var.db, body.unitId ?? user.unitId);
      if (!unit) throw invalidBody({ unitId: { key: "field.unit_not_found" } });
      if (!unit.path.startsWith(user.unitPath)) {
        throw new ApiError(403, "out_of_scope", "error.out_of_scope", {
          unitId: { key: "field.unit_not_found" },
        });
      }
      await addVocabularyTerm(c.var.db, {
        unitId: unit.id,
        kind: body.kind,
        topic: body.topic,
        phrase: body.phrase.toLowerCase(),
        createdBy: user.id,
        now: new Date().toISOString(),
      });
      return c.json({ ok: true }, 201);
    },
  );
