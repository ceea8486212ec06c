-- The needs roll-up (a unit page): surveys are found by their template and kind, not by walking
-- every unit and event of the subtree, and each survey's choice and several-choice questions are
-- read from the index alone.
DROP INDEX events_template;
CREATE INDEX events_template ON events (template_id, kind) WHERE template_id IS NOT NULL;
CREATE INDEX questions_form_type ON questions (form_id, type, position);
