// Global setup: a fresh local D1 with migrations and demo accounts, the built web app, and wrangler dev.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations, buildWeb, startDev, waitForHttp } from "../../scripts/lib";
import { seedDemo } from "../../scripts/seed";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), "gopy-browser-"));
  applyMigrations({ persistTo });
  await seedDemo({ persistTo });
  buildWeb();
  const port = Number(process.env.BROWSER_TEST_PORT ?? 8800 + Math.floor(Math.random() * 500));
  const dev = startDev({ port, persistTo });
  let log = "";
  dev.stdout?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  dev.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/`, 90_000);
  } catch (err) {
    dev.kill();
    throw new Error(`wrangler dev did not start:\n${log}\n${String(err)}`);
  }
  project.provide("baseUrl", baseUrl);
  return () => {
    dev.kill("SIGTERM");
    rmSync(persistTo, { recursive: true, force: true });
  };
}
