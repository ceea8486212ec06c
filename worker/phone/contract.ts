// What the phone scripts (web/phone) rely on in the server's pages: element ids, data attributes, classes.
// The pages write these names and the scripts read them; a rename here renames both.

/** Element ids on the survey page. */
export const SURVEY_ID = { form: "survey", status: "status", main: "main" } as const;

/** A question's box and its error line on the survey page, by question id. */
export const questionBoxId = (id: number | string) => `q${id}`;
export const questionErrorId = (id: number | string) => `e${id}`;

/** Element ids on the workshop page. */
export const WORKSHOP_ID = {
  form: "propose",
  list: "props",
  status: "status",
  count: "count",
  textError: "e-text",
} as const;

/** Classes the workshop script finds or sets. */
export const WORKSHOP_CLASS = {
  proposal: "prop",
  count: "cnt",
  supportForm: "sup",
  supportButton: "supb",
  fresh: "new",
} as const;

/** The survey form's data attributes (dataset names): its code and the words the script shows. */
export type SurveyData = "code" | "sending" | "retrying" | "offline" | "fix" | "thanks" | "thanksText";
/** The proposal form's data attributes. */
export type ProposalFormData = "code" | "device" | "sending" | "retrying" | "offline" | "sent" | "fix";
/** The proposal list's data attributes. */
export type ProposalListData = "sort" | "open" | "support" | "supported" | "supports" | "anonymous";

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** ` data-x-y="…"` attributes from dataset names, values escaped; for the server's pages. */
export function dataAttributes<K extends string>(values: Record<K, string>): string {
  return Object.entries<string>(values)
    .map(
      ([k, v]) =>
        ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${v.replace(/[&<>"']/g, (c) => escapes[c] ?? c)}"`,
    )
    .join("");
}

/** A data attribute the page wrote, read by its dataset name; for the scripts. */
export function readData<K extends string>(
  el: { dataset: { [name: string]: string | undefined } } | null | undefined,
  name: K,
): string {
  return el?.dataset[name] ?? "";
}

/** The brief's error body, as the scripts read it. */
export interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}
