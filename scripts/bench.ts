// `npm run bench`: page bytes, worker bundle size, rows written and CPU per submission, and latency under load.
import { spawnSync } from "node:child_process";
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { NEAREST_AMONG } from "../worker/domain/grouping";
import { UNIT_COMMENTS_MAX } from "../worker/services/scores";
import { type BurstResult, burst, freshServer } from "./bench-burst";
import { submissionCpuMs } from "./bench-cpu";
import { benchDashboards, DASHBOARD_BUDGET } from "./bench-dashboards";
import { groupingMs } from "./bench-grouping";
import { benchProgress, progressTableText } from "./bench-progress";
import { benchSurveys } from "./bench-surveys";
import {
  applyMigrations,
  buildWeb,
  loginCookie,
  openEvent,
  openPhones,
  quietEnv,
  ROOT,
  startDev,
  waitForHttp,
} from "./lib";
import { DEMO_WORKSHOP, seedDemo } from "./seed";

const BUDGET = {
  pageBytes: 14_600,
  bundleBytes: 150 * 1024,
  rowsWritten: 35,
  cpuMs: 2,
  assignMs: 5,
  regroupMs: 300,
};
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

const gz = (b: Uint8Array | string) =>
  gzipSync(typeof b === "string" ? Buffer.from(b) : b, { level: 9 }).length;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function pageBytes(base: string, path: string) {
  const res = await fetch(`${base}${path}`);
  const html = await res.text();
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js)[^"]*)"/g)].map((m) => m[1] ?? "");
  const parts = [{ url: path, raw: Buffer.byteLength(html), gzip: gz(html) }];
  for (const a of assets) {
    const body = new Uint8Array(await (await fetch(`${base}${a}`)).arrayBuffer());
    parts.push({ url: a, raw: body.length, gzip: gz(body) });
  }
  return { parts, total: parts.reduce((s, p) => s + p.gzip, 0) };
}

