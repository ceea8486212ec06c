// The facilitator's board and the leaders' view of a workshop: groups, moderation, merges, follow-up, exports.
import { Hono } from "hono";
import * as v from "valibot";
import {
  AGENDA_MAX,
  FOLLOW_STATUSES,
  GROUP_LABEL_MAX,
  NOTE_MAX,
  PROPOSAL_MAX,
  REASON_MAX,
} from "../domain/proposal";
import { ORGANISERS } from "../domain/terms";
import { audited } from "../http/audit";
import { allow } from "../http/auth";
import type { AppEnv } from "../http/env";
import { sendTable } from "../http/files";
import { idParam } from "../http/params";
import { assertSomeField, intId, jsonObject, requiredText, text, validate } from "../http/validate";
import {
  addGroup,
  boardOf,
  changeProposal,
  dismissDuplicate,
  eventGroups,
  mergeInto,
  regroupWorkshop,
  relabelGroup,
  seedAgenda,
  unmerge,
} from "../services/board";
import { proposalsTable } from "../services/exports";
import { shareWorkshopLessons } from "../services/lessons";

const proposalParam = v.object({ id: intId, pid: intId });
const groupParam = v.object({ id: intId, gid: intId });
const idList = v.pipe(v.array(intId, "field.type_array"), v.maxLength(200, "field.too_many"));

const patchBody = jsonObject({
  text: v.optional(
    v.pipe(
      v.string("field.type_string"),
      v.trim(),
      v.minLength(1, "field.required"),
      v.maxLength(PROPOSAL_MAX, "field.too_long"),
    ),
  ),
  hidden: v.optional(v.boolean("field.invalid")),
  hiddenReason: v.optional(v.nullable(text(REASON_MAX))),
  groupId: v.optional(intId),
  followStatus: v.optional(v.nullable(v.picklist(FOLLOW_STATUSES, "field.invalid"))),
  followNote: v.optional(v.nullable(text(NOTE_MAX))),
  followUnitId: v.optional(v.nullable(intId)),
});

const followRoles = ["admin", "organiser", "leader"] as const;

export const boardRoutes = new Hono<AppEnv>()
  .get("/:id/groups", validate("param", idParam), async (c) =>
    c.json(await eventGroups(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .get("/:id/board", validate("param", idParam), async (c) =>
    c.json(await boardOf(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .patch(
    "/:id/proposals/:pid",
    audited("proposal_edit"),
    allow(...followRoles),
    validate("param", proposalParam),
    validate("json", patchBody),
    async (c) => {
      const body = c.req.valid("json");
      assertSomeField(body);
      await changeProposal(c.var.db, c.var.user, c.req.valid("param"), body, new Date());
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/merges",
    audited("merge"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate(
      "json",
      jsonObject({ targetId: intId, sourceIds: v.pipe(idList, v.minLength(1, "field.required")) }),
    ),
    async (c) => c.json(await mergeInto(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete(
    "/:id/merges/:pid",
    audited("unmerge"),
    allow(...ORGANISERS),
    validate("param", proposalParam),
    async (c) => {
      await unmerge(c.var.db, c.var.user, c.req.valid("param"));
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/duplicates/dismiss",
    audited("not_duplicates"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", jsonObject({ a: intId, b: intId })),
    async (c) => {
      const { a, b } = c.req.valid("json");
      await dismissDuplicate(c.var.db, c.var.user, c.req.valid("param").id, a, b);
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/groups",
    audited("group_create"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate(
      "json",
      jsonObject({ label: requiredText(GROUP_LABEL_MAX), proposalIds: v.optional(idList, []) }),
    ),
    async (c) => {
      const id = await addGroup(
        c.var.db,
        c.var.user,
        c.req.valid("param").id,
        c.req.valid("json"),
        new Date(),
      );
      return c.json({ id }, 201);
    },
  )
  .post(
    "/:id/agenda",
    audited("agenda"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate(
      "json",
      jsonObject({
        labels: v.pipe(
          v.array(requiredText(GROUP_LABEL_MAX), "field.type_array"),
          v.minLength(1, "field.required"),
          v.maxLength(AGENDA_MAX, "field.too_many"),
        ),
      }),
    ),
    async (c) => {
      const created = await seedAgenda(
        c.var.db,
        c.var.user,
        c.req.valid("param").id,
        c.req.valid("json").labels,
        new Date(),
      );
      return c.json({ ok: true, created }, 201);
    },
  )
  .patch(
    "/:id/groups/:gid",
    audited("group_rename"),
    allow(...ORGANISERS),
    validate("param", groupParam),
    validate("json", jsonObject({ label: requiredText(GROUP_LABEL_MAX) })),
    async (c) => {
      await relabelGroup(c.var.db, c.var.user, c.req.valid("param"), c.req.valid("json").label);
      return c.json({ ok: true });
    },
  )
  .put(
    "/:id/lessons-shared",
    audited("lessons_share"),
    allow(...ORGANISERS),
    validate("param", idParam),
    validate("json", jsonObject({ share: v.boolean("field.invalid") })),
    async (c) => {
      await shareWorkshopLessons(c.var.db, c.var.user, c.req.valid("param").id, c.req.valid("json").share);
      return c.json({ ok: true });
    },
  )
  .post("/:id/regroup", audited("regroup"), allow(...ORGANISERS), validate("param", idParam), async (c) => {
    const considered = await regroupWorkshop(c.var.db, c.var.user, c.req.valid("param").id, new Date());
    return c.json({ ok: true, considered });
  })
  .get("/:id/proposals.csv", audited("proposals_csv"), validate("param", idParam), async (c) =>
    sendTable(c, "csv", await proposalsTable(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  )
  .get("/:id/proposals.xlsx", audited("proposals_xlsx"), validate("param", idParam), async (c) =>
    sendTable(c, "xlsx", await proposalsTable(c.var.db, c.var.user, c.req.valid("param").id, c.var.lang)),
  );
