// Dashboards at national scale: builds 1,000 classes × 65 responses × 15 answers over a full tree, then times the views against naive scans.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { REBUILD_ALL_SQL, REBUILD_COUNTS_SQL } from "../worker/db/stats";
import { CRITERIA } from "../worker/domain/criteria";
import { hashPassword } from "../worker/domain/crypto";
import { layoutTree, type TreeNode } from "../worker/domain/tree";
import { applyMigrations, executeFile, loginCookie, q, startDev, waitForHttp, wrangler } from "./lib";
import { DEMO_COMMENTS } from "./seed";

export const DASHBOARD_BUDGET = { nationalRows: 20_000, nationalMs: 50 };
const CLASSES = 1000;
const RESPONSES = 65;
const QUESTIONS = 15;
/** What trainees write: the demo's recommendations (the bench needs nothing outside the project). */
const COMMENT_POOL = DEMO_COMMENTS;
const REPEAT = 15;

/** 34 provinces of today with ~98 communes each; 29 provinces merged in 2025 with districts and old communes. */
export function tree() {
  const rows: {
    id: number;
    code: string;
    name: string;
    level: string;
    parentId: number | null;
    successorId: number | null;
    active: boolean;
  }[] = [];
  const add = (r: Omit<(typeof rows)[number], "id">) => {
    rows.push({ ...r, id: rows.length + 1 });
    return rows.length;
  };
  const central = add({
    code: "TW",
    name: "Trung ương",
    level: "central",
    parentId: null,
    successorId: null,
    active: true,
  });
  const provinces: number[] = [];
  const communes: number[] = [];
  for (let p = 0; p < 34; p++) {
    const id = add({
      code: `P${p}`,
      name: `Tỉnh ${p + 1}`,
      level: "province",
      parentId: central,
      successorId: null,
      active: true,
    });
    provinces.push(id);
    for (let c = 0; c < 98; c++) {
      communes.push(
        add({
          code: `P${p}-C${c}`,
          name: `Xã ${p + 1}.${c + 1}`,
          level: "commune",
          parentId: id,
          successorId: null,
          active: true,
        }),
      );
    }
  }
  const oldCommunes: number[] = [];
  for (let p = 0; p < 63; p++) {
    // The first 34 old provinces are today's (same unit); 29 more merged into them.
    const prov =
      p < 34
        ? (provinces[p] ?? central)
        : add({
            code: `OP${p}`,
            name: `Tỉnh cũ ${p + 1}`,
            level: "province",
            parentId: central,
            successorId: provinces[p % 34] ?? null,
            active: false,
          });
    for (let d = 0; d < 11; d++) {
      const district = add({
        code: `OP${p}-D${d}`,
        name: `Huyện ${p + 1}.${d + 1}`,
        level: "district",
        parentId: prov,
        successorId: provinces[p % 34] ?? null,
        active: false,
      });
      for (let c = 0; c < 3; c++) {
        oldCommunes.push(
          add({
            code: `OP${p}-D${d}-C${c}`,
            name: `Xã cũ ${p}.${d}.${c}`,
            level: "commune",
            parentId: district,
            successorId: communes[(p * 33 + d * 3 + c) % communes.length] ?? null,
            active: false,
          }),
        );
      }
    }
  }
  const nodes: TreeNode[] = rows.map((r) => ({
    id: r.id,
    parentId: r.parentId,
    successorId: r.successorId,
    active: r.active,
  }));
  const layout = layoutTree(nodes);
  if (!layout.ok) throw new Error("bench tree has a cycle");
  const sql = [];
  for (let i = 0; i < rows.length; i += 300) {
    sql.push(
      `INSERT INTO units (id, code, name, level, parent_id, path, now_parent_id, now_path, active, valid_to, successor_id) VALUES ${rows
        .slice(i, i + 300)
        .map((r) => {
          const p = layout.placements.get(r.id);
          return `(${r.id}, ${q(r.code)}, ${q(r.name)}, ${q(r.level)}, ${r.parentId ?? "NULL"}, ${q(p?.path ?? "")}, ${p?.nowParentId ?? "NULL"}, ${q(p?.nowPath ?? "")}, ${r.active ? 1 : 0}, ${r.active ? "NULL" : "'2025-07-01'"}, ${r.successorId ?? "NULL"})`;
        })
        .join(",")};`,
    );
  }
  return { sql, provinces, communes, oldCommunes, units: rows.length };
}

