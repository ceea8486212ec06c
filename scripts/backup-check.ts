// CI's backup drill: `npm run db:export` of the local database, restored into an empty one, holds every row.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROGRESS_VERIFY_SQL } from "../worker/db/progressStats";
import { VERIFY_SQL, type VerifyRow } from "../worker/db/stats";
import { applyMigrations, query, ROOT, type Target, wrangler } from "./lib";
import { isEmpty, seedDemo } from "./seed";

const local: Target = {};
applyMigrations(local);
if (isEmpty(local)) await seedDemo(local);

const file = join(mkdtempSync(join(tmpdir(), "gopy-backup-")), "backup.sql");
const exported = spawnSync("npm", ["run", "--silent", "db:export", "--", "--out", file], {
  cwd: ROOT,
  encoding: "utf8",
  env: { ...process.env, GOPY_PERSIST_TO: "" },
});
if (exported.status !== 0) throw new Error(`db:export failed: ${exported.stdout}${exported.stderr}`);

const restored: Target = { persistTo: mkdtempSync(join(tmpdir(), "gopy-restore-")) };
wrangler(["d1", "execute", "DB", "--local", "--persist-to", restored.persistTo ?? "", "--file", file], {
  quiet: true,
});

const tablesSql =
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name";
const tables = query<{ name: string }>(tablesSql, local).map((t) => t.name);
const counts = (t: Target) =>
  query<Record<string, number>>(
    `SELECT ${tables.map((n) => `(SELECT count(*) FROM "${n}") AS "${n}"`).join(", ")}`,
    t,
  )[0];
const before = counts(local);
const after = counts(restored);
const lost = tables.filter((n) => before?.[n] !== after?.[n]);
const rows = Object.values(before ?? {}).reduce((a, b) => a + b, 0);
if (lost.length > 0) {
  console.error(`Backup drill FAILED: tables differ after restore: ${lost.join(", ")}`);
  process.exit(1);
}
// Same rows, and the same values: the summary rows still equal a recount (no trigger fired on the
// restored rows, and every trigger is back to keep them).
const differ = [VERIFY_SQL, ...PROGRESS_VERIFY_SQL]
  .flatMap((sql) => query<VerifyRow>(sql.replace(/\s+/g, " "), restored))
  .filter((r) => r.n !== 0);
const triggerCount = (t: Target) =>
  query<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger'", t)[0]?.n ?? 0;
if (differ.length > 0 || triggerCount(restored) !== triggerCount(local)) {
  console.error(
    `Backup drill FAILED: ${JSON.stringify(differ)}; triggers ${triggerCount(local)} → ${triggerCount(restored)}`,
  );
  process.exit(1);
}
console.log(
  `Backup drill: ${tables.length} tables, ${rows.toLocaleString("en")} rows exported and restored intact, the aggregates equal to a recount, ${triggerCount(restored)} triggers back.`,
);
