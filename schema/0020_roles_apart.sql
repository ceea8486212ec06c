-- Trainees' scores are the trainees': lecturers' responses are counted apart on the event
-- (lecturer_count, of response_count) and leave the dashboards' aggregates and the per-unit
-- breakdown, which until now averaged them in. The aggregates are recomputed from the raw answers,
-- as `npm run db:verify` computes them, so an upgraded database verifies clean.
ALTER TABLE events ADD COLUMN lecturer_count INTEGER NOT NULL DEFAULT 0;
UPDATE events SET lecturer_count = (
  SELECT count(*) FROM responses r WHERE r.event_id = events.id AND r.too_fast = 0 AND r.role = 'lecturer'
) WHERE kind <> 'workshop';
DELETE FROM class_stats;
INSERT INTO class_stats (event_id, unit_id, path, now_path, month, programme_id, category, expected, responses, straight, observed, content_1, content_2, content_3, content_4, content_5, method_1, method_2, method_3, method_4, method_5, interaction_1, interaction_2, interaction_3, interaction_4, interaction_5, organisation_1, organisation_2, organisation_3, organisation_4, organisation_5, materials_1, materials_2, materials_3, materials_4, materials_5, usefulness_1, usefulness_2, usefulness_3, usefulness_4, usefulness_5) 
SELECT e.id AS event_id, e.unit_id, u.path, u.now_path, strftime('%Y-%m', e.starts_at, '+7 hours') AS month,
  coalesce(e.programme_id, 0) AS programme_id, coalesce(e.trainee_category, '') AS category,
  e.expected_participants AS expected,
  (SELECT count(*) FROM responses r WHERE r.event_id = e.id AND r.too_fast = 0 AND r.role = 'trainee') AS responses,
  (SELECT count(*) FROM (
    SELECT r.id FROM responses r
    JOIN answers a ON a.response_id = r.id
    JOIN questions q ON q.id = a.question_id
    WHERE r.event_id = e.id AND r.too_fast = 0 AND r.role = 'trainee' AND q.type = 'rating'
    GROUP BY r.id HAVING count(*) >= 3 AND min(a.value_num) = max(a.value_num))) AS straight,
  (SELECT round(avg((coalesce(content, 0) + coalesce(method, 0) + coalesce(interaction, 0) + coalesce(organisation, 0) + coalesce(materials, 0) + coalesce(usefulness, 0)) * 1.0 / nullif((content IS NOT NULL) + (method IS NOT NULL) + (interaction IS NOT NULL) + (organisation IS NOT NULL) + (materials IS NOT NULL) + (usefulness IS NOT NULL), 0)), 4) FROM observations WHERE event_id = e.id) AS observed,
  coalesce(x.content_1, 0) AS content_1, coalesce(x.content_2, 0) AS content_2, coalesce(x.content_3, 0) AS content_3, coalesce(x.content_4, 0) AS content_4, coalesce(x.content_5, 0) AS content_5, coalesce(x.method_1, 0) AS method_1, coalesce(x.method_2, 0) AS method_2, coalesce(x.method_3, 0) AS method_3, coalesce(x.method_4, 0) AS method_4, coalesce(x.method_5, 0) AS method_5, coalesce(x.interaction_1, 0) AS interaction_1, coalesce(x.interaction_2, 0) AS interaction_2, coalesce(x.interaction_3, 0) AS interaction_3, coalesce(x.interaction_4, 0) AS interaction_4, coalesce(x.interaction_5, 0) AS interaction_5, coalesce(x.organisation_1, 0) AS organisation_1, coalesce(x.organisation_2, 0) AS organisation_2, coalesce(x.organisation_3, 0) AS organisation_3, coalesce(x.organisation_4, 0) AS organisation_4, coalesce(x.organisation_5, 0) AS organisation_5, coalesce(x.materials_1, 0) AS materials_1, coalesce(x.materials_2, 0) AS materials_2, coalesce(x.materials_3, 0) AS materials_3, coalesce(x.materials_4, 0) AS materials_4, coalesce(x.materials_5, 0) AS materials_5, coalesce(x.usefulness_1, 0) AS usefulness_1, coalesce(x.usefulness_2, 0) AS usefulness_2, coalesce(x.usefulness_3, 0) AS usefulness_3, coalesce(x.usefulness_4, 0) AS usefulness_4, coalesce(x.usefulness_5, 0) AS usefulness_5
