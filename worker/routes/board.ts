// The facilitator's board and the leaders' view of a workshop: groups, moderation, merges, follow-up, exports.
import { Hono } from "hono";
import * as v from "valibot";
import { requireStaff } from "../auth";
import type { DB } from "../db";
import type { EventRow } from "../db/events";
import {
  createGroup,
  dismissPair,
  findProposal,
  loadGroups,
  mergeProposals,
  type ProposalRow,
  renameGroup,
  unmergeProposal,
  updateProposal,
} from "../db/proposals";
import { loadComments } from "../db/responses";
import { findUnitById } from "../db/units";
import { toCsv } from "../domain/csv";
import { FOLLOW_STATUSES, GROUP_LABEL_MAX, NOTE_MAX, PROPOSAL_MAX, REASON_MAX } from "../domain/proposal";
import { MIN_RESPONSES_FOR_DETAIL } from "../domain/report";
import { toXlsx } from "../domain/xlsx";
import type { AppEnv } from "../env";
import { ApiError, invalidBody } from "../errors";
import { type Lang, t } from "../i18n";
import { assertSomeField, intId, jsonObject, requiredText, text, validate } from "../validate";
import {
  buildBoard,
  duplicateSuggestions,
  type GroupItem,
  groupComments,
  regroup,
  vocabularyFor,
} from "../workshop";
import { eventInScope, idParam, organisers } from "./events";

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

/** One shape for both kinds, so clients get one type: a class's items are {id, text} only. */
interface GroupsBody {
  kind: "class" | "workshop";
  hiddenBelow: number | null;
  groups: {
    id: number;
    key: string | null;
    label: string;
    keywords: string[];
    items: (GroupItem | { id: number; text: string })[];
  }[];
}

const followRoles = ["admin", "organiser", "leader"] as const;

async function workshopInScope(db: DB, user: AppEnv["Variables"]["user"], id: number): Promise<EventRow> {
  const event = await eventInScope(db, user, id);
  if (event.kind !== "workshop") throw new ApiError(409, "not_workshop", "error.not_workshop");
  return event;
}

async function proposalOf(db: DB, event: EventRow, id: number, field = "id"): Promise<ProposalRow> {
  const p = await findProposal(db, id);
  if (!p)
    throw new ApiError(404, "proposal_not_found", "error.proposal_not_found", {
      [field]: { key: "error.proposal_not_found" },
    });
  if (p.eventId !== event.id) throw invalidBody({ [field]: { key: "field.proposal_other_event" } });
  return p;
}

async function groupOf(db: DB, eventId: number, gid: number, field = "groupId") {
  const g = (await loadGroups(db, eventId)).find((x) => x.id === gid);
  if (!g)
    throw new ApiError(404, "group_not_found", "error.group_not_found", {
      [field]: { key: "error.group_not_found" },
    });
  return g;
}

/** Rows for CSV and XLSX: one per visible proposal, in board order; formulas are neutralised by the writers. */
async function exportRows(db: DB, event: EventRow, lang: Lang) {
  const { groups } = await buildBoard(db, event, lang, false);
  const en = lang === "en";
  const header = [
    en ? "Group" : "Nhóm",
    en ? "Proposal" : "Đề xuất",
    en ? "Who should act" : "Ai thực hiện",
    en ? "Suggested" : "Gợi ý",
    en ? "Supports" : "Ủng hộ",
    en ? "Merged into" : "Gộp vào",
    en ? "Name" : "Họ tên",
    en ? "Unit" : "Đơn vị",
    en ? "Follow-up" : "Xử lý",
    en ? "Note" : "Ghi chú",
    en ? "Sent at" : "Thời gian gửi",
  ];
  const rows = groups.flatMap((g) =>
    g.items.map((i) => [
      g.label,
      i.text,
      t(lang, `addressee.${i.addressee}`),
      i.addresseeSuggested ? (en ? "yes" : "có") : "",
      i.supports,
      i.duplicateOf,
      i.authorName,
      i.authorUnit,
      i.followStatus === null ? "" : t(lang, `follow.${i.followStatus}`),
      i.followNote,
      i.createdAt,
    ]),
  );
  return [header, ...rows];
}

