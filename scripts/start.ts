// `npm start`: local D1 with migrations and demo data, a fresh web build, then wrangler dev on PORT.

import { applyMigrations, buildWeb, startDev, waitForHttp } from "./lib";
import {
  DEMO_ACCOUNTS,
  DEMO_CLASSES,
  DEMO_PASSWORD,
  DEMO_SURVEY,
  DEMO_WORKSHOP,
  isEmpty,
  seedDemo,
} from "./seed";

const port = Number(process.env.PORT ?? 8787);
const target = { persistTo: process.env.GOPY_PERSIST_TO };

console.log("• Applying D1 migrations (local)…");
applyMigrations(target);
if (isEmpty(target)) {
  console.log("• Empty database: seeding demo data…");
  await seedDemo(target);
}
console.log("• Building the web app…");
buildWeb();
console.log(`• Starting wrangler dev on port ${port}…`);
const dev = startDev({ port, persistTo: target.persistTo });
dev.stderr.on("data", (d: Buffer) => process.stderr.write(d));
dev.stdout.on("data", (d: Buffer) => {
  const text = d.toString();
  if (/error|✘/i.test(text)) process.stdout.write(text);
});
dev.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));

const url = `http://127.0.0.1:${port}`;
await waitForHttp(`${url}/`, 90_000);
console.log(`
Góp ý is running: ${url}
  Trainee code box:  ${url}/
  Staff app:         ${url}/app

Demo accounts (password: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(22)} ${a.note}`).join("\n")}

Demo classes (open the survey at ${url}/s/CODE)
${DEMO_CLASSES.map((c) => `  ${c.code}  ${c.open ? "open  " : "closed"}  ${String(c.responses).padStart(2)}/${c.expected}  ${c.title}`).join("\n")}
  ${DEMO_WORKSHOP.code}  open    workshop  ${DEMO_WORKSHOP.title}
  ${DEMO_SURVEY.code}  open    survey    ${DEMO_SURVEY.title}

Press Ctrl+C to stop.`);
