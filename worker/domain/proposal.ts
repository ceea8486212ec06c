// Workshop proposal rules shared by the API, the phone page and the board: limits, addressees, follow-up statuses.
import { bestWritten } from "./text";

export const ADDRESSEES = ["party_committee", "authorities", "union", "officers"] as const;
export type Addressee = (typeof ADDRESSEES)[number];
/** What a delegate may pick: one of the addressees, or "not sure" (stored as null, a suggestion is shown). */
export const ADDRESSEE_CHOICES = [...ADDRESSEES, "unsure"] as const;

export const FOLLOW_STATUSES = ["received", "accepted", "in_progress", "done", "declined"] as const;
export type FollowStatus = (typeof FOLLOW_STATUSES)[number];

export const PROPOSAL_MAX = 1000;
export const AUTHOR_MAX = 120;
export const REASON_MAX = 300;
export const NOTE_MAX = 1000;
export const GROUP_LABEL_MAX = 120;
/** How many themes a facilitator may type as an agenda at once. */
export const AGENDA_MAX = 30;

/** What delegates see of a proposal, on the phone page, in the public API and in the phone script. */
export interface PublicProposal {
  id: number;
  text: string;
  supports: number;
  authorName: string | null;
  authorUnit: string | null;
  createdAt: string;
  followStatus: FollowStatus | null;
  followNote: string | null;
}

/**
 * The one counting rule of every screen (the delegates' phones, board, projector, leaders' summary):
 * a merged family is one proposal, as delegates see it; `merged` says how many originals were folded
 * into others, for the screens to say "N gộp". Supports count once per family: only on the proposal
 * it was merged into.
 */
export function countProposals<I extends { id: number; duplicateOf?: number | null; supports?: number }>(
  items: readonly I[],
): { proposals: number; merged: number; supports: number } {
  const merged = items.filter((i) => Boolean(i.duplicateOf)).length;
  return {
    proposals: items.length - merged,
    merged,
    supports: items.reduce((s, i) => s + (i.duplicateOf ? 0 : (i.supports ?? 0)), 0),
  };
}

/** How many proposals a phone is sent at once: a hall's worth; beyond, the page says how many more. */
export const PUBLIC_LIST_MAX = 300;
/**
 * How many the workshop page lists before "see all": the form paints first on a weak network
 * and the list under it stays short (the total is always shown beside it). With 20 the page's first
 * frame came 1.25× the floor's on 3G; with 10, 1.06× (`npm run bench:phone`).
 */
export const PHONE_LIST_FIRST = 10;

interface FamilyMember {
  id: number;
  text: string;
  originalText: string | null;
  textByPerson: number;
}

/**
 * The words a merged proposal should be shown with: the best-written of its family (with diacritics,
 * complete), its delegate's own kept as the original; null when nothing changes or a person chose.
 */
export function familyWords(
  root: FamilyMember,
  members: readonly FamilyMember[],
): { text: string; originalText: string | null } | null {
  if (root.textByPerson === 1) return null;
  const own = root.originalText ?? root.text;
  const texts = [own, ...members.filter((m) => m.id !== root.id).map((m) => m.text)];
  const best = texts[bestWritten(texts)] ?? own;
  if (best === root.text) return null;
  return { text: best, originalText: best === own ? null : own };
}
