// Programme progress at national size (issue 24): 150,000 people, 5,000 classes, 250,000 attendance rows over the full tree; times progress nationally and for a province, an import of 5,000 lines and an attendance of 60.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_LOGIN, benchUserSql, timed, tree } from "./bench-dashboards";
import { applyMigrations, executeFile, loginCookie, startDev, waitForHttp } from "./lib";

export const PROGRESS_BUDGET = { nationalMs: 100, nationalRows: 20_000, provinceMs: 50, importSeconds: 5 };
const PEOPLE_PER_COMMUNE = 45;
const CLASSES = 5000;
const ATTENDANCE = 250_000;

async function build(persistTo: string) {
  const t = tree();
  const sql = [...t.sql, await benchUserSql()];
  sql.push(
    "INSERT INTO programmes (id, unit_id, name, starts_on, ends_on, categories, created_at) VALUES (1, 1, 'Đề án quốc gia', '2024-01-01', '2027-12-31', '[]', '2024-01-01T00:00:00Z');",
    "INSERT INTO programme_targets (programme_id, position, share, by_date, min_days, created_at) VALUES (1, 'branch_head', 0.7, '2026-12-31', 2, '2024-01-01T00:00:00Z'), (1, 'commune_chair', 1, '2027-12-31', 5, '2024-01-01T00:00:00Z');",
    // Every commune of today: its branch heads and a chair (names need not be real to be counted).
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${PEOPLE_PER_COMMUNE - 1})
     INSERT INTO people (name, name_key, search, birth_year, position, unit_id, created_at, updated_at)
     SELECT 'Người ' || u.id || '-' || n.i, 'người ' || u.id || '-' || n.i, 'nguoi ' || u.id || '-' || n.i, 1970 + n.i % 30,
       CASE WHEN n.i = 0 THEN 'commune_chair' ELSE 'branch_head' END, u.id, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'
     FROM units u, n WHERE u.level = 'commune' AND u.active = 1 ORDER BY u.id, n.i;`,
    // The programme's classes at today's communes, two days each.
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CLASSES})
     INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, status, response_count, created_at, programme_id, days)
     SELECT 100000 + n.i, 'P' || n.i, 'class', 'Lớp ' || n.i, c.id, '2025-09-01T01:00:00Z', '2025-09-02T09:00:00Z', '2025-09-03T09:00:00Z', 50, 'closed', 0, '2025-09-01T00:00:00Z', 1, 2
     FROM n JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM units WHERE level = 'commune' AND active = 1) c
       ON c.k = n.i % c.total;`,
    // 50 of each class's commune's people attend it, one in ten without completing.
    `INSERT INTO attendance (event_id, person_id, completed)
     SELECT event_id, person_id, completed FROM (
       SELECT e.id AS event_id, p.id AS person_id, CASE WHEN p.id % 10 = 0 THEN 0 ELSE 1 END AS completed,
         row_number() OVER (PARTITION BY e.id ORDER BY p.id) AS k
       FROM events e JOIN people p ON p.unit_id = e.unit_id WHERE e.programme_id = 1
     ) WHERE k <= ${ATTENDANCE / CLASSES};`,
  );
  executeFile(sql.join("\n"), { persistTo });
  return t;
}

async function run() {
  const persistTo = mkdtempSync(join(tmpdir(), "gopy-bench-progress-"));
  const port = Number(process.env.BENCH_PORT ?? 8790) + 5;
  try {
    applyMigrations({ persistTo });
    const started = performance.now();
    const t = await build(persistTo);
    const buildSeconds = (performance.now() - started) / 1000;
    const dev = startDev({ port, persistTo });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${base}/`, 90_000);
      const cookie = await loginCookie(base, BENCH_LOGIN.email, BENCH_LOGIN.password);
      const province = t.provinces[0] ?? 2;
      const national = await timed(base, cookie, "/api/programmes/1/progress?at=2026-06-30");
      const provinceView = await timed(
        base,
        cookie,
        `/api/programmes/1/progress?at=2026-06-30&unit=${province}`,
      );
      // An import of 5,000 lines into one province's communes, and an attendance of 60.
      const communes = t.communes.slice(0, 98);
      const lines = Array.from(
        { length: 5000 },
        (_, i) => `Nhập Thị ${i},${1970 + (i % 30)},branch_head,P0-C${i % communes.length}`,
      );
      const t0 = performance.now();
      const imported = await fetch(`${base}/api/people/import`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "text/csv", Origin: base },
        body: `name,birth_year,position,unit_code\n${lines.join("\n")}\n`,
      });
      const importSeconds = (performance.now() - t0) / 1000;
      const importTiming = imported.headers.get("server-timing") ?? "";
      const result = {
        sizes: {
          people: t.communes.length * PEOPLE_PER_COMMUNE,
          classes: CLASSES,
          attendance: ATTENDANCE,
          buildSeconds,
        },
        national,
        province: provinceView,
        import: { status: imported.status, seconds: importSeconds, timing: importTiming },
      };
      console.log(JSON.stringify(result, null, 2));
      console.log(`
| view | server ms | SQL ms | rows read | budget |
|---|---|---|---|---|
| progress, national | ${national.appMs} | ${national.sqlMs} | ${national.rowsRead} | ${PROGRESS_BUDGET.nationalMs} ms, ${PROGRESS_BUDGET.nationalRows} rows ${national.appMs <= PROGRESS_BUDGET.nationalMs && national.rowsRead <= PROGRESS_BUDGET.nationalRows ? "ok" : "OVER"} |
| progress, one province | ${provinceView.appMs} | ${provinceView.sqlMs} | ${provinceView.rowsRead} | ${PROGRESS_BUDGET.provinceMs} ms ${provinceView.appMs <= PROGRESS_BUDGET.provinceMs ? "ok" : "OVER"} |
| import of 5,000 lines (status ${imported.status}) | ${Math.round(importSeconds * 1000)} (wall) | | | ${PROGRESS_BUDGET.importSeconds} s ${importSeconds <= PROGRESS_BUDGET.importSeconds && imported.status === 201 ? "ok" : "OVER"} |`);
    } finally {
      dev.kill("SIGTERM");
    }
  } finally {
    rmSync(persistTo, { recursive: true, force: true });
  }
}

await run();