/** The account the benchmarks sign in with: an admin at the centre. */
export const BENCH_LOGIN = { email: "bench@gopy.local", password: "bench-password-1" };

export async function benchUserSql(): Promise<string> {
  return `INSERT INTO users (id, email, password_hash, role, unit_id, created_at) VALUES (1, ${q(BENCH_LOGIN.email)}, ${q(await hashPassword(BENCH_LOGIN.password))}, 'admin', 1, '2026-01-01T00:00:00Z');`;
}

async function build(persistTo: string) {
  const t = tree();
  const sql = [...t.sql];
  sql.push(
    await benchUserSql(),
    "INSERT INTO forms (id, title, created_at) VALUES (1, 'Phiếu 15 câu', '2024-01-01T00:00:00Z');",
    `INSERT INTO questions (id, form_id, position, type, criterion, label_vi, label_en, required) VALUES ${Array.from(
      { length: QUESTIONS },
      (_, i) =>
        `(${i + 1}, 1, ${i + 1}, 'rating', ${q(CRITERIA[i] ?? `extra_${i}`)}, 'Câu ${i + 1}', 'Question ${i + 1}', 1)`,
    ).join(",")};`,
  );
  // Classes over 36 months: before July 2025 at old communes, after at today's communes.
  const events: string[] = [];
  for (let i = 0; i < CLASSES; i++) {
    const month = i % 36;
    const year = 2024 + Math.floor(month / 12);
    const m = (month % 12) + 1;
    const before = year < 2025 || (year === 2025 && m < 7);
    const pool = before ? t.oldCommunes : t.communes;
    const unit = pool[(i * 7919) % pool.length] ?? 1;
    const start = `${year}-${String(m).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}T01:00:00.000Z`;
    events.push(
      `(${i + 1}, 'B${String(i).padStart(5, "0")}', 'class', 'Lớp ${i + 1}', ${unit}, '${start}', '${start}', '${start}', 70, 'mixed', 1, 'closed', ${RESPONSES}, '${start}')`,
    );
  }
  for (let i = 0; i < events.length; i += 250) {
    sql.push(
      `INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, trainee_category, form_id, status, response_count, created_at) VALUES ${events.slice(i, i + 250).join(",")};`,
    );
  }
  sql.push(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${RESPONSES - 1}) INSERT INTO responses (event_id, client_id, role, form_id, body_hash, created_at) SELECT e.id, 'b' || e.id || '-' || n.i, 'trainee', 1, 'bench', e.starts_at FROM events e, n ORDER BY e.id, n.i;`,
    // Deterministic ratings around a per-class level, so classes differ and some are weak.
    "INSERT INTO answers (response_id, question_id, value_num) SELECT r.id, qq.id, max(1, min(5, 2 + (r.event_id % 3) + ((r.id * 2654435761 + qq.id * 40503) % 7) / 3)) FROM responses r, questions qq WHERE qq.type = 'rating' ORDER BY r.id, qq.id;",
    // One trainee in four writes a recommendation, one of the demo's.
    `INSERT INTO questions (id, form_id, position, type, label_vi, label_en, required) VALUES (${QUESTIONS + 1}, 1, ${QUESTIONS + 1}, 'text', 'Kiến nghị', 'Recommendations', 0);`,
    `WITH pool (i, text) AS (VALUES ${COMMENT_POOL.map((c, i) => `(${i}, ${q(c)})`).join(",")}) INSERT INTO comments (event_id, response_id, question_id, text) SELECT r.event_id, r.id, ${QUESTIONS + 1}, pool.text FROM responses r JOIN pool ON pool.i = (r.id / 4) % ${COMMENT_POOL.length} WHERE r.id % 4 = 0 ORDER BY r.id;`,
    ...[...REBUILD_COUNTS_SQL, ...REBUILD_ALL_SQL].map((s) => `${s};`),
  );
  executeFile(sql.join("\n"), { persistTo });
  return t;
}

/** The naive query on the same database through the same local D1: its duration and rows read (best of 3). */
export async function naive(db: D1Database, sql: string): Promise<{ sqlMs: number; rowsRead: number }> {
  let best = { sqlMs: Number.POSITIVE_INFINITY, rowsRead: 0 };
  for (let i = 0; i < 3; i++) {
    const r = await db.prepare(sql).all();
    if (r.meta.duration < best.sqlMs) best = { sqlMs: r.meta.duration, rowsRead: r.meta.rows_read };
  }
  return best;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function timed(base: string, cookie: string, path: string) {
  const app: number[] = [];
  const sqlMs: number[] = [];
  const wall: number[] = [];
  let rows = 0;
  for (let i = 0; i < REPEAT + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie } });
    await res.arrayBuffer();
    const t1 = performance.now();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    const timing = res.headers.get("server-timing") ?? "";
    if (i < 2) continue; // warm-up
    wall.push(t1 - t0);
    app.push(Number(/app;dur=([\d.]+)/.exec(timing)?.[1] ?? Number.NaN));
    sqlMs.push(Number(/db;dur=([\d.]+)/.exec(timing)?.[1] ?? Number.NaN));
    rows = Number(/rows_read=(\d+)/.exec(timing)?.[1] ?? Number.NaN);
  }
  return { wallMs: median(wall), appMs: median(app), sqlMs: median(sqlMs), rowsRead: rows };
}

export async function benchDashboards(port: number) {
  const persistTo = mkdtempSync(join(tmpdir(), "gopy-bench-dash-"));
  try {
    applyMigrations({ persistTo });
    const started = performance.now();
    const t = await build(persistTo);
    const buildSeconds = (performance.now() - started) / 1000;
    const counts = JSON.parse(
      wrangler(
        [
          "d1",
          "execute",
          "DB",
          "--local",
          "--persist-to",
          persistTo,
          "--json",
          "--command",
          "SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM unit_stats) AS unitRows, (SELECT count(*) FROM class_stats) AS classRows, (SELECT count(*) FROM comments) AS comments",
        ],
        { quiet: true },
      ),
    ) as { results: { answers: number; unitRows: number; classRows: number; comments: number }[] }[];
    const sizes = counts[0]?.results[0];
    const dev = startDev({ port, persistTo });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${base}/`, 90_000);
      const cookie = await loginCookie(base, BENCH_LOGIN.email, BENCH_LOGIN.password);
      const province = t.provinces[0] ?? 2;
      const period = "from=2024-01&to=2026-12";
      const views = {
        national: await timed(base, cookie, `/api/units/1/scores?${period}`),
        province: await timed(base, cookie, `/api/units/${province}/scores?${period}`),
        class: await timed(base, cookie, "/api/events/1/report"),
      };
      // What trainees wrote across the nation's and one province's classes, grouped.
      const commentViews = {
        national: await timed(base, cookie, `/api/units/1/comments?${period}`),
        province: await timed(base, cookie, `/api/units/${province}/comments?${period}`),
      };
      const crit = CRITERIA.map((c) => `'${c}'`).join(",");
      const proxy = await getPlatformProxy<{ DB: D1Database }>({ persist: { path: join(persistTo, "v3") } });
      const db = proxy.env.DB;
      const naiveNational = await naive(
        db,
        `SELECT substr(u.now_path, 1, instr(substr(u.now_path, 4), '/') + 3) AS child, q.criterion, avg(a.value_num) AS mean, count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id JOIN events e ON e.id = r.event_id JOIN units u ON u.id = e.unit_id WHERE q.criterion IN (${crit}) AND u.now_path LIKE '/1/%' GROUP BY child, q.criterion`,
      );
      const naiveProvince = await naive(
        db,
        `SELECT u.now_path AS child, q.criterion, avg(a.value_num) AS mean, count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id JOIN events e ON e.id = r.event_id JOIN units u ON u.id = e.unit_id WHERE q.criterion IN (${crit}) AND u.now_path LIKE '/1/${province}/%' GROUP BY child, q.criterion`,
      );
      const naiveClass = await naive(
        db,
        `SELECT q.criterion, a.value_num, count(*) AS n FROM responses r JOIN answers a ON a.response_id = r.id JOIN questions q ON q.id = a.question_id WHERE r.event_id = 1 AND q.type = 'rating' GROUP BY q.criterion, a.value_num`,
      );
      await proxy.dispose();
      return {
        buildSeconds: Math.round(buildSeconds * 10) / 10,
        units: t.units,
        classes: CLASSES,
        answers: sizes?.answers ?? 0,
        comments: sizes?.comments ?? 0,
        unitStatsRows: sizes?.unitRows ?? 0,
        views,
        commentViews,
        naive: { national: naiveNational, province: naiveProvince, class: naiveClass },
        ok:
          views.national.rowsRead <= DASHBOARD_BUDGET.nationalRows &&
          views.national.appMs <= DASHBOARD_BUDGET.nationalMs,
      };
    } finally {
      dev.kill("SIGTERM");
    }
  } finally {
    rmSync(persistTo, { recursive: true, force: true });
  }
}
