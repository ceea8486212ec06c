// `npm run db:verify`: recomputes every dashboard aggregate and every event's answer counts from the raw answers, and progress's summary rows from the register and attendance, and reports any difference.
// `--demo` checks a fresh database seeded with the demo data instead (what CI runs).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROGRESS_VERIFY_SQL } from "../worker/db/progressStats";
import { VERIFY_COUNTS_SQL, VERIFY_SQL, type VerifyRow } from "../worker/db/stats";
import { applyMigrations, query } from "./lib";
import { seedDemo } from "./seed";

const remote = process.argv.includes("--remote");
const demo = process.argv.includes("--demo");
const target = {
  remote,
  persistTo: demo ? mkdtempSync(join(tmpdir(), "gopy-verify-")) : process.env.GOPY_PERSIST_TO,
};
if (demo) {
  applyMigrations(target);
  await seedDemo(target);
}
const started = Date.now();
const rows = [VERIFY_SQL, VERIFY_COUNTS_SQL, ...PROGRESS_VERIFY_SQL].flatMap((sql) =>
  query<VerifyRow>(sql.replace(/\s+/g, " "), target),
);
const counts = query<{ classes: number; units: number; answers: number; counts: number; people: number }>(
  "SELECT (SELECT count(*) FROM class_stats) AS classes, (SELECT count(*) FROM unit_stats) AS units, (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM answer_counts) + (SELECT count(*) FROM answer_unit_counts) AS counts, (SELECT count(*) FROM people_stats) AS people",
  target,
)[0];
console.log(
  `Checked ${counts?.classes ?? 0} class rows, ${counts?.units ?? 0} unit rows and ${counts?.counts ?? 0} answer counts against ${counts?.answers ?? 0} raw answers, and ${counts?.people ?? 0} progress rows against the register in ${((Date.now() - started) / 1000).toFixed(1)} s (${remote ? "remote" : "local"} D1).`,
);
for (const r of rows) console.log(`  ${r.table.padEnd(18)} ${r.problem.padEnd(24)} ${r.n}`);
const bad = rows.reduce((n, r) => n + r.n, 0);
console.log(
  bad === 0
    ? "No differences."
    : `${bad} rows differ: run the rebuild in scripts/seed.ts's REBUILD_ALL_SQL or investigate.`,
);
process.exit(bad === 0 ? 0 : 1);