FROM events e
JOIN units u ON u.id = e.unit_id
LEFT JOIN (
  SELECT r.event_id, sum(q.criterion = 'content' AND a.value_num = 1) AS content_1, sum(q.criterion = 'content' AND a.value_num = 2) AS content_2, sum(q.criterion = 'content' AND a.value_num = 3) AS content_3, sum(q.criterion = 'content' AND a.value_num = 4) AS content_4, sum(q.criterion = 'content' AND a.value_num = 5) AS content_5, sum(q.criterion = 'method' AND a.value_num = 1) AS method_1, sum(q.criterion = 'method' AND a.value_num = 2) AS method_2, sum(q.criterion = 'method' AND a.value_num = 3) AS method_3, sum(q.criterion = 'method' AND a.value_num = 4) AS method_4, sum(q.criterion = 'method' AND a.value_num = 5) AS method_5, sum(q.criterion = 'interaction' AND a.value_num = 1) AS interaction_1, sum(q.criterion = 'interaction' AND a.value_num = 2) AS interaction_2, sum(q.criterion = 'interaction' AND a.value_num = 3) AS interaction_3, sum(q.criterion = 'interaction' AND a.value_num = 4) AS interaction_4, sum(q.criterion = 'interaction' AND a.value_num = 5) AS interaction_5, sum(q.criterion = 'organisation' AND a.value_num = 1) AS organisation_1, sum(q.criterion = 'organisation' AND a.value_num = 2) AS organisation_2, sum(q.criterion = 'organisation' AND a.value_num = 3) AS organisation_3, sum(q.criterion = 'organisation' AND a.value_num = 4) AS organisation_4, sum(q.criterion = 'organisation' AND a.value_num = 5) AS organisation_5, sum(q.criterion = 'materials' AND a.value_num = 1) AS materials_1, sum(q.criterion = 'materials' AND a.value_num = 2) AS materials_2, sum(q.criterion = 'materials' AND a.value_num = 3) AS materials_3, sum(q.criterion = 'materials' AND a.value_num = 4) AS materials_4, sum(q.criterion = 'materials' AND a.value_num = 5) AS materials_5, sum(q.criterion = 'usefulness' AND a.value_num = 1) AS usefulness_1, sum(q.criterion = 'usefulness' AND a.value_num = 2) AS usefulness_2, sum(q.criterion = 'usefulness' AND a.value_num = 3) AS usefulness_3, sum(q.criterion = 'usefulness' AND a.value_num = 4) AS usefulness_4, sum(q.criterion = 'usefulness' AND a.value_num = 5) AS usefulness_5
  FROM answers a
  JOIN responses r ON r.id = a.response_id
  JOIN questions q ON q.id = a.question_id
  WHERE q.type = 'rating' AND r.too_fast = 0 AND r.role = 'trainee'
  GROUP BY r.event_id
) x ON x.event_id = e.id
WHERE e.kind = 'class';
DELETE FROM unit_stats;
WITH RECURSIVE seg (event_id, tree, rest, unit_id) AS (
  SELECT event_id, 'then', substr(path, 2), NULL FROM class_stats
  UNION ALL
  SELECT event_id, 'now', substr(now_path, 2), NULL FROM class_stats
  UNION ALL
  SELECT event_id, tree, substr(rest, instr(rest, '/') + 1), CAST(substr(rest, 1, instr(rest, '/') - 1) AS INTEGER)
  FROM seg WHERE rest <> ''
) INSERT INTO unit_stats (tree, unit_id, month, programme_id, category, responses, straight, content_1, content_2, content_3, content_4, content_5, method_1, method_2, method_3, method_4, method_5, interaction_1, interaction_2, interaction_3, interaction_4, interaction_5, organisation_1, organisation_2, organisation_3, organisation_4, organisation_5, materials_1, materials_2, materials_3, materials_4, materials_5, usefulness_1, usefulness_2, usefulness_3, usefulness_4, usefulness_5) 
SELECT s.tree, s.unit_id, cs.month, cs.programme_id, cs.category, sum(cs.responses) AS responses,
  sum(cs.straight) AS straight, sum(cs.content_1) AS content_1, sum(cs.content_2) AS content_2, sum(cs.content_3) AS content_3, sum(cs.content_4) AS content_4, sum(cs.content_5) AS content_5, sum(cs.method_1) AS method_1, sum(cs.method_2) AS method_2, sum(cs.method_3) AS method_3, sum(cs.method_4) AS method_4, sum(cs.method_5) AS method_5, sum(cs.interaction_1) AS interaction_1, sum(cs.interaction_2) AS interaction_2, sum(cs.interaction_3) AS interaction_3, sum(cs.interaction_4) AS interaction_4, sum(cs.interaction_5) AS interaction_5, sum(cs.organisation_1) AS organisation_1, sum(cs.organisation_2) AS organisation_2, sum(cs.organisation_3) AS organisation_3, sum(cs.organisation_4) AS organisation_4, sum(cs.organisation_5) AS organisation_5, sum(cs.materials_1) AS materials_1, sum(cs.materials_2) AS materials_2, sum(cs.materials_3) AS materials_3, sum(cs.materials_4) AS materials_4, sum(cs.materials_5) AS materials_5, sum(cs.usefulness_1) AS usefulness_1, sum(cs.usefulness_2) AS usefulness_2, sum(cs.usefulness_3) AS usefulness_3, sum(cs.usefulness_4) AS usefulness_4, sum(cs.usefulness_5) AS usefulness_5
FROM seg s JOIN class_stats cs ON cs.event_id = s.event_id
WHERE s.unit_id IS NOT NULL AND cs.responses > 0
GROUP BY s.tree, s.unit_id, cs.month, cs.programme_id, cs.category;
DELETE FROM answer_unit_counts;
WITH 
counted AS (
  SELECT r.id AS response_id, r.event_id, r.role, a.question_id, coalesce(CAST(a.value_num AS TEXT), a.value_text) AS value
  FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
  WHERE r.too_fast = 0 AND q.type IN ('rating', 'choice', 'unit')
  UNION ALL
  SELECT r.id, r.event_id, r.role, a.question_id, j.value
  FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id, json_each(a.value_text) j
  WHERE r.too_fast = 0 AND q.type = 'multi'
  UNION ALL
  SELECT r.id, r.event_id, r.role, a.question_id, '*'
  FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
  WHERE r.too_fast = 0 AND q.type = 'multi'),
expected_counts AS (
  SELECT event_id, question_id, role, value, count(*) AS n FROM counted GROUP BY event_id, question_id, role, value),
unit_of AS (
  SELECT a.response_id, a.value_num AS unit_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE q.type = 'unit'),
expected_unit_counts AS (
  SELECT c.event_id, u.unit_id, c.question_id, c.value, count(*) AS n
  FROM counted c JOIN unit_of u ON u.response_id = c.response_id
  WHERE c.role = 'trainee'
  GROUP BY c.event_id, u.unit_id, c.question_id, c.value) INSERT INTO answer_unit_counts (event_id, unit_id, question_id, value, n) SELECT * FROM expected_unit_counts;

