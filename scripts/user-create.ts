// `npm run user:create -- --email E --password P --role R [--unit CODE] [--remote]`: adds a staff account.
import { parseArgs } from "node:util";
import { hashPassword } from "../worker/domain/crypto";
import { applyMigrations, executeFile, q, query } from "./lib";

const ROLES = ["admin", "organiser", "inspector", "leader"];
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
    unit: { type: "string" },
    name: { type: "string" },
    remote: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(`user:create: ${message}`);
  console.error(
    "usage: npm run user:create -- --email E --password P --role admin|organiser|inspector|leader [--unit CODE] [--remote]",
  );
  process.exit(2);
}

const email = values.email?.trim().toLowerCase() ?? "";
if (!/^[^@\s]+@[^@\s]+$/.test(email)) fail("--email is missing or not an email");
if (!values.password || values.password.length < 10) fail("--password must have at least 10 characters");
if (!values.role || !ROLES.includes(values.role)) fail(`--role must be one of ${ROLES.join(", ")}`);

const target = { remote: values.remote, persistTo: process.env.GOPY_PERSIST_TO };
if (!values.remote) applyMigrations(target);
const unit = values.unit
  ? query<{ id: number }>(`SELECT id FROM units WHERE code = ${q(values.unit)}`, target)[0]
  : query<{ id: number }>("SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1", target)[0];
if (!unit) {
  fail(
    values.unit
      ? `no unit has code ${values.unit}`
      : "the database has no root unit yet: create the unit tree first",
  );
}
if (query(`SELECT id FROM users WHERE email = ${q(email)}`, target).length > 0)
  fail(`${email} already exists`);
executeFile(
  `INSERT INTO users (email, name, password_hash, role, unit_id, created_at) VALUES (${q(email)}, ${q(values.name ?? "")}, ${q(await hashPassword(values.password))}, ${q(values.role)}, ${unit.id}, ${q(new Date().toISOString())});`,
  target,
);
console.log(
  `Created ${values.role} ${email} (unit id ${unit.id}${values.remote ? ", remote database" : ""}).`,
);
