// Shared helpers for the npm scripts: run wrangler against the local (or remote) D1 and read its JSON.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");
const WRANGLER = join(ROOT, "node_modules", ".bin", "wrangler");

export interface Target {
  /** Where the local D1 lives (wrangler's --persist-to); undefined = wrangler's default .wrangler/state. */
  persistTo?: string;
  remote?: boolean;
}

const where = (t: Target) =>
  t.remote ? ["--remote"] : ["--local", ...(t.persistTo ? ["--persist-to", t.persistTo] : [])];

export const quietEnv = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  // No interactive confirmation prompts from wrangler in scripts.
  CI: "true",
};

export function wrangler(args: string[], opts: { quiet?: boolean } = {}): string {
  const r = spawnSync(WRANGLER, args, {
    cwd: ROOT,
    env: quietEnv,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`wrangler ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  }
  if (!opts.quiet) process.stdout.write(r.stdout);
  return r.stdout;
}

export function applyMigrations(t: Target): void {
  wrangler(["d1", "migrations", "apply", "DB", ...where(t)], { quiet: true });
}

export function query<T>(sql: string, t: Target): T[] {
  const out = wrangler(["d1", "execute", "DB", ...where(t), "--json", "--command", sql], { quiet: true });
  const parsed = JSON.parse(out) as { results: T[] }[];
  return parsed[0]?.results ?? [];
}

export function executeFile(sql: string, t: Target): void {
  const dir = mkdtempSync(join(tmpdir(), "gopy-sql-"));
  const file = join(dir, "run.sql");
  writeFileSync(file, sql);
  wrangler(["d1", "execute", "DB", ...where(t), "--file", file], { quiet: true });
}

/** SQL string literal. */
export const q = (v: string | number | null): string =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

export function startDev(opts: { port: number; persistTo?: string; inspectorPort?: number }) {
  return spawn(
    WRANGLER,
    [
      "dev",
      "--port",
      String(opts.port),
      "--inspector-port",
      String(opts.inspectorPort ?? opts.port + 10000),
      "--ip",
      "127.0.0.1",
      ...(opts.persistTo ? ["--persist-to", opts.persistTo] : []),
      "--show-interactive-dev-session=false",
    ],
    { cwd: ROOT, env: quietEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
}

/** Resolves when the server answers, or rejects after `ms`. */
export async function waitForHttp(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Signs a staff account in against a running server; returns its session cookie. */
export async function loginCookie(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return res.headers.get("set-cookie")?.split(";")[0] ?? "";
}

export function buildWeb(): void {
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("vite build failed");
}

/**
 * Phones as the Worker knows them: each opens the class's page first and keeps the id cookie
 * the Worker signs there. All come from this machine's one address, like a hall on one Wi-Fi.
 */
export async function openPhones(base: string, code: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/s/${code}`);
    await res.arrayBuffer();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("gy_device="));
    if (!cookie) throw new Error(`phone ${i} got no id from /s/${code} (${res.status})`);
    cookies.push(cookie.split(";")[0] ?? "");
  }
  return cookies;
}

/**
 * An event open now at the demo's Hà Nội (unit 2), created through the staff API as an organiser
 * would; `body` adds or overrides fields (kind, title, form...).
 */
export async function openEvent(
  base: string,
  staffCookie: string,
  body: Record<string, unknown>,
): Promise<{ id: number; code: string }> {
  const res = await fetch(`${base}/api/events`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: staffCookie },
    body: JSON.stringify({
      kind: "class",
      unitId: 2,
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      ...body,
    }),
  });
  if (res.status !== 201)
    throw new Error(`create ${String(body.kind ?? "class")}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; code: string };
}
