// Bursts at a freshly started server: 200 phones of one hall, then 1,000 phones of ten classes, with workerd's peak memory.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, loginCookie, openEvent, startDev, waitForHttp } from "./lib";
import { seedDemo } from "./seed";

/** Resident memory of every workerd process on this machine, in MB (the dev server runs one or two). */
function workerdRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      if (!/^Name:\s+workerd$/m.test(status)) continue;
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/** Samples workerd's memory every 50 ms until stopped; the highest reading and the first. */
function memoryWatch() {
  const first = workerdRssMb();
  let peak = first;
  const timer = setInterval(() => {
    peak = Math.max(peak, workerdRssMb());
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return { beforeMb: first, peakMb: Math.max(peak, workerdRssMb()) };
    },
  };
}

export interface BurstResult {
  phones: number;
  seconds: number;
  statuses: Record<number, number>;
  /** 5xx answers of any kind: the Worker's own, and wrangler dev's proxy "restarted mid-request". */
  fiveXx: number;
  stored: number;
  beforeMb: number;
  peakMb: number;
}

/**
 * `phones` phones of `classes` classes at once: each opens its class's page (getting its id
 * cookie), then sends its answers; one in five sends them twice at the same moment, as a phone
 * does when the first send seems to hang. A class's phones share an address of their own.
 */
export async function burst(
  base: string,
  staffCookie: string,
  opts: { phones: number; classes: number },
): Promise<BurstResult> {
  const perClass = Math.ceil(opts.phones / opts.classes);
  const events = await Promise.all(
    Array.from({ length: opts.classes }, (_, k) =>
      openEvent(base, staffCookie, { title: `Lớp ${k + 1} giờ tan`, expectedParticipants: perClass }),
    ),
  );
  const forms = await Promise.all(
    events.map(
      async (e) =>
        (await (await fetch(`${base}/api/public/events/${e.code}`)).json()) as {
          questions: { id: number; type: string }[];
        },
    ),
  );
  const statuses = new Map<number, number>();
  const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
  const watch = memoryWatch();
  const started = performance.now();
  const phone = async (i: number) => {
    const k = i % opts.classes;
    const event = events[k];
    const form = forms[k];
    if (!event || !form) return;
    const net = { "CF-Connecting-IP": `198.51.100.${k + 1}` };
    const page = await fetch(`${base}/s/${event.code}`, { headers: net });
    count(page.status);
    const html = await page.text();
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("gy_device="))?.split(";")[0] ?? "";
    const shownAt = /name="shownAt" value="([^"]+)"/.exec(html)?.[1] ?? null;
    const answers: Record<string, unknown> = {};
    for (const q of form.questions) answers[q.id] = q.type === "rating" ? 1 + ((i + q.id) % 5) : "Bổ ích";
    const body = JSON.stringify({
      clientId: `burst-${event.code}-${i}`,
      role: "trainee",
      answers,
      elapsedMs: 90_000,
      shownAt,
    });
    const send = async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const res = await fetch(`${base}/api/public/events/${event.code}/responses`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: cookie, ...net },
          body,
        });
        await res.arrayBuffer();
        count(res.status);
        if (res.status < 500) return;
      }
    };
    await Promise.all(i % 5 === 0 ? [send(), send()] : [send()]);
  };
  await Promise.all(Array.from({ length: opts.phones }, (_, i) => phone(i)));
  const seconds = (performance.now() - started) / 1000;
  const memory = watch.stop();
  let stored = 0;
  for (const e of events) {
    const detail = (await (
      await fetch(`${base}/api/events/${e.id}`, { headers: { Cookie: staffCookie } })
    ).json()) as { responses: number };
    stored += detail.responses;
  }
  return {
    phones: opts.phones,
    seconds: Math.round(seconds * 10) / 10,
    statuses: Object.fromEntries(statuses),
    fiveXx: [...statuses.entries()].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0),
    stored,
    ...memory,
  };
}

/** A fresh server (migrations, demo data, wrangler dev) on `port`; stop it when done. */
export async function freshServer(port: number) {
  const persistTo = mkdtempSync(join(tmpdir(), "gopy-burst-"));
  applyMigrations({ persistTo });
  await seedDemo({ persistTo });
  const dev = startDev({ port, persistTo });
  dev.stdout.resume();
  dev.stderr.resume();
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/`, 90_000);
  return { base, stop: () => dev.kill("SIGTERM") };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.BENCH_PORT ?? 8795);
  for (const [phones, classes] of [
    [200, 1],
    [1000, 10],
  ] as const) {
    const server = await freshServer(port);
    try {
      const cookie = await loginCookie(server.base, "tochuc@gopy.local", "gopy-demo-2026");
      console.log(JSON.stringify(await burst(server.base, cookie, { phones, classes })));
    } finally {
      server.stop();
      await new Promise((r) => setTimeout(r, 1500));
    }
  }
}
