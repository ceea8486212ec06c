// `npm run bench:phone`: the survey and workshop phone pages loaded beside the survey engines, through ../shared/bench/survey-page.
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  applyMigrations,
  buildWeb,
  loginCookie,
  openEvent,
  openPhones,
  ROOT,
  startDev,
  waitForHttp,
} from "./lib";
import { DEMO_CLASSES, seedDemo } from "./seed";

const HARNESS = join(ROOT, "..", "shared", "bench", "survey-page", "run.sh");
const DATA = join(ROOT, "..", "shared", "data", "proposals.jsonl");
const RUNS = process.env.BENCH_PHONE_RUNS ?? "3";
const PROPOSALS = 60;
/** The target: within this much of the hand-written floor, on every profile. */
const TARGET = 1.2;

interface Stat {
  median: number;
}
interface Summary {
  bytes: Stat | null;
  requests: Stat | null;
  failedRuns: number;
  profiles: Record<string, { submitVisibleMs: Stat | null }>;
}

if (!existsSync(HARNESS)) {
  console.log(
    `No harness at ${HARNESS}: this measure needs the team's shared bench folder beside the project.`,
  );
  process.exit(1);
}

/** A workshop as delegates leave it: PROPOSALS real proposals, one per phone. */
async function workshopWith(base: string, cookie: string): Promise<string> {
  const { code } = await openEvent(base, cookie, {
    kind: "workshop",
    title: "Tọa đàm đo trang điện thoại: 60 đề xuất",
    expectedParticipants: PROPOSALS,
    question: "Cần làm gì để đội ngũ cán bộ Hội cơ sở đủ sức đáp ứng nhiệm vụ trong giai đoạn mới?",
  });
  const texts = readFileSync(DATA, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text)
    .slice(0, PROPOSALS);
  const phones = await openPhones(base, code, texts.length);
  for (const [i, text] of texts.entries()) {
    const r = await fetch(`${base}/api/public/events/${code}/proposals`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: phones[i] ?? "" },
      body: JSON.stringify({ clientId: `bench-phone-${i}`, text }),
    });
    if (r.status !== 201) throw new Error(`proposal ${i}: ${r.status} ${await r.text()}`);
  }
  return code;
}

/** One run of the shared harness; returns its summary per variant. */
function harness(url: string, submitText: string, out: string, only: string | null): Record<string, Summary> {
  const args = [url, "--runs", RUNS, "--out", out, ...(only ? ["--only", only] : [])];
  const r = spawnSync(HARNESS, args, {
    stdio: "inherit",
    env: { ...process.env, OURS_SUBMIT_TEXT: submitText },
  });
  if (r.status !== 0) throw new Error(`${HARNESS} exited ${r.status}`);
  return (JSON.parse(readFileSync(out, "utf8")) as { summary: Record<string, Summary> }).summary;
}

const ms = (s: Summary | undefined, p: string) => s?.profiles[p]?.submitVisibleMs?.median ?? Number.NaN;

function table(title: string, summary: Record<string, Summary>): { lines: string; ok: boolean } {
  const floor = summary.plain;
  const surveyjs = summary.surveyjs;
  const ours = summary.ours;
  let ok = (ours?.failedRuns ?? 1) === 0;
  const rows = Object.entries(summary).map(([name, s]) => {
    const cells = ["slow4g", "3g"].map((p) => {
      const ratio = ms(s, p) / ms(floor, p);
      if (name === "ours" && !(ratio <= TARGET)) ok = false;
      return `${Math.round(ms(s, p)).toLocaleString("en")} ms (${ratio.toFixed(2)}×)`;
    });
    const kib = ((s.bytes?.median ?? 0) / 1024).toFixed(1);
    return `| ${(name === "ours" ? "Góp ý" : name).padEnd(9)} | ${kib.padStart(8)} | ${String(s.requests?.median ?? "?").padStart(3)} | ${cells[0]?.padStart(18)} | ${cells[1]?.padStart(18)} |`;
  });
  const vsSurveyJs = ["slow4g", "3g"]
    .map((p) => `${p} ${(ms(surveyjs, p) / ms(ours, p)).toFixed(1)}× faster than SurveyJS`)
    .join(", ");
  return {
    ok,
    lines: `${title}
| page      | KiB sent | req | submit drawn, slow 4G (× floor) | 3G (× floor) |
|-----------|----------|-----|--------------------|--------------------|
${rows.join("\n")}
Góp ý: ${vsSurveyJs}; target ≤ ${TARGET}× the floor on both: ${ok ? "ok" : "OVER"}`,
  };
}

const persistTo = mkdtempSync(join(tmpdir(), "gopy-bench-phone-"));
applyMigrations({ persistTo });
await seedDemo({ persistTo });
buildWeb();
const port = Number(process.env.BENCH_PORT ?? 8790) + 2;
const dev = startDev({ port, persistTo });
const results = join(ROOT, "bench-results");
mkdirSync(results, { recursive: true });
const devLog = createWriteStream(join(results, "wrangler-dev-phone.log"));
dev.stdout.pipe(devLog);
dev.stderr.pipe(devLog);
const base = `http://127.0.0.1:${port}`;
try {
  await waitForHttp(`${base}/`, 90_000);
  const cookie = await loginCookie(base, "tochuc@gopy.local", "gopy-demo-2026");
  const workshop = await workshopWith(base, cookie);
  const openClass = DEMO_CLASSES.find((c) => c.open)?.code ?? "HN4CAT";
  const survey = table(
    `Survey page /s/${openClass} (the standard form), ${RUNS} runs, medians:`,
    harness(`${base}/s/${openClass}`, "Gửi ý kiến", join(results, "phone-survey.json"), null),
  );
  // The engines render a survey, not a proposal list: the floor and SurveyJS stay as yardsticks.
  const board = table(
    `Workshop page /s/${workshop} (${PROPOSALS} proposals listed), ${RUNS} runs, medians:`,
    harness(`${base}/s/${workshop}`, "Gửi đề xuất", join(results, "phone-workshop.json"), "plain,surveyjs"),
  );
  console.log(`\n${survey.lines}\n\n${board.lines}\n`);
  process.exitCode = survey.ok && board.ok ? 0 : 1;
} finally {
  dev.kill("SIGTERM");
}
