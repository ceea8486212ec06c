// Needs surveys at scale: 200 surveys of one 25-question template, 1,000 responses each, built by SQL over the dashboards' tree; times the report, the roll-up and the export.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { getPlatformProxy } from "wrangler";
import { REBUILD_COUNTS_SQL } from "../worker/db/stats";
import type { QuestionDef } from "../worker/domain/form";
import { BENCH_LOGIN, benchUserSql, naive, timed, tree } from "./bench-dashboards";
import { applyMigrations, executeFile, loginCookie, q, startDev, waitForHttp } from "./lib";

export const SURVEYS = Number(process.env.BENCH_SURVEYS ?? 200);
export const SURVEY_RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 1000);
const FIRST_EVENT = 100_001;
const FIRST_FORM = 101;
const COMMUNES_PER_PROVINCE = 98;
/** The big survey's code (from the codes' alphabet, so its phone page opens). */
export const SURVEY_CODE = "NHUCAU";

const option = (v: string, label: string) => ({ value: v, labelVi: label, labelEn: "" });
const TOPICS = ["Kỹ năng lãnh đạo", "Chuyển đổi số", "Pháp luật", "Sinh kế", "Gia đình", "Công tác dân vận"];

/** The template: the respondent's unit, 10 ratings, 5 choices of 3, 5 several-choices of 6 (at most 3), 4 texts. */
export function templateQuestions(): QuestionDef[] {
  const base = (type: QuestionDef["type"], label: string): QuestionDef => ({
    type,
    criterion: null,
    labelVi: label,
    labelEn: "",
    required: false,
    options: null,
    maxLength: null,
    minChoices: null,
    maxChoices: null,
  });
  return [
    { ...base("unit", "Đơn vị của chị"), required: true },
    ...Array.from({ length: 10 }, (_, i) => base("rating", `Mức độ cần thiết của nội dung ${i + 1}`)),
    ...Array.from({ length: 5 }, (_, i) => ({
      ...base("choice", `Hình thức bồi dưỡng phù hợp ${i + 1}`),
      options: [option("a", "Tập trung"), option("b", "Trực tuyến"), option("c", "Kết hợp")],
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      ...base("multi", `Chủ đề cần bồi dưỡng nhóm ${i + 1}`),
      options: TOPICS.map((t, k) => option(String.fromCharCode(97 + k), t)),
      maxChoices: 3,
    })),
    ...Array.from({ length: 4 }, (_, i) => ({ ...base("text", `Đề xuất khác ${i + 1}`), maxLength: 1000 })),
  ];
}

export interface SurveyLayout {
  /** The survey at a province, whose 1,000 respondents pick one of its communes. */
  bigId: number;
  provinceId: number;
  templateId: number;
}

/**
 * SQL that adds the template (owned by the centre), then the surveys: the first at the first
 * province, the rest at communes of the first two provinces, each with its own copy of the form,
 * its responses and answers.
 */
