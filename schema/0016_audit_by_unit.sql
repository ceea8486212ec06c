-- The audit log by the unit an entry was made in, and its actions by name.
-- Each line now carries the unit its author belonged to when it was made (both trees), so moving
-- a person no longer hides her past entries from the admins who saw them. Lines written before
-- take the author's unit of today: the best this database knows.
ALTER TABLE audit_log ADD COLUMN now_path TEXT;
ALTER TABLE audit_log ADD COLUMN then_path TEXT;
UPDATE audit_log SET
  now_path = (SELECT un.now_path FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = audit_log.user_id),
  then_path = (SELECT un.path FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id = audit_log.user_id);
CREATE INDEX audit_log_now ON audit_log (now_path, id);
CREATE INDEX audit_log_then ON audit_log (then_path, id);

-- Routes now declare their action by name ('event_close'), no longer as 'POST /api/events/:id/close'.
-- The unit exports were one action per file; they are one action, the file its target.
UPDATE audit_log SET target = coalesce(target, substr(action, 20)), action = 'unit_export'
WHERE action GLOB 'GET /api/units/:id/*.*';
UPDATE audit_log SET action = CASE action
  WHEN 'POST /api/auth/login' THEN 'login'
  WHEN 'POST /api/auth/logout' THEN 'logout'
  WHEN 'POST /api/auth/password' THEN 'password_change'
  WHEN 'POST /api/auth/logout-all' THEN 'logout_all'
  WHEN 'POST /api/auth/set-password' THEN 'password_set'
  WHEN 'POST /api/events' THEN 'event_create'
  WHEN 'PATCH /api/events/:id' THEN 'event_edit'
  WHEN 'PUT /api/events/:id/form' THEN 'form_edit'
  WHEN 'POST /api/events/:id/close' THEN 'event_close'
  WHEN 'POST /api/events/:id/paper-responses' THEN 'paper_entry'
  WHEN 'DELETE /api/events/:id' THEN 'event_delete'
  WHEN 'GET /api/events/:id/report.csv' THEN 'report_csv'
  WHEN 'GET /api/events/:id/report.xlsx' THEN 'report_xlsx'
  WHEN 'GET /api/events/:id/answers.csv' THEN 'answers_csv'
  WHEN 'GET /api/events/:id/answers.xlsx' THEN 'answers_xlsx'
  WHEN 'GET /api/events/:id/export.json' THEN 'export_json'
  WHEN 'GET /api/events/:id/proposals.csv' THEN 'proposals_csv'
  WHEN 'GET /api/events/:id/proposals.xlsx' THEN 'proposals_xlsx'
  WHEN 'PATCH /api/events/:id/proposals/:id' THEN 'proposal_edit'
  WHEN 'POST /api/events/:id/merges' THEN 'merge'
  WHEN 'DELETE /api/events/:id/merges/:id' THEN 'unmerge'
  WHEN 'POST /api/events/:id/duplicates/dismiss' THEN 'not_duplicates'
  WHEN 'POST /api/events/:id/groups' THEN 'group_create'
  WHEN 'PATCH /api/events/:id/groups/:id' THEN 'group_rename'
  WHEN 'POST /api/events/:id/agenda' THEN 'agenda'
  WHEN 'POST /api/events/:id/regroup' THEN 'regroup'
  WHEN 'PUT /api/events/:id/observation' THEN 'observation'
  WHEN 'POST /api/units' THEN 'unit_add'
  WHEN 'PATCH /api/units/:id' THEN 'unit_change'
  WHEN 'POST /api/units/:id/merge' THEN 'unit_merge'
  WHEN 'POST /api/units/import' THEN 'unit_import'
  WHEN 'POST /api/users' THEN 'account_create'
  WHEN 'PATCH /api/users/:id' THEN 'account_change'
  WHEN 'POST /api/users/:id/reset' THEN 'account_reset'
  WHEN 'POST /api/users/:id/unlock' THEN 'account_unlock'
  WHEN 'POST /api/programmes' THEN 'programme_create'
  WHEN 'POST /api/templates' THEN 'template_create'
  WHEN 'PATCH /api/templates/:id' THEN 'template_change'
  WHEN 'POST /api/vocabulary' THEN 'vocabulary_add'
  WHEN 'DELETE /api/vocabulary/:id' THEN 'vocabulary_remove'
  ELSE action END;