export const boardRoutes = new Hono<AppEnv>()
  .get("/:id/groups", requireStaff(), validate("param", idParam), async (c) => {
    const event = await eventInScope(c.var.db, c.var.user, c.req.valid("param").id);
    if (event.kind === "class") {
      // A class: its trainees' free-text answers grouped by theme, hidden below the threshold.
      if (event.responseCount < MIN_RESPONSES_FOR_DETAIL) {
        const hidden: GroupsBody = { kind: event.kind, hiddenBelow: MIN_RESPONSES_FOR_DETAIL, groups: [] };
        return c.json(hidden);
      }
      const [comments, vocab] = await Promise.all([
        loadComments(c.var.db, event.id, 2000),
        vocabularyFor(c.var.db, event.unitPath, "comment"),
      ]);
      return c.json({
        kind: event.kind,
        hiddenBelow: null,
        groups: groupComments(comments, vocab, c.var.lang),
      });
    }
    const { groups } = await buildBoard(c.var.db, event, c.var.lang, false);
    return c.json({ kind: event.kind, hiddenBelow: null, groups });
  })
  .get("/:id/board", requireStaff(), validate("param", idParam), async (c) => {
    const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
    const { groups, rows, visible, analyses } = await buildBoard(c.var.db, event, c.var.lang, true);
    const hidden = rows
      .filter((r) => r.hidden === 1)
      .map((r) => ({
        id: r.id,
        text: r.text,
        hiddenReason: r.hiddenReason,
        createdAt: r.createdAt,
      }));
    return c.json({
      groups,
      hidden,
      suggestions: await duplicateSuggestions(c.var.db, event.id, visible, analyses),
    });
  })
  .patch(
    "/:id/proposals/:pid",
    requireStaff(...followRoles),
    validate("param", proposalParam),
    validate("json", patchBody),
    async (c) => {
      const { id, pid } = c.req.valid("param");
      const body = c.req.valid("json");
      assertSomeField(body);
      const user = c.var.user;
      const event = await workshopInScope(c.var.db, user, id);
      const p = await proposalOf(c.var.db, event, pid, "pid");
      const moderating = body.text !== undefined || body.hidden !== undefined || body.groupId !== undefined;
      if (moderating && user.role === "leader") throw new ApiError(403, "forbidden", "error.forbidden");
      if (body.groupId !== undefined) await groupOf(c.var.db, event.id, body.groupId);
      if (body.followUnitId !== undefined && body.followUnitId !== null) {
        const unit = await findUnitById(c.var.db, body.followUnitId);
        if (!unit?.path.startsWith(user.unitPath)) {
          throw invalidBody({ followUnitId: { key: "field.unit_not_found" } });
        }
      }
      await updateProposal(c.var.db, event.id, p.id, {
        ...body,
        // The delegate's words are kept the first time a facilitator corrects them.
        ...(body.text !== undefined && body.text !== p.text && p.originalText === null
          ? { originalText: p.text }
          : {}),
        now: new Date().toISOString(),
      });
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/merges",
    requireStaff(...organisers),
    validate("param", idParam),
    validate(
      "json",
      jsonObject({ targetId: intId, sourceIds: v.pipe(idList, v.minLength(1, "field.required")) }),
    ),
    async (c) => {
      const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
      const { targetId, sourceIds } = c.req.valid("json");
      if (sourceIds.includes(targetId)) throw invalidBody({ sourceIds: { key: "field.merge_self" } });
      const target = await proposalOf(c.var.db, event, targetId, "targetId");
      // Merging into an original merges into what it already belongs to.
      const rootId = target.duplicateOf ?? target.id;
      for (const [i, sid] of sourceIds.entries()) await proposalOf(c.var.db, event, sid, `sourceIds.${i}`);
      const sources = sourceIds.filter((s) => s !== rootId);
      if (sources.length > 0) await mergeProposals(c.env.DB, c.var.db, event.id, rootId, sources);
      const merged = await proposalOf(c.var.db, event, rootId);
      return c.json({ id: rootId, supports: merged.supports });
    },
  )
  .delete("/:id/merges/:pid", requireStaff(...organisers), validate("param", proposalParam), async (c) => {
    const { id, pid } = c.req.valid("param");
    const event = await workshopInScope(c.var.db, c.var.user, id);
    const p = await proposalOf(c.var.db, event, pid, "pid");
    if (p.duplicateOf !== null) await unmergeProposal(c.env.DB, c.var.db, event.id, p.id, p.duplicateOf);
    return c.json({ ok: true });
  })
  .post(
    "/:id/duplicates/dismiss",
    requireStaff(...organisers),
    validate("param", idParam),
    validate("json", jsonObject({ a: intId, b: intId })),
    async (c) => {
      const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
      const { a, b } = c.req.valid("json");
      await proposalOf(c.var.db, event, a, "a");
      await proposalOf(c.var.db, event, b, "b");
      await dismissPair(c.var.db, event.id, a, b);
      return c.json({ ok: true });
    },
  )
  .post(
    "/:id/groups",
    requireStaff(...organisers),
    validate("param", idParam),
    validate(
      "json",
      jsonObject({ label: requiredText(GROUP_LABEL_MAX), proposalIds: v.optional(idList, []) }),
    ),
    async (c) => {
      const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
      const { label, proposalIds } = c.req.valid("json");
      for (const [i, pid] of proposalIds.entries())
        await proposalOf(c.var.db, event, pid, `proposalIds.${i}`);
      const id = await createGroup(
        c.env.DB,
        c.var.db,
        event.id,
        label,
        proposalIds,
        new Date().toISOString(),
      );
      return c.json({ id }, 201);
    },
  )
  .patch(
    "/:id/groups/:gid",
    requireStaff(...organisers),
    validate("param", groupParam),
    validate("json", jsonObject({ label: requiredText(GROUP_LABEL_MAX) })),
    async (c) => {
      const { id, gid } = c.req.valid("param");
      const event = await workshopInScope(c.var.db, c.var.user, id);
      await groupOf(c.var.db, event.id, gid, "gid");
      await renameGroup(c.var.db, event.id, gid, c.req.valid("json").label);
      return c.json({ ok: true });
    },
  )
  .post("/:id/regroup", requireStaff(...organisers), validate("param", idParam), async (c) => {
    const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
    const moved = await regroup(c.env.DB, c.var.db, event, new Date());
    return c.json({ ok: true, considered: moved });
  })
  .get("/:id/proposals.csv", requireStaff(), validate("param", idParam), async (c) => {
    const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
    return c.body(toCsv(await exportRows(c.var.db, event, c.var.lang)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="de-xuat-${event.code}.csv"`,
    });
  })
  .get("/:id/proposals.xlsx", requireStaff(), validate("param", idParam), async (c) => {
    const event = await workshopInScope(c.var.db, c.var.user, c.req.valid("param").id);
    const sheet = c.var.lang === "en" ? "Proposals" : "De xuat";
    const bytes = toXlsx(sheet, await exportRows(c.var.db, event, c.var.lang));
    return c.body(bytes.buffer as ArrayBuffer, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="de-xuat-${event.code}.xlsx"`,
    });
  });
