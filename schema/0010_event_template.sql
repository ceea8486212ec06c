-- The template a class or survey started from, so a unit's page can add up the answers of every
-- survey below it that asked the same questions (its form is still its own copy).
ALTER TABLE events ADD COLUMN template_id INTEGER REFERENCES templates (id);
CREATE INDEX events_template ON events (template_id) WHERE template_id IS NOT NULL;
