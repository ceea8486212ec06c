// Shared bits of the workshop pages: the board's response type and labels for addressees and statuses.
import type { InferResponseType } from "hono/client";
import { FOLLOW_STATUSES, type FollowStatus } from "../worker/domain/proposal";
import type { api } from "./api";
import { type Key, t } from "./i18n";

export type Board = InferResponseType<(typeof api.api.events)[":id"]["board"]["$get"], 200>;
export type BoardGroup = Board["groups"][number];
export type BoardItem = BoardGroup["items"][number];

export { ADDRESSEES, FOLLOW_STATUSES } from "../worker/domain/proposal";

export const addresseeLabel = (a: string) => t(`addr_${a}` as Key);
export const followLabel = (s: string | null) => (s === null ? t("no_status") : t(`follow_${s}` as Key));
export const isFollowStatus = (s: string): s is FollowStatus =>
  (FOLLOW_STATUSES as readonly string[]).includes(s);
