// Workshop proposal rules shared by the API, the phone page and the board: limits, addressees, follow-up statuses.

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
