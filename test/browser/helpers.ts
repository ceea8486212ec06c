// Browser test helpers: a phone-sized Chromium, a staff session over HTTP, axe-core, screenshots.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { MIN_MS_PER_ANSWER } from "../../worker/domain/limits";

export const baseUrl = () => inject("baseUrl");
export const ARTIFACTS = join(import.meta.dirname, "..", "..", "test-results");
mkdirSync(ARTIFACTS, { recursive: true });

export const PHONE = { width: 360, height: 740 };
export const LAPTOP = { width: 1280, height: 900 };

export async function launch(
  opts: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "gopy-chromium-")), {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    viewport: opts.viewport ?? PHONE,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const DEMO_PASSWORD = "gopy-demo-2026";

/** Signs the demo organiser in over HTTP and returns a fetch bound to that session. */
export async function staffSession(email = "tochuc@gopy.local") {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  return (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl()}${path}`, {
      ...init,
      headers: { ...(init.headers ?? {}), Cookie: cookie, "Content-Type": "application/json" },
    });
}

export type StaffFetch = Awaited<ReturnType<typeof staffSession>>;

/** Creates a class (in a commune), or a workshop or survey (at the organiser's own unit), through the API. */
export async function newEvent(
  staff: StaffFetch,
  kind: "class" | "workshop" | "survey",
  title: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: number; code: string }> {
  const units = (await (await staff("/api/units")).json()) as {
    id: number;
    level: string;
    active: boolean;
  }[];
  const unit =
    kind === "class" ? (units.find((u) => u.level === "commune" && u.active) ?? units[0]) : units[0];
  const now = Date.now();
  const res = await staff("/api/events", {
    method: "POST",
    body: JSON.stringify({
      kind,
      title,
      unitId: unit?.id,
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      expectedParticipants: kind === "class" ? 30 : 60,
      ...extra,
    }),
  });
  if (res.status !== 201) throw new Error(`create ${kind} ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; code: string };
}

export const newClass = (staff: StaffFetch, title: string) => newEvent(staff, "class", title);

/** Responses stored for the class: counted ones plus those set aside as answered too fast. */
export async function responseCount(staff: StaffFetch, id: number): Promise<number> {
  const body = (await (await staff(`/api/events/${id}`)).json()) as { responses: number; tooFast: number };
  return body.responses + body.tooFast;
}

/**
 * A person takes time to read. The server measures it from the stamp it put on the page when it
 * served it, so this waits for real until 2 s per answered question have passed since then (about
 * 15 s for the standard form); the page's own clock moves on half a minute too.
 */
export async function takeTimeToRead(page: Page): Promise<void> {
  const { servedAt, answered } = await page.evaluate(() => {
    const stamp = document.querySelector<HTMLInputElement>('input[name="shownAt"]')?.value ?? "";
    const names = new Set(
      Array.from(document.querySelectorAll<HTMLInputElement>("input, textarea, select"))
        .filter((el) => /^a\d+$/.test(el.name))
        .filter((el) => (el.type === "radio" || el.type === "checkbox" ? el.checked : el.value.trim() !== ""))
        .map((el) => el.name),
    );
    return { servedAt: Number(/^served:(\d+)\./.exec(stamp)?.[1] ?? 0), answered: names.size };
  });
  const wait = servedAt + MIN_MS_PER_ANSWER * answered + 500 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await page.clock.install();
  await page.clock.fastForward("00:30");
}

/** Chooses a rating for every criterion and types a comment, as a trainee would. */
export async function answerSurvey(page: Page, rating: number, comment: string): Promise<void> {
  const groups = page.locator("fieldset[data-type='rating']");
  const n = await groups.count();
  for (let i = 0; i < n; i++) await groups.nth(i).locator(`label:has(input[value="${rating}"])`).click();
  await page.locator("textarea").fill(comment);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical accessibility violations on the page (axe-core, WCAG 2 A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Through DevTools, not a <script> tag: the pages' policy forbids inline scripts, axe's too.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] },
    });
  });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A staff member signs in on the login page and lands on `next`, as a person does. */
export async function signInAt(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`${baseUrl()}/app/login?next=${next}`);
  await page.fill("#email", email);
  await page.fill("#password", DEMO_PASSWORD);
  await page.click("button[type=submit]");
  // Signed in once the page has left the login form: a test going on before that would race the
  // session cookie (and a later goto would find the login page again).
  await page.waitForURL((url) => !url.pathname.startsWith("/app/login"));
}

/** Prints the page to an A4 PDF kept in the artifacts and returns the text of each printed page. */
export async function printedPages(page: Page, name: string): Promise<string[]> {
  await page.emulateMedia({ media: "print" });
  const path = join(ARTIFACTS, name);
  await page.pdf({ path, format: "A4" });
  await page.emulateMedia({ media: "screen" });
  // pdftotext ends each page with a form feed.
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  return text.split("\f").filter((p) => p.trim() !== "");
}

/**
 * The question headings left at the foot of a printed page (its last two lines, the page number
 * aside) with their answers on the next: none, on a report that prints well.
 */
export async function headingsAtFoot(page: Page, pages: readonly string[]): Promise<string[]> {
  const headings = new Set(
    (await page.locator(".question-report h3").allTextContents()).map((h) => h.trim()),
  );
  return pages.slice(0, -1).flatMap((text) =>
    text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !/^\d+\s*\/\s*\d+$/.test(l))
      .slice(-2)
      .filter((l) => headings.has(l)),
  );
}
