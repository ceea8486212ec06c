// What every Worker answer goes through: security headers, the per-request Db and language, body limits, one JSON key each.
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { Db, newMeter } from "../db";
import { Invalid, TooLarge } from "../domain/errors";
import { langFromAcceptLanguage } from "../domain/i18n";
import { type BadKey, badKey } from "../domain/json";
import { PHONE_CSS_HASH } from "../phone/styles";
import type { AppEnv } from "./env";
import { isLocalDevelopment } from "./local";

/**
 * Scripts and styles only from files of this site (no inline code), never framed, no MIME
 * sniffing. Static files get the same from `web/public/_headers`.
 */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The phone pages' inline stylesheet, by its hash: never 'unsafe-inline'.
  styleSrc: ["'self'", `'${PHONE_CSS_HASH}'`],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: CSP,
  referrerPolicy: "same-origin",
  xFrameOptions: "DENY",
});

/**
 * Puts the metered Db and the reader's language on the context. Answers then carry what the
 * request cost D1 and the Worker's own time in one Server-Timing entry: read by `npm run bench`,
 * visible in the network panel.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const meter = newMeter();
  const started = Date.now();
  c.set("db", new Db(c.env.DB, meter));
  c.set("lang", langFromAcceptLanguage(c.req.header("Accept-Language")));
  await next();
  // Outside local development only signed-in staff see it, on the API: rows read would tell a
  // known email from an unknown one. In local development the phone pages show it too.
  const shown = isLocalDevelopment(c) || (c.req.path.startsWith("/api/") && c.get("user") !== undefined);
  if (meter.queries > 0 && shown) {
    c.header(
      "Server-Timing",
      `db;dur=${meter.sqlMs.toFixed(2)};desc="${meter.queries} queries, rows_read=${meter.rowsRead}, rows_written=${meter.rowsWritten}", app;dur=${Date.now() - started}`,
      { append: true },
    );
  }
});

/** An uploaded list (units, people, a class's list): a province's file, 2 MB at most; its route sets it. */
export const IMPORT_LIMIT = 2 * 1024 * 1024;
const IMPORT_PATHS: ReadonlySet<string> = new Set(["/api/units/import", "/api/people/import"]);
export const isImportPath = (path: string): boolean =>
  IMPORT_PATHS.has(path) || /^\/api\/events\/\d+\/attendance\/import$/.test(path);
export const importBodyLimit = bodyLimit({
  maxSize: IMPORT_LIMIT,
  onError: () => {
    throw new TooLarge();
  },
});

/** JSON bodies: 64 KB at most. */
export const apiBodyLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new TooLarge();
  },
});

/** Every media type the JSON validator reads: application/json and application/<anything>+json. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i;

/**
 * A JSON body naming one key twice is refused (which copy counts would be a guess), and so is
 * one with a key that reaches a prototype (`__proto__`, `constructor`, `prototype`).
 */
export const noBadKeys = createMiddleware<AppEnv>(async (c, next) => {
  if (JSON_TYPE.test(c.req.header("Content-Type") ?? "")) {
    let bad: BadKey | null = null;
    try {
      bad = badKey(await c.req.text());
    } catch {
      // Not JSON at all: the route's validator answers that, naming the body.
    }
    if (bad !== null) {
      throw new Invalid({
        [bad.path || "body"]: {
          key: bad.problem === "duplicate" ? "field.duplicate_key" : "field.reserved_key",
        },
      });
    }
  }
  await next();
});

/** Staff answers and exports hold personal and unpublished data: never kept by a browser or proxy. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
});