function bundleBytes() {
  const out = mkdtempSync(join(tmpdir(), "gopy-bundle-"));
  const r = spawnSync(
    join(ROOT, "node_modules", ".bin", "wrangler"),
    ["deploy", "--dry-run", "--outdir", out],
    {
      cwd: ROOT,
      env: quietEnv,
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
  const files = readdirSync(out).filter((f) => f.endsWith(".js"));
  const bytes = files.reduce((s, f) => s + readFileSync(join(out, f)).length, 0);
  const gzip = files.reduce((s, f) => s + gz(readFileSync(join(out, f))), 0);
  rmSync(out, { recursive: true, force: true });
  return { raw: bytes, gzip };
}

/** Phones in the load test: each sends its 5 responses (the per-phone limit) to each class. */
const LOAD_PHONES = Math.ceil(SUBMISSIONS / 10);

/**
 * SUBMISSIONS spread over classes of 500 (one class takes at most 600 new responses a minute,
 * an abuse limit), from CONCURRENCY clients at a time.
 */
async function load(base: string, staffCookie: string, events: { id: number; code: string }[]) {
  type Form = { questions: { id: number; type: string }[] };
  // Each class has its own copy of the standard form, so its own question ids.
  const forms = await Promise.all(
    events.map(async (e) => (await (await fetch(`${base}/api/public/events/${e.code}`)).json()) as Form),
  );
  const phones = await openPhones(base, events[0]?.code ?? "", LOAD_PHONES);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const rows: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < SUBMISSIONS) {
      const i = next++;
      const k = i % events.length;
      const code = events[k]?.code ?? "";
      const answers: Record<string, unknown> = {};
      for (const q of forms[k]?.questions ?? [])
        answers[q.id] =
          q.type === "rating" ? 1 + ((i * 7 + q.id) % 5) : `Ý kiến số ${i}: nên tăng thời gian thực hành.`;
      const t = performance.now();
      const res = await fetch(`${base}/api/public/events/${code}/responses`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Cookie: phones[Math.floor(i / events.length) % phones.length] ?? "",
        },
        body: JSON.stringify({ clientId: `bench-${code}-${i}`, role: "trainee", answers, elapsedMs: 60_000 }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const w = /rows_written=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1];
      if (w) rows.push(Number(w));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  let stored = 0;
  for (const e of events) {
    const r = await fetch(`${base}/api/events/${e.id}`, { headers: { Cookie: staffCookie } });
    stored += ((await r.json()) as { responses: number }).responses;
  }
  return {
    submissions: SUBMISSIONS,
    concurrency: CONCURRENCY,
    statuses: Object.fromEntries(statuses),
    stored,
    p50ms: Math.round(pct(latencies, 50) * 10) / 10,
    p99ms: Math.round(pct(latencies, 99) * 10) / 10,
    throughputPerSec: Math.round((SUBMISSIONS / seconds) * 10) / 10,
    rowsWrittenPerSubmission: rows.length ? Math.max(...rows) : null,
  };
}

const HALL = Number(process.env.BENCH_HALL ?? 200);
/** The words of wrangler dev's proxy when it loses a request in flight; the Worker's own 5xx are JSON. */
const DEV_PROXY_DROP = /^Your worker restarted mid-request/;

/**
 * A hall of HALL trainees sending at the same moment on a bad network: about one request in ten
 * gives up on the client side (aborted after a few milliseconds, whether or not the server got
 * it) and is sent again with the same clientId, as the phone page does.
 */
async function hall(base: string, staffCookie: string, eventId: number, code: string) {
  const form = (await (await fetch(`${base}/api/public/events/${code}`)).json()) as {
    questions: { id: number; type: string }[];
  };
  // One address, expected HALL: the per-address ceiling (expected × 1.5 + 20) must refuse none of them.
  const phones = await openPhones(base, code, HALL);
  const rand = prngFor(HALL);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let timeouts = 0;
  const workerErrors: string[] = [];
  let devProxyDrops = 0;
  const started = performance.now();
  const phone = async (i: number) => {
    const answers: Record<string, unknown> = {};
    for (const q of form.questions) answers[q.id] = q.type === "rating" ? 1 + ((i + q.id) % 5) : "Bổ ích";
    const body = JSON.stringify({
      clientId: `hall-${code}-${i}`,
      role: "trainee",
      answers,
      elapsedMs: 90_000,
    });
    const giveUpAfter = rand() < 0.1 ? 1 + Math.floor(rand() * 40) : 0;
    const t = performance.now();
    for (let attempt = 0; ; attempt++) {
      const ctrl = new AbortController();
      const timer =
        attempt === 0 && giveUpAfter > 0 ? setTimeout(() => ctrl.abort(), giveUpAfter) : undefined;
      try {
        const res = await fetch(`${base}/api/public/events/${code}/responses`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: phones[i] ?? "" },
          body,
          signal: ctrl.signal,
        });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) {
          // wrangler dev's proxy (not in production) drops requests in flight when a client gives up.
          if (DEV_PROXY_DROP.test(text)) devProxyDrops++;
          else if (workerErrors.length < 5)
            workerErrors.push(`${res.status} attempt ${attempt}: ${text.slice(0, 300)}`);
        }
        if (res.status < 500 && res.status !== 429) break;
      } catch {
        timeouts++;
      } finally {
        clearTimeout(timer);
      }
    }
    latencies.push(performance.now() - t);
  };
  await Promise.all(Array.from({ length: HALL }, (_, i) => phone(i)));
  const seconds = (performance.now() - started) / 1000;
  const stored = (await (
    await fetch(`${base}/api/events/${eventId}`, { headers: { Cookie: staffCookie } })
  ).json()) as { responses: number };
  return {
    phones: HALL,
    clientTimeouts: timeouts,
    statuses: Object.fromEntries(statuses),
    stored: stored.responses,
    p50ms: Math.round(pct(latencies, 50) * 10) / 10,
    p99ms: Math.round(pct(latencies, 99) * 10) / 10,
    throughputPerSec: Math.round((HALL / seconds) * 10) / 10,
    refused: statuses.get(429) ?? 0,
    workerErrors,
    devProxyDrops,
    ok: stored.responses === HALL && workerErrors.length === 0 && timeouts > 0 && !statuses.has(429),
  };
}

/**
 * Issue 16's needs survey at its largest: 25 questions of every type (ratings, choices, several
 * choices of six, texts, the unit from the province's subtree). Its phone page must stay within
 * the brief's page budget; one submission says what such a response writes.
 */
