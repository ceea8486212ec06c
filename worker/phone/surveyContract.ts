// What the survey script (web/phone/survey.ts) finds in the survey page: written by worker/phone/pages.ts.
// A module of its own so the script bundles it whole instead of sharing a chunk with the workshop script.

/** Element ids on the survey page. */
export const SURVEY_ID = { form: "survey", status: "status", main: "main" } as const;

/**
 * The survey form's field names: what the page posts without JavaScript, what the script reads,
 * and what the no-JS route turns into the JSON API's submission.
 */
export const SURVEY_FIELD = {
  clientId: "clientId",
  role: "role",
  /** The time the server served the page, signed by it: the server measures how long she took. */
  servedAt: "shownAt",
} as const;
/** A question's field: "a12" for question 12. */
export const answerField = (id: number | string) => `a${id}`;
export const ANSWER_FIELD = /^a(\d+)$/;

/** A question's box and its error line on the survey page, by question id. */
export const questionBoxId = (id: number | string) => `q${id}`;
export const questionErrorId = (id: number | string) => `e${id}`;

/** The survey form's data attributes (dataset names): its code and the words the script shows. */
export type SurveyData =
  | "code"
  | "sending"
  | "retrying"
  | "offline"
  | "fix"
  | "thanks"
  | "thanksText"
  /** The label of the link that lets the next person on a shared phone answer. */
  | "another"
  /** "1": another person on a phone that has answered; a new response with a new id. */
  | "fresh"
  /** The placeholder of the box that narrows a unit question's list as she types. */
  | "findUnit";
