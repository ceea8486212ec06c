-- Class quality across the hierarchy: unit history (2025 reform), programmes, inspectors'
-- observations, and the per-class and per-unit aggregates that dashboards read.

-- `parent_id`/`path` stay the structure at the time (province → district → commune before July
-- 2025); `now_parent_id`/`now_path` place the unit in today's tree: a merged unit takes its
-- successor's now_path (and has no now_parent_id), a child of a merged unit moves under the
-- successor. Scope checks use now_path. Both are recomputed together after every tree change.
ALTER TABLE units ADD COLUMN valid_from TEXT;
ALTER TABLE units ADD COLUMN valid_to TEXT;
ALTER TABLE units ADD COLUMN successor_id INTEGER REFERENCES units (id);
ALTER TABLE units ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE units ADD COLUMN now_parent_id INTEGER REFERENCES units (id);
ALTER TABLE units ADD COLUMN now_path TEXT NOT NULL DEFAULT '';
UPDATE units SET now_path = path, now_parent_id = parent_id;
CREATE INDEX units_now_path ON units (now_path);
CREATE INDEX units_now_parent ON units (now_parent_id);

-- A training scheme (e.g. 2019-2025) that classes belong to; categories is a JSON array of
-- trainee categories it targets.
CREATE TABLE programmes (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id),
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  categories TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
ALTER TABLE events ADD COLUMN programme_id INTEGER REFERENCES programmes (id);