async function needsSurvey(base: string, staffCookie: string) {
  const option = (v: string) => ({
    value: v,
    labelVi: `Lựa chọn ${v}: nội dung bồi dưỡng cụ thể`,
    labelEn: "",
  });
  const q = (type: string, i: number, extra: Record<string, unknown> = {}) => ({
    type,
    criterion: null,
    labelVi: `Câu ${i + 1}: chị đánh giá hoặc đề xuất gì về nội dung này?`,
    labelEn: "",
    required: false,
    options: null,
    maxLength: null,
    ...extra,
  });
  const questions = [
    q("unit", 0, { required: true }),
    ...Array.from({ length: 10 }, (_, i) => q("rating", i + 1)),
    ...Array.from({ length: 5 }, (_, i) => q("choice", i + 11, { options: ["a", "b", "c"].map(option) })),
    ...Array.from({ length: 5 }, (_, i) =>
      q("multi", i + 16, { options: ["a", "b", "c", "d", "e", "f"].map(option), maxChoices: 3 }),
    ),
    ...Array.from({ length: 4 }, (_, i) => q("text", i + 21, { maxLength: 1000 })),
  ];
  const { code } = await openEvent(base, staffCookie, {
    kind: "survey",
    title: "Khảo sát nhu cầu bồi dưỡng cán bộ Hội cơ sở năm 2027 (25 câu)",
    endsAt: new Date(Date.now() + 86400_000).toISOString(),
    expectedParticipants: 1000,
    form: { title: "Phiếu khảo sát nhu cầu", questions },
  });
  const page = await pageBytes(base, `/s/${code}`);
  const form = (await (await fetch(`${base}/api/public/events/${code}`)).json()) as {
    questions: { id: number; type: string; options: { value: string | number }[] | null }[];
  };
  const answers: Record<string, unknown> = {};
  for (const fq of form.questions) {
    const first = fq.options?.[0]?.value;
    if (fq.type === "rating") answers[fq.id] = 4;
    else if (fq.type === "multi") answers[fq.id] = (fq.options ?? []).slice(0, 3).map((o) => o.value);
    else if (fq.type === "text") answers[fq.id] = "Cần thêm tài liệu và thời gian thực hành.";
    else if (first !== undefined) answers[fq.id] = first;
  }
  const [phone] = await openPhones(base, code, 1);
  const sent = await fetch(`${base}/api/public/events/${code}/responses`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: phone ?? "" },
    body: JSON.stringify({ clientId: `bench-needs-${code}`, role: "trainee", answers, elapsedMs: 300_000 }),
  });
  if (sent.status !== 201) throw new Error(`needs survey answer: ${sent.status} ${await sent.text()}`);
  const units = form.questions.find((fq) => fq.type === "unit")?.options?.length ?? 0;
  return {
    page,
    units,
    rowsWritten: Number(/rows_written=(\d+)/.exec(sent.headers.get("server-timing") ?? "")?.[1] ?? 0),
  };
}

/** Sign-in answers for a wrong password and for an unknown email: the same words, the same time. */
async function loginTiming(base: string) {
  const known = ["admin@gopy.local", "tochuc@gopy.local", "kiemtra@gopy.local", "lanhdao@gopy.local"];
  const once = async (email: string) => {
    const t = performance.now();
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: "not-the-password" }),
    });
    return { ms: performance.now() - t, status: res.status, body: await res.text() };
  };
  const wrong: { ms: number; status: number; body: string }[] = [];
  const unknown: typeof wrong = [];
  // Two tries per account stays under the slowing threshold, so both sides are measured unslowed.
  for (let round = 0; round < 2; round++) {
    for (const email of known) {
      wrong.push(await once(email));
      unknown.push(await once(`nobody-${round}-${email}`));
    }
  }
  const same = new Set([...wrong, ...unknown].map((r) => `${r.status} ${r.body}`)).size === 1;
  return {
    wrongPasswordMedianMs:
      Math.round(
        pct(
          wrong.map((r) => r.ms),
          50,
        ) * 10,
      ) / 10,
    unknownEmailMedianMs:
      Math.round(
        pct(
          unknown.map((r) => r.ms),
          50,
        ) * 10,
      ) / 10,
    sameAnswer: same,
  };
}

