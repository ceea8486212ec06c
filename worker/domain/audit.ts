// The audit log's actions: each staff route declares one by name (see `audited`), and here each name has its words and says what its `:id` is.
import type { AppMessageKey } from "./i18n";

interface ActionSpec {
  words: AppMessageKey;
  /** What the route's `:id` names, recorded beside the action; null when it names neither. */
  subject: "event" | "unit" | null;
}

const spec = (words: AppMessageKey, subject: ActionSpec["subject"] = null): ActionSpec => ({
  words,
  subject,
});

/** Every action the log records. A route declares one of these names; a name with no route is not here. */
export const AUDIT_ACTIONS = {
  login: spec("audit.login"),
  /** Recorded by the sign-in route when the attempt was refused. */
  login_failed: spec("audit.login_failed"),
  logout: spec("audit.logout"),
  password_change: spec("audit.password"),
  logout_all: spec("audit.logout_all"),
  password_set: spec("audit.password_set"),
  event_create: spec("audit.event_create", "event"),
  event_edit: spec("audit.event_edit", "event"),
  form_edit: spec("audit.form_edit", "event"),
  event_close: spec("audit.event_close", "event"),
  paper_entry: spec("audit.paper_entry", "event"),
  paper_print: spec("audit.paper_print", "event"),
  event_delete: spec("audit.event_delete", "event"),
  report_csv: spec("audit.report_csv", "event"),
  report_xlsx: spec("audit.report_xlsx", "event"),
  answers_csv: spec("audit.answers_csv", "event"),
  answers_xlsx: spec("audit.answers_xlsx", "event"),
  export_json: spec("audit.export_json", "event"),
  proposals_csv: spec("audit.proposals_csv", "event"),
  proposals_xlsx: spec("audit.proposals_xlsx", "event"),
  proposal_edit: spec("audit.proposal_edit", "event"),
  merge: spec("audit.merge", "event"),
  unmerge: spec("audit.unmerge", "event"),
  not_duplicates: spec("audit.not_duplicates", "event"),
  group_create: spec("audit.group_create", "event"),
  group_rename: spec("audit.group_rename", "event"),
  agenda: spec("audit.agenda", "event"),
  regroup: spec("audit.regroup", "event"),
  observation: spec("audit.observation", "event"),
  unit_add: spec("audit.unit_add"),
  unit_change: spec("audit.unit_change", "unit"),
  unit_merge: spec("audit.unit_merge", "unit"),
  unit_import: spec("audit.unit_import"),
  unit_export: spec("audit.unit_export", "unit"),
  account_create: spec("audit.account_create"),
  account_change: spec("audit.account_change"),
  account_reset: spec("audit.account_reset"),
  account_unlock: spec("audit.account_unlock"),
  programme_create: spec("audit.programme_create"),
  template_create: spec("audit.template_create"),
  template_change: spec("audit.template_change"),
  lexicon_add: spec("audit.lexicon_add"),
  lexicon_remove: spec("audit.lexicon_remove"),
  lessons_share: spec("audit.lessons_share", "event"),
  lesson_remove: spec("audit.lesson_remove"),
  lesson_promote: spec("audit.lesson_promote"),
  person_add: spec("audit.person_add"),
  person_change: spec("audit.person_change"),
  people_import: spec("audit.people_import"),
  people_export: spec("audit.people_export"),
  attendance: spec("audit.attendance", "event"),
  attendance_import: spec("audit.attendance_import", "event"),
  programme_target: spec("audit.programme_target"),
  programme_target_remove: spec("audit.programme_target_remove"),
  programme_plan: spec("audit.programme_plan"),
  progress_export: spec("audit.progress_export"),
} as const satisfies Record<string, ActionSpec>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (name: string): name is AuditAction => Object.hasOwn(AUDIT_ACTIONS, name);

/** The words for a recorded action; null for one without words (an entry older than the names). */
export function actionKey(action: string): AppMessageKey | null {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].words : null;
}