export function surveysSql(provinces: number[]): { sql: string[]; layout: SurveyLayout } {
  const questions = templateQuestions();
  const sql = [
    `INSERT INTO templates (id, unit_id, title, questions, created_at, updated_at) VALUES (1, 1, 'Khảo sát nhu cầu bồi dưỡng 2027', ${q(JSON.stringify(questions))}, '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z');`,
  ];
  const provinceId = provinces[0] ?? 2;
  const events: string[] = [];
  const forms: string[] = [];
  const rows: string[] = [];
  for (let s = 0; s < SURVEYS; s++) {
    const id = FIRST_EVENT + s;
    const formId = FIRST_FORM + s;
    // A province's communes follow it in the tree (ids province+1 .. province+98).
    const prov = provinces[s % 2] ?? provinceId;
    const unit = s === 0 ? provinceId : prov + 1 + ((s * 37) % COMMUNES_PER_PROVINCE);
    const start = `2026-10-${String(1 + (s % 28)).padStart(2, "0")}T01:00:00.000Z`;
    // The first stays open (its phone page is measured) until long after any run.
    const closes = s === 0 ? "2099-12-31T00:00:00.000Z" : start;
    forms.push(`(${formId}, 'Phiếu khảo sát nhu cầu', '${start}')`);
    questions.forEach((qq, i) => {
      rows.push(
        `(${formId * 100 + i + 1}, ${formId}, ${i + 1}, '${qq.type}', ${q(qq.labelVi)}, '', ${qq.required ? 1 : 0}, ${q(qq.options ? JSON.stringify(qq.options) : null)}, ${qq.maxLength ?? "NULL"}, ${qq.maxChoices ?? "NULL"})`,
      );
    });
    events.push(
      `(${id}, '${s === 0 ? SURVEY_CODE : `K${String(s).padStart(5, "0")}`}', 'survey', 'Khảo sát nhu cầu bồi dưỡng 2027', ${unit}, '${start}', '${start}', '${closes}', ${SURVEY_RESPONSES}, ${formId}, ${s === 0 ? "'open'" : "'closed'"}, ${SURVEY_RESPONSES}, '${start}', 1)`,
    );
  }
  sql.push(`INSERT INTO forms (id, title, created_at) VALUES ${forms.join(",")};`);
  for (let i = 0; i < rows.length; i += 250)
    sql.push(
      `INSERT INTO questions (id, form_id, position, type, label_vi, label_en, required, options, max_length, max_choices) VALUES ${rows.slice(i, i + 250).join(",")};`,
    );
  for (let i = 0; i < events.length; i += 100)
    sql.push(
      `INSERT INTO events (id, code, kind, title, unit_id, starts_at, ends_at, closes_at, expected_participants, form_id, status, response_count, created_at, template_id) VALUES ${events.slice(i, i + 100).join(",")};`,
    );
  const surveys = `e.id >= ${FIRST_EVENT}`;
  // A number 0-9 per response and question; the first option of a several-choice answer leans to
  // the first topics (4 in 10 'a', 3 'b', 2 'c', 1 'd').
  const X = "((r.id * 7 + qq.position * 3) % 10)";
  const K = `(CASE WHEN ${X} < 4 THEN 0 WHEN ${X} < 7 THEN 1 WHEN ${X} < 9 THEN 2 ELSE 3 END)`;
  sql.push(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${SURVEY_RESPONSES - 1}) INSERT INTO responses (event_id, client_id, role, form_id, body_hash, created_at) SELECT e.id, 's' || e.id || '-' || n.i, 'trainee', e.form_id, 'bench', e.starts_at FROM events e, n WHERE ${surveys} ORDER BY e.id, n.i;`,
    // Deterministic answers with a skew, so options rank differently per question: the unit (a
    // commune of the province, or the commune itself), ratings, one of three, one or two of six.
    `INSERT INTO answers (response_id, question_id, value_num, value_text)
     SELECT r.id, qq.id,
       CASE qq.type
         WHEN 'unit' THEN CASE WHEN e.id = ${FIRST_EVENT} THEN e.unit_id + 1 + ((r.id * 7) % ${COMMUNES_PER_PROVINCE}) ELSE e.unit_id END
         WHEN 'rating' THEN min(5, 2 + ((r.id * 37 + qq.position * 101) % 7) / 2)
       END,
       CASE qq.type
         WHEN 'choice' THEN CASE WHEN ${X} < 5 THEN 'a' WHEN ${X} < 8 THEN 'b' ELSE 'c' END
         WHEN 'multi' THEN '["' || char(97 + ${K}) || '"' || CASE WHEN r.id % 3 = 0 THEN '' ELSE ',"' || char(97 + (${K} + 1 + r.id % 5) % 6) || '"' END || ']'
       END
     FROM responses r JOIN events e ON e.id = r.event_id JOIN questions qq ON qq.form_id = r.form_id
     WHERE ${surveys} AND qq.type <> 'text'
     ORDER BY r.id, qq.id;`,
    // Every respondent writes the first text, one in two the second.
    `INSERT INTO comments (event_id, response_id, question_id, text)
     SELECT r.event_id, r.id, qq.id, 'Đề nghị tăng thời lượng thực hành và tài liệu cho chi hội số ' || (r.id % 50)
     FROM responses r JOIN events e ON e.id = r.event_id JOIN questions qq ON qq.form_id = r.form_id
     WHERE ${surveys} AND qq.type = 'text' AND (qq.position = 22 OR (qq.position = 23 AND r.id % 2 = 0));`,
  );
  return { sql, layout: { bigId: FIRST_EVENT, provinceId, templateId: 1 } };
}

/** The naive answers to the same questions, scanning raw answers (for the rows-read comparison). */
export function naiveSurveySql(layout: SurveyLayout) {
  const multiAndChoice = (where: string) =>
    `SELECT qq.position, coalesce(j.value, a.value_text) AS value, count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id JOIN events e ON e.id = r.event_id JOIN units u ON u.id = e.unit_id JOIN questions qq ON qq.id = a.question_id LEFT JOIN json_each(CASE WHEN qq.type = 'multi' THEN a.value_text END) j WHERE qq.type IN ('choice', 'multi') AND ${where} GROUP BY qq.position, value`;
  return {
    report: `SELECT a.question_id, coalesce(CAST(a.value_num AS TEXT), j.value, a.value_text) AS value, count(*) AS n FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions qq ON qq.id = a.question_id LEFT JOIN json_each(CASE WHEN qq.type = 'multi' THEN a.value_text END) j WHERE r.event_id = ${layout.bigId} GROUP BY a.question_id, value`,
    rollup: multiAndChoice(`e.template_id = ${layout.templateId} AND u.now_path LIKE '/1/%'`),
  };
}

/** Bytes of the big survey's phone page (98 communes to choose from), HTML and what it loads, gzip. */
export async function surveyPageGzip(base: string, code: string): Promise<number> {
  const res = await fetch(`${base}/s/${code}`);
  const html = await res.text();
  let total = gzipSync(html, { level: 9 }).length;
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
    const js = await (await fetch(`${base}${m[1]}`)).text();
    total += gzipSync(js, { level: 9 }).length;
  }
  return total;
}

export async function benchSurveys(port: number) {
  const persistTo = mkdtempSync(join(tmpdir(), "gopy-bench-surveys-"));
  try {
    applyMigrations({ persistTo });
    const started = performance.now();
    const t = tree();
    const built = surveysSql(t.provinces);
    executeFile(
      [...t.sql, await benchUserSql(), ...built.sql, ...REBUILD_COUNTS_SQL.map((s) => `${s};`)].join("\n"),
      { persistTo },
    );
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    const layout = built.layout;
    const dev = startDev({ port, persistTo });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${base}/`, 90_000);
      const cookie = await loginCookie(base, BENCH_LOGIN.email, BENCH_LOGIN.password);
      const views = {
        report: await timed(base, cookie, `/api/events/${layout.bigId}/report`),
        rollupNational: await timed(base, cookie, `/api/units/1/needs?template=${layout.templateId}`),
        rollupProvince: await timed(
          base,
          cookie,
          `/api/units/${layout.provinceId}/needs?template=${layout.templateId}`,
        ),
        answersCsv: await timed(base, cookie, `/api/events/${layout.bigId}/answers.csv`),
      };
      const pageGzip = await surveyPageGzip(base, SURVEY_CODE);
      const proxy = await getPlatformProxy<{ DB: D1Database }>({ persist: { path: join(persistTo, "v3") } });
      const sql = naiveSurveySql(layout);
      const naiveViews = {
        report: await naive(proxy.env.DB, sql.report),
        rollupNational: await naive(proxy.env.DB, sql.rollup),
      };
      const answers = await proxy.env.DB.prepare("SELECT count(*) AS n FROM answers").first<{ n: number }>();
      await proxy.dispose();
      return {
        surveys: SURVEYS,
        responsesEach: SURVEY_RESPONSES,
        answers: answers?.n ?? 0,
        buildSeconds,
        pageGzip,
        views,
        naive: naiveViews,
      };
    } finally {
      dev.kill("SIGTERM");
    }
  } finally {
    rmSync(persistTo, { recursive: true, force: true });
  }
}