-- An inspector's own scores (dự giờ) on the standard criteria, one row per inspector and class.
CREATE TABLE observations (
  event_id INTEGER NOT NULL REFERENCES events (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  content INTEGER CHECK (content BETWEEN 1 AND 5),
  method INTEGER CHECK (method BETWEEN 1 AND 5),
  interaction INTEGER CHECK (interaction BETWEEN 1 AND 5),
  organisation INTEGER CHECK (organisation BETWEEN 1 AND 5),
  materials INTEGER CHECK (materials BETWEEN 1 AND 5),
  usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
  note TEXT NOT NULL DEFAULT '',
  observed_on TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (event_id, user_id)
) WITHOUT ROWID;

-- One row per class: the 1-5 histogram of each standard criterion (<criterion>_<value>), the
-- number of responses, of responses with the same rating on every question ("straight"), and
-- the observers' mean. The tree keys are copied here so a subtree's classes are one index range.
CREATE TABLE class_stats (
  event_id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL,
  path TEXT NOT NULL,
  now_path TEXT NOT NULL,
  month TEXT NOT NULL,
  programme_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  expected INTEGER NOT NULL,
  responses INTEGER NOT NULL DEFAULT 0,
  straight INTEGER NOT NULL DEFAULT 0,
  observed REAL,
  content_1 INTEGER NOT NULL DEFAULT 0,
  content_2 INTEGER NOT NULL DEFAULT 0,
  content_3 INTEGER NOT NULL DEFAULT 0,
  content_4 INTEGER NOT NULL DEFAULT 0,
  content_5 INTEGER NOT NULL DEFAULT 0,
  method_1 INTEGER NOT NULL DEFAULT 0,
  method_2 INTEGER NOT NULL DEFAULT 0,
  method_3 INTEGER NOT NULL DEFAULT 0,
  method_4 INTEGER NOT NULL DEFAULT 0,
  method_5 INTEGER NOT NULL DEFAULT 0,
  interaction_1 INTEGER NOT NULL DEFAULT 0,
  interaction_2 INTEGER NOT NULL DEFAULT 0,
  interaction_3 INTEGER NOT NULL DEFAULT 0,
  interaction_4 INTEGER NOT NULL DEFAULT 0,
  interaction_5 INTEGER NOT NULL DEFAULT 0,
  organisation_1 INTEGER NOT NULL DEFAULT 0,
  organisation_2 INTEGER NOT NULL DEFAULT 0,
  organisation_3 INTEGER NOT NULL DEFAULT 0,
  organisation_4 INTEGER NOT NULL DEFAULT 0,
  organisation_5 INTEGER NOT NULL DEFAULT 0,
  materials_1 INTEGER NOT NULL DEFAULT 0,
  materials_2 INTEGER NOT NULL DEFAULT 0,
  materials_3 INTEGER NOT NULL DEFAULT 0,
  materials_4 INTEGER NOT NULL DEFAULT 0,
  materials_5 INTEGER NOT NULL DEFAULT 0,
  usefulness_1 INTEGER NOT NULL DEFAULT 0,
  usefulness_2 INTEGER NOT NULL DEFAULT 0,
  usefulness_3 INTEGER NOT NULL DEFAULT 0,
  usefulness_4 INTEGER NOT NULL DEFAULT 0,
  usefulness_5 INTEGER NOT NULL DEFAULT 0,
  CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
);
CREATE INDEX class_stats_now ON class_stats (now_path, month);
CREATE INDEX class_stats_then ON class_stats (path, month);

-- The same counters summed for every unit above a class, in both trees ('now': today's units,
-- 'then': as it was), by the class's month (Vietnam time), programme (0: none) and trainee
-- category ('': none). A submission adds to one row per ancestor in its batch.
CREATE TABLE unit_stats (
  tree TEXT NOT NULL CHECK (tree IN ('now', 'then')),
  unit_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  programme_id INTEGER NOT NULL,
  category TEXT NOT NULL,
  responses INTEGER NOT NULL DEFAULT 0,
  straight INTEGER NOT NULL DEFAULT 0,
  content_1 INTEGER NOT NULL DEFAULT 0,
  content_2 INTEGER NOT NULL DEFAULT 0,
  content_3 INTEGER NOT NULL DEFAULT 0,
  content_4 INTEGER NOT NULL DEFAULT 0,
  content_5 INTEGER NOT NULL DEFAULT 0,
  method_1 INTEGER NOT NULL DEFAULT 0,
  method_2 INTEGER NOT NULL DEFAULT 0,
  method_3 INTEGER NOT NULL DEFAULT 0,
  method_4 INTEGER NOT NULL DEFAULT 0,
  method_5 INTEGER NOT NULL DEFAULT 0,
  interaction_1 INTEGER NOT NULL DEFAULT 0,
  interaction_2 INTEGER NOT NULL DEFAULT 0,
  interaction_3 INTEGER NOT NULL DEFAULT 0,
  interaction_4 INTEGER NOT NULL DEFAULT 0,
  interaction_5 INTEGER NOT NULL DEFAULT 0,
  organisation_1 INTEGER NOT NULL DEFAULT 0,
  organisation_2 INTEGER NOT NULL DEFAULT 0,
  organisation_3 INTEGER NOT NULL DEFAULT 0,
  organisation_4 INTEGER NOT NULL DEFAULT 0,
  organisation_5 INTEGER NOT NULL DEFAULT 0,
  materials_1 INTEGER NOT NULL DEFAULT 0,
  materials_2 INTEGER NOT NULL DEFAULT 0,
  materials_3 INTEGER NOT NULL DEFAULT 0,
  materials_4 INTEGER NOT NULL DEFAULT 0,
  materials_5 INTEGER NOT NULL DEFAULT 0,
  usefulness_1 INTEGER NOT NULL DEFAULT 0,
  usefulness_2 INTEGER NOT NULL DEFAULT 0,
  usefulness_3 INTEGER NOT NULL DEFAULT 0,
  usefulness_4 INTEGER NOT NULL DEFAULT 0,
  usefulness_5 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (tree, unit_id, month, programme_id, category)
) WITHOUT ROWID;

-- Back-fill from the answers already stored.
INSERT INTO class_stats (event_id, unit_id, path, now_path, month, programme_id, category, expected, responses, straight, content_1, content_2, content_3, content_4, content_5, method_1, method_2, method_3, method_4, method_5, interaction_1, interaction_2, interaction_3, interaction_4, interaction_5, organisation_1, organisation_2, organisation_3, organisation_4, organisation_5, materials_1, materials_2, materials_3, materials_4, materials_5, usefulness_1, usefulness_2, usefulness_3, usefulness_4, usefulness_5)
SELECT e.id, e.unit_id, u.path, u.now_path, strftime('%Y-%m', e.starts_at, '+7 hours'), 0,
  coalesce(e.trainee_category, ''), e.expected_participants,
  (SELECT count(*) FROM responses r WHERE r.event_id = e.id),
  (SELECT count(*) FROM (
    SELECT r.id FROM responses r
    JOIN answers a ON a.response_id = r.id
    JOIN questions q ON q.id = a.question_id
    WHERE r.event_id = e.id AND q.type = 'rating'
    GROUP BY r.id HAVING count(*) >= 3 AND min(a.value_num) = max(a.value_num))),
  coalesce(x.content_1, 0), coalesce(x.content_2, 0), coalesce(x.content_3, 0), coalesce(x.content_4, 0), coalesce(x.content_5, 0), coalesce(x.method_1, 0), coalesce(x.method_2, 0), coalesce(x.method_3, 0), coalesce(x.method_4, 0), coalesce(x.method_5, 0), coalesce(x.interaction_1, 0), coalesce(x.interaction_2, 0), coalesce(x.interaction_3, 0), coalesce(x.interaction_4, 0), coalesce(x.interaction_5, 0), coalesce(x.organisation_1, 0), coalesce(x.organisation_2, 0), coalesce(x.organisation_3, 0), coalesce(x.organisation_4, 0), coalesce(x.organisation_5, 0), coalesce(x.materials_1, 0), coalesce(x.materials_2, 0), coalesce(x.materials_3, 0), coalesce(x.materials_4, 0), coalesce(x.materials_5, 0), coalesce(x.usefulness_1, 0), coalesce(x.usefulness_2, 0), coalesce(x.usefulness_3, 0), coalesce(x.usefulness_4, 0), coalesce(x.usefulness_5, 0)
FROM events e
JOIN units u ON u.id = e.unit_id
LEFT JOIN (
  SELECT r.event_id,
    sum(q.criterion = 'content' AND a.value_num = 1) AS content_1,
    sum(q.criterion = 'content' AND a.value_num = 2) AS content_2,
    sum(q.criterion = 'content' AND a.value_num = 3) AS content_3,
    sum(q.criterion = 'content' AND a.value_num = 4) AS content_4,
    sum(q.criterion = 'content' AND a.value_num = 5) AS content_5,
    sum(q.criterion = 'method' AND a.value_num = 1) AS method_1,
    sum(q.criterion = 'method' AND a.value_num = 2) AS method_2,
    sum(q.criterion = 'method' AND a.value_num = 3) AS method_3,
    sum(q.criterion = 'method' AND a.value_num = 4) AS method_4,
    sum(q.criterion = 'method' AND a.value_num = 5) AS method_5,
    sum(q.criterion = 'interaction' AND a.value_num = 1) AS interaction_1,
    sum(q.criterion = 'interaction' AND a.value_num = 2) AS interaction_2,
    sum(q.criterion = 'interaction' AND a.value_num = 3) AS interaction_3,
    sum(q.criterion = 'interaction' AND a.value_num = 4) AS interaction_4,
    sum(q.criterion = 'interaction' AND a.value_num = 5) AS interaction_5,
    sum(q.criterion = 'organisation' AND a.value_num = 1) AS organisation_1,
    sum(q.criterion = 'organisation' AND a.value_num = 2) AS organisation_2,
    sum(q.criterion = 'organisation' AND a.value_num = 3) AS organisation_3,
    sum(q.criterion = 'organisation' AND a.value_num = 4) AS organisation_4,
    sum(q.criterion = 'organisation' AND a.value_num = 5) AS organisation_5,
    sum(q.criterion = 'materials' AND a.value_num = 1) AS materials_1,
    sum(q.criterion = 'materials' AND a.value_num = 2) AS materials_2,
    sum(q.criterion = 'materials' AND a.value_num = 3) AS materials_3,
    sum(q.criterion = 'materials' AND a.value_num = 4) AS materials_4,
    sum(q.criterion = 'materials' AND a.value_num = 5) AS materials_5,
    sum(q.criterion = 'usefulness' AND a.value_num = 1) AS usefulness_1,
    sum(q.criterion = 'usefulness' AND a.value_num = 2) AS usefulness_2,
    sum(q.criterion = 'usefulness' AND a.value_num = 3) AS usefulness_3,
    sum(q.criterion = 'usefulness' AND a.value_num = 4) AS usefulness_4,
    sum(q.criterion = 'usefulness' AND a.value_num = 5) AS usefulness_5
  FROM answers a
  JOIN responses r ON r.id = a.response_id
  JOIN questions q ON q.id = a.question_id
  WHERE q.type = 'rating'
  GROUP BY r.event_id
) x ON x.event_id = e.id
WHERE e.kind = 'class';

WITH RECURSIVE seg (event_id, tree, rest, unit_id) AS (
  SELECT event_id, 'then', substr(path, 2), NULL FROM class_stats
  UNION ALL
  SELECT event_id, 'now', substr(now_path, 2), NULL FROM class_stats
  UNION ALL
  SELECT event_id, tree, substr(rest, instr(rest, '/') + 1), CAST(substr(rest, 1, instr(rest, '/') - 1) AS INTEGER)
  FROM seg WHERE rest <> ''
)
INSERT INTO unit_stats (tree, unit_id, month, programme_id, category, responses, straight, content_1, content_2, content_3, content_4, content_5, method_1, method_2, method_3, method_4, method_5, interaction_1, interaction_2, interaction_3, interaction_4, interaction_5, organisation_1, organisation_2, organisation_3, organisation_4, organisation_5, materials_1, materials_2, materials_3, materials_4, materials_5, usefulness_1, usefulness_2, usefulness_3, usefulness_4, usefulness_5)
SELECT s.tree, s.unit_id, cs.month, cs.programme_id, cs.category, sum(cs.responses), sum(cs.straight), sum(cs.content_1), sum(cs.content_2), sum(cs.content_3), sum(cs.content_4), sum(cs.content_5), sum(cs.method_1), sum(cs.method_2), sum(cs.method_3), sum(cs.method_4), sum(cs.method_5), sum(cs.interaction_1), sum(cs.interaction_2), sum(cs.interaction_3), sum(cs.interaction_4), sum(cs.interaction_5), sum(cs.organisation_1), sum(cs.organisation_2), sum(cs.organisation_3), sum(cs.organisation_4), sum(cs.organisation_5), sum(cs.materials_1), sum(cs.materials_2), sum(cs.materials_3), sum(cs.materials_4), sum(cs.materials_5), sum(cs.usefulness_1), sum(cs.usefulness_2), sum(cs.usefulness_3), sum(cs.usefulness_4), sum(cs.usefulness_5)
FROM seg s JOIN class_stats cs ON cs.event_id = s.event_id
WHERE s.unit_id IS NOT NULL AND cs.responses > 0
GROUP BY s.tree, s.unit_id, cs.month, cs.programme_id, cs.category;