function prngFor(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

// Grouping's CPU first, then the dashboards on a server of their own, on a machine not yet busy
// with the load test (on these shared 2-core machines everything measured late in a long run reads
// slower: CI's run of 07/12/2026 read the lexicon's compile at 14.7 ms after the hall, 4 ms alone).
const grouping = groupingMs();
buildWeb();
const dash = await benchDashboards(Number(process.env.BENCH_PORT ?? 8790) + 1);
const surveys = await benchSurveys(Number(process.env.BENCH_PORT ?? 8790) + 2);
const progress = await benchProgress(Number(process.env.BENCH_PORT ?? 8790) + 6);

// Bursts at freshly started servers of their own: the 200-phone hall all at once, and the brief's
// national training day (1,000 phones of ten classes, each class on its own address, within 30 s);
// workerd's memory sampled. The 1,000 at one instant are not run here: wrangler dev itself once
// spun for minutes under them (`BENCH_BURSTS=1000:10:0 npx tsx scripts/bench-burst.ts` runs them).
mkdirSync(join(ROOT, "bench-results"), { recursive: true });
const bursts: BurstResult[] = [];
for (const [phones, classes, withinMs] of [
  [200, 1, 0],
  [1000, 10, 30_000],
] as const) {
  const port = Number(process.env.BENCH_PORT ?? 8790) + 3;
  const log = join(ROOT, "bench-results", `wrangler-dev-burst-${phones}-${withinMs}.log`);
  const server = await freshServer(port, log);
  try {
    const cookie = await loginCookie(server.base, "tochuc@gopy.local", "gopy-demo-2026");
    bursts.push(await burst(server.base, cookie, { phones, classes, withinMs }));
  } finally {
    await server.stop();
  }
}
/**
 * Every response stored once, and no 5xx at all for the brief's national day (the 1,000 within 30 s).
 * The 200 at one instant, beyond the brief, is held to the hall's rule: wrangler dev's own proxy
 * "restarted mid-request" 503s (production has no such proxy) are counted and re-sent, not failed;
 * the Worker's own 5xx still fail it (seen 0, 4 and 46 such drops in three runs on 07/12/2026).
 */
const burstOk = (b: BurstResult) =>
  b.stored === b.phones &&
  b.workerErrors === 0 &&
  (b.withinMs === 0 ? b.fiveXx - b.devProxyDrops === 0 : b.fiveXx === 0);

const persistTo = mkdtempSync(join(tmpdir(), "gopy-bench-"));
applyMigrations({ persistTo });
await seedDemo({ persistTo });
const port = Number(process.env.BENCH_PORT ?? 8790);
const dev = startDev({ port, persistTo });
// Drained to a file: a pipe nobody reads fills up and stalls wrangler, and the log says why a 5xx came.
mkdirSync(join(ROOT, "bench-results"), { recursive: true });
const devLog = createWriteStream(join(ROOT, "bench-results", "wrangler-dev.log"));
dev.stdout.pipe(devLog);
dev.stderr.pipe(devLog);
const base = `http://127.0.0.1:${port}`;
try {
  await waitForHttp(`${base}/`, 90_000);
  const cookie = await loginCookie(base, "tochuc@gopy.local", "gopy-demo-2026");
  const newClass = (title: string, expected: number) =>
    openEvent(base, cookie, { title, expectedParticipants: expected });
  const loadEvents: { id: number; code: string }[] = [];
  for (let k = 0; k < Math.ceil(SUBMISSIONS / 500); k++)
    loadEvents.push(await newClass("Lớp đo hiệu năng", 500));
  const event = loadEvents[0] ?? (await newClass("Lớp đo hiệu năng", 500));

  const page = await pageBytes(base, `/s/${event.code}`);
  const needs = await needsSurvey(base, cookie);
  const bundle = bundleBytes();
  const cpu = await submissionCpuMs();
  const run = await load(base, cookie, loadEvents);
  const hallEvent = await newClass("Hội trường 200 người", HALL);
  const crowd = await hall(base, cookie, hallEvent.id, hallEvent.code);
  const login = await loginTiming(base);
  const workshopPage = await pageBytes(base, `/s/${DEMO_WORKSHOP.code}`);
  const proposal = await fetch(`${base}/api/public/events/${DEMO_WORKSHOP.code}/proposals`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      clientId: "bench-proposal-0001",
      text: "Đề nghị tăng phụ cấp cho chi hội trưởng",
    }),
  });
  const proposalRows = Number(
    /rows_written=(\d+)/.exec(proposal.headers.get("server-timing") ?? "")?.[1] ?? 99,
  );

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    surveyPage: { ...page, budget: BUDGET.pageBytes, ok: page.total <= BUDGET.pageBytes },
    workerBundle: { ...bundle, budget: BUDGET.bundleBytes, ok: bundle.gzip <= BUDGET.bundleBytes },
    submissionCpuMs: { value: Math.round(cpu * 1000) / 1000, budget: BUDGET.cpuMs, ok: cpu <= BUDGET.cpuMs },
    workshopPage: { ...workshopPage, budget: BUDGET.pageBytes, ok: workshopPage.total <= BUDGET.pageBytes },
    needsSurvey: { ...needs, budget: BUDGET.pageBytes, ok: needs.page.total <= BUDGET.pageBytes },
    proposalRowsWritten: {
      value: proposalRows,
      budget: BUDGET.rowsWritten,
      ok: proposalRows <= BUDGET.rowsWritten,
    },
    grouping: {
      assignP50Ms: Math.round(grouping.assignP50Ms * 1000) / 1000,
      assignP99Ms: Math.round(grouping.assignP99Ms * 1000) / 1000,
      regroup500Ms: Math.round(grouping.regroup500Ms * 10) / 10,
      regroupTaughtMs: Math.round(grouping.regroupTaughtMs * 10) / 10,
      assignTaughtMs: Math.round(grouping.assignTaughtMs * 100) / 100,
      lexiconCompileMs: Math.round(grouping.compileMs * 1000) / 1000,
      assignNoThemeMs: Math.round(grouping.noThemeMs * 100) / 100,
      ok:
        grouping.assignP99Ms <= BUDGET.assignMs &&
        grouping.noThemeMs <= BUDGET.assignMs &&
        grouping.assignTaughtMs <= BUDGET.assignMs &&
        grouping.regroup500Ms <= BUDGET.regroupMs &&
        grouping.regroupTaughtMs <= BUDGET.regroupMs,
    },
    dashboards: dash,
    surveys,
    progress,
    hall: crowd,
    bursts: bursts.map((b) => ({ ...b, ok: burstOk(b) })),
    login,
    load: {
      ...run,
      rowsBudget: BUDGET.rowsWritten,
      ok: (run.rowsWrittenPerSubmission ?? 99) <= BUDGET.rowsWritten && run.stored === SUBMISSIONS,
    },
  };
  mkdirSync(join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(join(ROOT, "bench-results", "bench.json"), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name: string, value: string, budget: string, ok: boolean) =>
    `| ${name.padEnd(44)} | ${value.padStart(14)} | ${budget.padStart(12)} | ${ok ? "ok  " : "OVER"} |`;
  console.log(`
| measure                                      |          value |       budget |      |
|----------------------------------------------|----------------|--------------|------|
${row("survey page, HTML+CSS+JS gzip (bytes)", String(page.total), String(BUDGET.pageBytes), results.surveyPage.ok)}
${page.parts.map((p) => row(`  ${p.url.replace(/\?.*/, "")}`, String(p.gzip), "", true)).join("\n")}
${row("worker bundle gzip (dry-run, minified, bytes)", String(bundle.gzip), String(BUDGET.bundleBytes), results.workerBundle.ok)}
${row("rows written per submission (D1 meta)", String(run.rowsWrittenPerSubmission), String(BUDGET.rowsWritten), results.load.ok)}
${row("submission CPU, the real Worker over an instant D1 (ms, Node)", results.submissionCpuMs.value.toFixed(3), String(BUDGET.cpuMs), results.submissionCpuMs.ok)}
${row("workshop page (demo, 21 proposals) gzip", String(workshopPage.total), String(BUDGET.pageBytes), results.workshopPage.ok)}
${row(`needs survey page (25 questions, ${needs.units} units) gzip`, String(needs.page.total), String(BUDGET.pageBytes), results.needsSurvey.ok)}
${row("  rows written per needs-survey submission", String(needs.rowsWritten), "", true)}
${row("rows written per proposal (D1 meta)", String(proposalRows), String(BUDGET.rowsWritten), results.proposalRowsWritten.ok)}
${row("grouping: assign one proposal p99 (ms, Node)", results.grouping.assignP99Ms.toFixed(3), String(BUDGET.assignMs), results.grouping.ok)}
${row(`grouping: assign a no-theme one (vs ${NEAREST_AMONG} newest, ms)`, results.grouping.assignNoThemeMs.toFixed(2), String(BUDGET.assignMs), results.grouping.ok)}
${row("grouping: compile lexicon once per isolate (ms)", results.grouping.lexiconCompileMs.toFixed(3), "", true)}
${row("grouping: assign one, 10 agenda groups, 100 placed, 100 newest, 100 lessons (ms)", results.grouping.assignTaughtMs.toFixed(2), String(BUDGET.assignMs), results.grouping.ok)}
${row("grouping: regroup 500 proposals (ms, Node)", results.grouping.regroup500Ms.toFixed(1), String(BUDGET.regroupMs), results.grouping.ok)}
${row("grouping: regroup 500, 10 agenda groups, 100 placed, 100 lessons (ms)", results.grouping.regroupTaughtMs.toFixed(1), String(BUDGET.regroupMs), results.grouping.ok)}
${row(`latency p50 (ms), ${SUBMISSIONS} subs x ${CONCURRENCY} clients`, String(run.p50ms), "", true)}
${row("latency p99 (ms)", String(run.p99ms), "", true)}
${row("throughput (submissions/s, wrangler dev)", String(run.throughputPerSec), "", true)}
${row("stored / sent", `${run.stored}/${SUBMISSIONS}`, "", run.stored === SUBMISSIONS)}
statuses: ${JSON.stringify(run.statuses)}

Hall: ${crowd.phones} phones (each with the id the Worker signed when it opened the page) on one address, expected ${crowd.phones}, at once; ${crowd.clientTimeouts} client timeouts re-sent with the same clientId.
${row("hall: stored / unique clientIds", `${crowd.stored}/${crowd.phones}`, "", crowd.ok)}
${row("hall: refused by a limit (429)", String(crowd.refused), "0", crowd.refused === 0)}
${row("hall: latency p50 incl. retries (ms)", String(crowd.p50ms), "", true)}
${row("hall: latency p99 incl. retries (ms)", String(crowd.p99ms), "", true)}
${row("hall: throughput (phones/s)", String(crowd.throughputPerSec), "", true)}
statuses: ${JSON.stringify(crowd.statuses)}; 5xx from the Worker: ${crowd.workerErrors.length === 0 ? "none" : crowd.workerErrors.join(" | ")}; dropped by wrangler dev's proxy when phones gave up ("Your worker restarted mid-request", re-sent like any 5xx): ${crowd.devProxyDrops}
${bursts
  .map(
    (b) =>
      `Burst at a fresh server: ${b.phones} phones${b.phones > 200 ? " of ten classes, each on its own address" : " of one hall"}, ${b.withinMs > 0 ? `starting within ${b.withinMs / 1000} s` : "all at the same moment"}, each opening its page then sending, one in five twice at once: ${b.stored}/${b.phones} stored once in ${b.seconds} s; statuses ${JSON.stringify(b.statuses)}; the Worker's own 5xx: ${b.workerErrors}${b.samples.length ? ` (${b.samples.join(" | ")})` : ""}; wrangler dev's proxy "restarted mid-request" (re-sent): ${b.devProxyDrops}; connections dropped: ${b.networkErrors}; workerd memory (RSS of its processes, /proc every 50 ms) ${b.beforeMb} MB before, ${b.peakMb} MB at peak ${burstOk(b) ? "ok" : "OVER"}`,
  )
  .join("\n")}
Sign-in: wrong password ${login.wrongPasswordMedianMs} ms, unknown email ${login.unknownEmailMedianMs} ms (medians); same answer: ${login.sameAnswer ? "yes" : "NO"}

Dashboards: ${dash.classes} classes, ${dash.answers.toLocaleString("en")} answers, ${dash.units} units (built in ${dash.buildSeconds} s); ${dash.unitStatsRows} unit aggregate rows.
Server time is the Worker's (Server-Timing app), SQL time D1's own; naive = one query scanning raw answers on the same database.
| view     | server ms | SQL ms | rows read | naive SQL ms | naive rows read | rows ratio | budget |
|----------|-----------|--------|-----------|--------------|-----------------|------------|--------|
${(["national", "province", "class"] as const)
  .map((v) => {
    const a = dash.views[v];
    const n = dash.naive[v];
    const budget =
      v === "national"
        ? `${DASHBOARD_BUDGET.nationalRows} rows, ${DASHBOARD_BUDGET.nationalMs} ms ${dash.ok ? "ok" : "OVER"}`
        : "";
    return `| ${v.padEnd(8)} | ${String(a.appMs).padStart(9)} | ${String(a.sqlMs).padStart(6)} | ${String(a.rowsRead).padStart(9)} | ${n.sqlMs.toFixed(0).padStart(12)} | ${String(n.rowsRead).padStart(15)} | ${(n.rowsRead / Math.max(1, a.rowsRead)).toFixed(1).padStart(10)} | ${budget} |`;
  })
  .join("\n")}

What trainees wrote, grouped across classes (a unit page): ${dash.comments.toLocaleString("en")} written answers in all; the newest ${UNIT_COMMENTS_MAX.toLocaleString("en")} of a unit's are grouped.
| view     | server ms | SQL ms | rows read |
|----------|-----------|--------|-----------|
${(["national", "province"] as const)
  .map((v) => {
    const a = dash.commentViews[v];
    return `| ${v.padEnd(8)} | ${String(a.appMs).padStart(9)} | ${String(a.sqlMs).padStart(6)} | ${String(a.rowsRead).padStart(9)} |`;
  })
  .join("\n")}

Needs surveys: ${surveys.surveys} surveys of one 25-question template, ${surveys.responsesEach.toLocaleString("en")} responses each (${surveys.answers.toLocaleString("en")} answers besides the texts, built in ${surveys.buildSeconds} s), over the same tree; the big one at a province whose respondents pick one of its 98 communes.
| view                                         | server ms | SQL ms | rows read | naive SQL ms | naive rows read |
|----------------------------------------------|-----------|--------|-----------|--------------|-----------------|
${(
  [
    ["report of one survey, with its 98 units", "report"],
    [`needs roll-up, national (${surveys.surveys} surveys)`, "rollupNational"],
    ["needs roll-up, one province", "rollupProvince"],
    ["raw answers CSV of one survey (organisers)", "answersCsv"],
  ] as const
)
  .map(([label, key]) => {
    const a = surveys.views[key];
    const n = key === "report" || key === "rollupNational" ? surveys.naive[key] : undefined;
    return `| ${label.padEnd(44)} | ${String(a.appMs).padStart(9)} | ${String(a.sqlMs).padStart(6)} | ${String(a.rowsRead).padStart(9)} | ${(n ? n.sqlMs.toFixed(0) : "").padStart(12)} | ${(n ? String(n.rowsRead) : "").padStart(15)} |`;
  })
  .join("\n")}
${row("needs survey page, 98 communes to pick, gzip", String(surveys.pageGzip), String(BUDGET.pageBytes), surveys.pageGzip <= BUDGET.pageBytes)}

${progressTableText(progress)}
written to bench-results/bench.json`);
  const allOk =
    results.surveyPage.ok &&
    results.workerBundle.ok &&
    results.submissionCpuMs.ok &&
    results.load.ok &&
    results.workshopPage.ok &&
    results.needsSurvey.ok &&
    results.proposalRowsWritten.ok &&
    results.grouping.ok &&
    crowd.ok &&
    bursts.every(burstOk) &&
    login.sameAnswer &&
    dash.ok &&
    progress.ok &&
    surveys.pageGzip <= BUDGET.pageBytes;
  process.exitCode = allOk ? 0 : 1;
} finally {
  dev.kill("SIGTERM");
  rmSync(persistTo, { recursive: true, force: true });
}
