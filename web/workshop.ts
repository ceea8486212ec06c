// Shared bits of the workshop pages: the board's response type and labels for addressees and statuses.
import type { InferResponseType } from "hono/client";
import {
  type Addressee,
  countProposals,
  FOLLOW_STATUSES,
  type FollowStatus,
} from "../worker/domain/proposal";
import type { api } from "./api";
import { t } from "./i18n";

export type Board = InferResponseType<(typeof api.api.events)[":id"]["board"]["$get"], 200>;
export type BoardGroup = Board["groups"][number];
export type BoardItem = BoardGroup["items"][number];

export { ADDRESSEES, FOLLOW_STATUSES } from "../worker/domain/proposal";

export const addresseeLabel = (a: Addressee | "unsure") => t(`addressee.${a}`);
export const followLabel = (s: FollowStatus | null) => (s === null ? t("app.no_status") : t(`follow.${s}`));
export const isFollowStatus = (s: string): s is FollowStatus =>
  (FOLLOW_STATUSES as readonly string[]).includes(s);

/** "22 đề xuất (đã gộp 2 ý kiến trùng) · 60 đại biểu dự kiến": the count delegates see, and what was merged. */
export function proposalsLine(
  items: readonly { id: number; duplicateOf?: number | null }[],
  expected: number,
) {
  const c = countProposals(items);
  return c.merged > 0
    ? t("app.proposals_merged", { n: c.proposals, m: c.merged, e: expected })
    : t("app.proposals_count", { n: c.proposals, e: expected });
}
