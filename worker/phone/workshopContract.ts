// What the workshop script (web/phone/workshop.ts) finds in the workshop page: written by worker/phone/workshop.ts.
// A module of its own so the script bundles it whole instead of sharing a chunk with the survey script.

/** Element ids on the workshop page. */
export const WORKSHOP_ID = {
  form: "propose",
  list: "props",
  status: "status",
  count: "count",
  textError: "e-text",
  shown: "shown",
} as const;

/** Classes the workshop script finds or sets. */
export const WORKSHOP_CLASS = {
  proposal: "prop",
  count: "cnt",
  supportForm: "sup",
  supportButton: "supb",
  fresh: "new",
} as const;

/** The proposal form's data attributes. */
export type ProposalFormData = "code" | "device" | "sending" | "retrying" | "offline" | "sent" | "fix";
/** The proposal list's data attributes. */
export type ProposalListData =
  | "sort"
  | "limit"
  | "shown"
  | "open"
  | "support"
  | "supported"
  | "supports"
  | "anonymous";
