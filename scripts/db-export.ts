// `npm run db:export [-- --remote] [--out FILE]`: writes the whole database as SQL to backups/ (a restorable copy).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { vietnamMinute } from "../worker/domain/time";
import { ROOT, wrangler } from "./lib";

const { values } = parseArgs({
  options: { remote: { type: "boolean", default: false }, out: { type: "string" } },
});
// Vietnam time in the name, so a backup is found by the day people remember.
const stamp = vietnamMinute(new Date()).replace(/[-:T]/g, "");
const out = values.out ?? join(ROOT, "backups", `gop-y-${values.remote ? "remote" : "local"}-${stamp}.sql`);
mkdirSync(dirname(out), { recursive: true });
if (process.env.GOPY_PERSIST_TO && !values.remote) {
  // wrangler 4.86's `d1 export` reads only its default local state.
  console.error("db:export reads the default local database (.wrangler/state); unset GOPY_PERSIST_TO.");
  process.exit(2);
}
const source = values.remote ? "--remote" : "--local";
const schemaFile = `${out}.schema`;
const dataFile = `${out}.data`;
wrangler(["d1", "export", "DB", source, "--no-data", "--output", schemaFile], { quiet: true });
wrangler(["d1", "export", "DB", source, "--no-schema", "--output", dataFile], { quiet: true });
// One file, all tables before any row: wrangler's single export lists each table with its rows,
// so a row can come before a table its foreign key names (events → programmes) and not restore.
// Triggers come last: created before the rows, they would fire on them (progress's summary rows
// would be counted twice, and a restore would stop on its own copies).
const { tables, triggers } = splitTriggers(readFileSync(schemaFile, "utf8"));
writeFileSync(
  out,
  `PRAGMA defer_foreign_keys = true;\n${tables}\n${readFileSync(dataFile, "utf8")}\n${triggers}\n`,
);
rmSync(schemaFile);
rmSync(dataFile);
console.log(`Backup written: ${relative(process.cwd(), out)} (${statSync(out).size.toLocaleString("en")} bytes)
Restore into an empty database: npx wrangler d1 execute DB --local --file ${relative(process.cwd(), out)}`);

/** The schema's CREATE TRIGGER statements (each from its first line to a line "END;") apart from the rest. */
function splitTriggers(schema: string): { tables: string; triggers: string } {
  const tables: string[] = [];
  const triggers: string[] = [];
  let inTrigger = false;
  for (const line of schema.split("\n")) {
    if (line.startsWith("CREATE TRIGGER")) inTrigger = true;
    (inTrigger ? triggers : tables).push(line);
    if (inTrigger && line.trim() === "END;") inTrigger = false;
  }
  return { tables: tables.join("\n"), triggers: triggers.join("\n") };
}
