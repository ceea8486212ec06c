// The audit log's actions in words: each recorded "METHOD /api/path/:id" names what the person did.
import type { MessageKey } from "./i18n";

const ACTIONS: Record<string, MessageKey> = {
  "POST /api/auth/login": "audit.login",
  "POST /api/auth/logout": "audit.logout",
  "POST /api/auth/password": "audit.password",
  "POST /api/auth/logout-all": "audit.logout_all",
  "POST /api/auth/set-password": "audit.password_set",
  "POST /api/events": "audit.event_create",
  "PATCH /api/events/:id": "audit.event_edit",
  "PUT /api/events/:id/form": "audit.form_edit",
  "POST /api/events/:id/close": "audit.event_close",
  "POST /api/events/:id/paper-responses": "audit.paper_entry",
  "DELETE /api/events/:id": "audit.event_delete",
  "GET /api/events/:id/report.csv": "audit.report_csv",
  "GET /api/events/:id/report.xlsx": "audit.report_xlsx",
  "GET /api/events/:id/answers.csv": "audit.answers_export",
  "GET /api/events/:id/answers.xlsx": "audit.answers_export",
  "GET /api/events/:id/export.json": "audit.export_json",
  "GET /api/events/:id/proposals.csv": "audit.proposals_export",
  "GET /api/events/:id/proposals.xlsx": "audit.proposals_export",
  "PATCH /api/events/:id/proposals/:id": "audit.proposal_edit",
  "POST /api/events/:id/merges": "audit.merge",
  "DELETE /api/events/:id/merges/:id": "audit.unmerge",
  "POST /api/events/:id/duplicates/dismiss": "audit.not_duplicates",
  "POST /api/events/:id/groups": "audit.group_create",
  "PATCH /api/events/:id/groups/:id": "audit.group_rename",
  "POST /api/events/:id/agenda": "audit.agenda",
  "POST /api/events/:id/regroup": "audit.regroup",
  "PUT /api/events/:id/observation": "audit.observation",
  "POST /api/units": "audit.unit_add",
  "PATCH /api/units/:id": "audit.unit_change",
  "POST /api/units/:id/merge": "audit.unit_merge",
  "POST /api/units/import": "audit.unit_import",
  "GET /api/units/:id/scores.csv": "audit.scores_export",
  "GET /api/units/:id/scores.xlsx": "audit.scores_export",
  "GET /api/units/:id/classes.csv": "audit.scores_export",
  "GET /api/units/:id/classes.xlsx": "audit.scores_export",
  "GET /api/units/:id/comments.csv": "audit.comments_export",
  "GET /api/units/:id/comments.xlsx": "audit.comments_export",
  "POST /api/users": "audit.account_create",
  "PATCH /api/users/:id": "audit.account_change",
  "POST /api/users/:id/reset": "audit.account_reset",
  "POST /api/users/:id/unlock": "audit.account_unlock",
  "POST /api/programmes": "audit.programme_create",
  "POST /api/templates": "audit.template_create",
  "PATCH /api/templates/:id": "audit.template_change",
  "POST /api/vocabulary": "audit.vocabulary_add",
  "DELETE /api/vocabulary/:id": "audit.vocabulary_remove",
};

/** The words for a recorded action; null for one without words yet (shown as recorded). */
export function actionKey(action: string): MessageKey | null {
  return ACTIONS[action] ?? null;
}

/** Every action with words, for the log's filter. */
export const AUDIT_ACTIONS: readonly (readonly [string, MessageKey])[] = Object.entries(ACTIONS);
