// Upgrading a database that holds data: the newest migration applied on top of the previous schema loses nothing.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, it } from "vitest";
import { RETREE_SQL, verifyAggregates } from "../../worker/db/stats";

const db = () => env.UPGRADE_DB;
const run = (sql: string) => db().prepare(sql).run();

/**
 * A class with six trainees' answered responses and one lecturer's, a comment, a workshop with a
 * supported proposal, staff, an observation; `averaged` stores the class's aggregates as before
 * 0020 (the lecturer's answers averaged in), else as since (counted apart on the event).
 */
const schemaData = (averaged: boolean) => [
  `INSERT INTO units (id, code, name, level, parent_id, path, now_parent_id, now_path, active) VALUES
     (1, 'TW', 'Trung ương', 'central', NULL, '/1/', NULL, '/1/', 1),
     (2, 'HN', 'Hà Nội', 'province', 1, '/1/2/', 1, '/1/2/', 1),
     (3, 'HN-BM', 'Phường Bạch Mai', 'commune', 2, '/1/2/3/', 2, '/1/2/3/', 1)`,
  `INSERT INTO users (id, email, password_hash, role, unit_id, created_at) VALUES
     (1, 'tochuc@gopy.local', 'pbkdf2-sha256$100000$AAAA$BBBB', 'organiser', 2, '2026-01-01T00:00:00Z')`,
  `INSERT INTO sessions (token_hash, user_id, expires_at, created_at) VALUES ('${"a".repeat(64)}', 1, '2099-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  `INSERT INTO programmes (id, unit_id, name, starts_on, ends_on, created_at) VALUES (1, 2, 'Chương trình 2026', '2026-01-01', '2026-12-31', '2026-01-01T00:00:00Z')`,
  `INSERT INTO forms (id, title, created_at) VALUES (1, 'Phiếu chuẩn', '2026-01-01T00:00:00Z')`,
  `INSERT INTO questions (id, form_id, position, type, criterion, label_vi, label_en, required) VALUES
     (1, 1, 1, 'rating', 'content', 'Nội dung', 'Content', 1),
     (2, 1, 2, 'rating', 'method', 'Phương pháp', 'Method', 1),
     (3, 1, 3, 'rating', 'interaction', 'Trao đổi', 'Interaction', 1),
     (4, 1, 4, 'text', NULL, 'Góp ý', 'Comments', 0)`,
  `INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, form_id, response_count, created_by, created_at, programme_id) VALUES
     (1, 'ACD347', 'class', 'Lớp chi hội trưởng', 3, '2026-03-02T01:00:00Z', '2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z', 30, 1, 7, 1, '2026-03-01T00:00:00Z', 1),
     (2, 'TDHN47', 'workshop', 'Tọa đàm', 2, '2026-03-05T01:00:00Z', '2026-03-05T09:00:00Z', '2026-03-06T09:00:00Z', 50, NULL, 1, 1, '2026-03-01T00:00:00Z', NULL)`,
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6)
   INSERT INTO responses (id, event_id, client_id, role, form_id, body_hash, created_at)
   SELECT i, 1, 'client-000' || i, 'trainee', 1, 'hash' || i, '2026-03-02T09:30:00Z' FROM n`,
  `INSERT INTO responses (id, event_id, client_id, role, form_id, body_hash, created_at)
   VALUES (7, 1, 'client-0007', 'lecturer', 1, 'hash7', '2026-03-02T09:31:00Z')`,
  `INSERT INTO answers (response_id, question_id, value_num, value_text)
   SELECT r.id, q.id, CASE WHEN r.role = 'lecturer' THEN 1 WHEN q.criterion = 'content' THEN 4 WHEN q.criterion = 'method' THEN 5 ELSE 3 END, NULL
   FROM responses r, questions q WHERE q.type = 'rating'`,
  `INSERT INTO comments (event_id, response_id, question_id, text) VALUES (1, 2, 4, 'Cần thêm thời gian thực hành')`,
  `INSERT INTO answer_counts (event_id, question_id, role, value, n) VALUES (1, 1, 'trainee', '4', 6), (1, 2, 'trainee', '5', 6), (1, 3, 'trainee', '3', 6),
     (1, 1, 'lecturer', '1', 1), (1, 2, 'lecturer', '1', 1), (1, 3, 'lecturer', '1', 1)`,
  `INSERT INTO observations (event_id, user_id, content, observed_on, updated_at) VALUES (1, 1, 4, '2026-03-02', '2026-03-02T10:00:00Z')`,
  `INSERT INTO class_stats (event_id, unit_id, path, now_path, month, programme_id, category, expected, responses, straight, observed, content_4, method_5, interaction_3)
   VALUES (1, 3, '/1/2/3/', '/1/2/3/', '2026-03', 1, '', 30, 6, 0, 4.0, 6, 6, 6)`,
  ...(averaged
    ? [
        "UPDATE class_stats SET responses = 7, straight = 1, content_1 = 1, method_1 = 1, interaction_1 = 1 WHERE event_id = 1",
      ]
    : ["UPDATE events SET lecturer_count = 1 WHERE id = 1"]),
  `INSERT INTO proposal_groups (id, event_id, key, created_at) VALUES (1, 2, 'digital', '2026-03-05T02:00:00Z')`,
  `INSERT INTO proposals (id, event_id, client_id, body_hash, text, suggested_addressee, group_id, support_count, created_at)
   VALUES (1, 2, 'phone-0001', 'h', 'Mở lớp tin học cho hội viên', 'union', 1, 1, '2026-03-05T02:00:00Z')`,
  `INSERT INTO supports (proposal_id, client_id, created_at) VALUES (1, 'device-0001', '2026-03-05T02:01:00Z')`,
  ...RETREE_SQL,
];

/** A register of three at the class's commune; two attended the class, one completed it (0022 on). */
const peopleData = [
  `INSERT INTO people (id, name, name_key, search, birth_year, position, unit_id, until, created_at, updated_at) VALUES
     (1, 'Nguyễn Thị Hoa', 'nguyễn thị hoa', 'nguyen thi hoa', 1980, 'branch_head', 3, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
     (2, 'Trần Thị Lan', 'trần thị lan', 'tran thi lan', 1975, 'branch_head', 3, NULL, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
     (3, 'Lê Thị Mai', 'lê thị mai', 'le thi mai', 1970, 'commune_chair', 3, '2026-06-30', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  "UPDATE events SET days = 2 WHERE id = 1",
  "INSERT INTO attendance (event_id, person_id, completed) VALUES (1, 1, 1), (1, 2, 0)",
];

/** An empty database again: every table, index, trigger and view dropped, migrations table included. */
async function reset(): Promise<void> {
  const objects = await db()
    .prepare(
      "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY type DESC",
    )
    .all<{ type: string; name: string }>();
  // One batch is one transaction, where the foreign keys are checked only at its end.
  await db().batch([
    db().prepare("PRAGMA defer_foreign_keys = ON"),
    ...objects.results.map((o) => db().prepare(`DROP ${o.type.toUpperCase()} IF EXISTS "${o.name}"`)),
  ]);
}

async function tables(): Promise<string[]> {
  const r = await db()
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations' ORDER BY name",
    )
    .all<{ name: string }>();
  return r.results.map((t) => t.name);
}

/** Every row of a table, in the columns it had before the upgrade. */
async function rows(table: string, columns: string[]): Promise<unknown[]> {
  const list = columns.map((c) => `"${c}"`).join(", ");
  return (await db().prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).all()).results;
}

/** Tables a migration renamed (old name → new): their rows are looked for under the new name. */
const RENAMED: Readonly<Record<string, string>> = { vocabulary_terms: "lexicon_phrases" };

/** Aggregates a migration recomputed from the raw answers: checked by verifyAggregates, not row by row. */
const RECOMPUTED = new Set(["class_stats", "unit_stats"]);

describe("upgrading a database with data in it", () => {
  it("the newest migration keeps every row and column of the previous schema, and the aggregates still add up", async ({
    expect,
  }) => {
    const migrations = env.TEST_MIGRATIONS;
    const previous = migrations.slice(0, -1);
    expect(previous.length).toBeGreaterThanOrEqual(3);
    await applyD1Migrations(db(), previous);
    for (const sql of [...schemaData(false), ...peopleData]) await run(sql);

    const before = new Map<string, { columns: string[]; rows: unknown[] }>();
    for (const table of await tables()) {
      const cols = (
        await db().prepare(`SELECT name FROM pragma_table_info('${table}')`).all<{ name: string }>()
      ).results.map((c) => c.name);
      before.set(table, { columns: cols, rows: await rows(table, cols) });
    }
    const filled = [...before.entries()].filter(([, t]) => t.rows.length > 0).map(([name]) => name);
    expect(filled.length).toBeGreaterThanOrEqual(17);

    await applyD1Migrations(db(), migrations);

    for (const [table, t] of before) {
      if (RECOMPUTED.has(table)) continue;
      expect(await rows(RENAMED[table] ?? table, t.columns), table).toEqual(t.rows);
    }
    expect((await verifyAggregates(db())).filter((d) => d.n !== 0)).toEqual([]);
    // New columns start at values that mean "as before": nothing set aside as too fast.
    const r = await db()
      .prepare("SELECT sum(too_fast) AS fast, count(elapsed_ms) AS timed FROM responses")
      .first();
    expect(r).toEqual({ fast: 0, timed: 0 });
    expect(await db().prepare("SELECT fast_count FROM events WHERE id = 1").first()).toEqual({
      fast_count: 0,
    });
    // Searched names are folded for searching without diacritics (0021).
    expect(await db().prepare("SELECT search FROM units WHERE id = 3").first()).toEqual({
      search: "phuong bach mai hn-bm",
    });
    expect(await db().prepare("SELECT search FROM events WHERE id = 1").first()).toEqual({
      search: "lop chi hoi truong acd347",
    });
    // Progress's summary rows are filled from the register and attendance (0024): two branch heads
    // at the centre, one of them with the class's two days.
    expect(
      (
        await db()
          .prepare(
            "SELECT programme_id, days, people FROM people_stats WHERE tree = 'now' AND unit_id = 1 AND position = 'branch_head' ORDER BY programme_id",
          )
          .all()
      ).results,
    ).toEqual([
      { programme_id: 0, days: 0, people: 2 },
      { programme_id: 1, days: 2, people: 1 },
    ]);
  });

  it("0020 takes a lecturer's answers, averaged in before, out of the trainees' aggregates and counts them apart", async ({
    expect,
  }) => {
    await reset();
    const migrations = env.TEST_MIGRATIONS;
    const at = migrations.findIndex((m) => m.name.startsWith("0020"));
    expect(at).toBeGreaterThan(0);
    await applyD1Migrations(db(), migrations.slice(0, at));
    for (const sql of schemaData(true)) await run(sql);
    await applyD1Migrations(db(), migrations.slice(0, at + 1));
    // The lecturer's answers (all 1s) leave the class's scores, counted apart on the event.
    expect(
      await db()
        .prepare(
          "SELECT cs.responses, cs.straight, cs.content_1, cs.content_4, e.response_count AS total, e.lecturer_count AS lecturers FROM class_stats cs JOIN events e ON e.id = cs.event_id WHERE cs.event_id = 1",
        )
        .first(),
    ).toEqual({ responses: 6, straight: 0, content_1: 0, content_4: 6, total: 7, lecturers: 1 });
    expect(
      await db()
        .prepare("SELECT sum(responses) AS n FROM unit_stats WHERE tree = 'now' AND unit_id = 1")
        .first(),
    ).toEqual({ n: 6 });
    expect((await verifyAggregates(db(), false)).filter((d) => d.n !== 0)).toEqual([]);
  });
});
