// Composes the Worker: middleware, the resource routes, errors, and the cron that closes surveys.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { audit } from "./audit";
import { sameOrigin } from "./auth";
import { createDb, type Meter } from "./db";
import { closeExpiredEvents } from "./db/events";
import { purgeMinuteCounters } from "./db/limits";
import { duplicateKey } from "./domain/json";
import type { AppEnv } from "./env";
import { ApiError, invalidBody, onError } from "./errors";
import { langFromAcceptLanguage } from "./i18n";
import { auditRoutes } from "./routes/audit";
import { authRoutes } from "./routes/auth";
import { boardRoutes } from "./routes/board";
import { eventRoutes } from "./routes/events";
import { observationRoutes } from "./routes/observations";
import { phoneRoutes } from "./routes/phone";
import { programmeRoutes } from "./routes/programmes";
import { publicRoutes } from "./routes/public";
import { unitRoutes } from "./routes/units";
import { vocabularyRoutes } from "./routes/vocabulary";

const API_BODY_LIMIT = 64 * 1024;

const apiBodyLimit = bodyLimit({
  maxSize: API_BODY_LIMIT,
  onError: () => {
    throw new ApiError(413, "body_too_large", "error.body_too_large", {
      body: { key: "error.body_too_large" },
    });
  },
});

/** A JSON body naming one key twice is refused: which copy counts would be a guess. */
const noDuplicateKeys = createMiddleware<AppEnv>(async (c, next) => {
  if (/^application\/json/i.test(c.req.header("Content-Type") ?? "")) {
    let dup: string | null = null;
    try {
      dup = duplicateKey(await c.req.text());
    } catch {
      // Not JSON at all: the route's validator answers that, naming the body.
    }
    if (dup !== null) throw invalidBody({ [dup || "body"]: { key: "field.duplicate_key" } });
  }
  await next();
});

/**
 * Every Worker answer: scripts and styles only from files of this site (no inline code), never
 * framed, no MIME sniffing. Static files get the same from `web/public/_headers`.
 */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const app = new Hono<AppEnv>()
  .use(
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: "same-origin",
      xFrameOptions: "DENY",
    }),
  )
  .use(async (c, next) => {
    const meter: Meter = { queries: 0, rowsRead: 0, sqlMs: 0 };
    const started = Date.now();
    c.set("db", createDb(c.env.DB, meter));
    c.set("lang", langFromAcceptLanguage(c.req.header("Accept-Language")));
    await next();
    // What a view cost D1: read by `npm run bench`, visible in the browser's network panel.
    if (c.req.path.startsWith("/api/") && meter.queries > 0) {
      c.header(
        "Server-Timing",
        `db;dur=${meter.sqlMs.toFixed(2)};desc="${meter.queries} queries, rows_read=${meter.rowsRead}", app;dur=${Date.now() - started}`,
        { append: true },
      );
    }
  })
  // The unit-tree import takes a larger CSV and sets its own limit.
  .use("/api/*", (c, next) => (c.req.path === "/api/units/import" ? next() : apiBodyLimit(c, next)))
  .use("/api/*", noDuplicateKeys)
  // Staff calls: refused from other sites, and recorded in the audit log when they change something.
  // ("/x/*" also matches "/x" itself.)
  .use("/api/auth/*", sameOrigin, audit)
  .use("/api/events/*", sameOrigin, audit)
  .use("/api/vocabulary", sameOrigin, audit)
  .use("/api/units/*", sameOrigin, audit)
  .use("/api/programmes", sameOrigin, audit)
  .use("/api/audit", sameOrigin)
  .route("/api/public", publicRoutes)
  .route("/api/auth", authRoutes)
  .route("/api/units", unitRoutes)
  .route("/api/events", eventRoutes)
  .route("/api/events", boardRoutes)
  .route("/api/events", observationRoutes)
  .route("/api/programmes", programmeRoutes)
  .route("/api/vocabulary", vocabularyRoutes)
  .route("/api/audit", auditRoutes)
  .route("/", phoneRoutes);

app.notFound(async (c) => {
  if (c.req.path.startsWith("/api/")) throw new ApiError(404, "not_found", "error.not_found");
  // A fresh Response: the asset's own headers are immutable, and the security headers go on it.
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  return new Response(asset.body, asset);
});
app.onError(onError);

export type AppType = typeof app;

export default {
  fetch: app.fetch,
  async scheduled(_controller, env) {
    const db = createDb(env.DB);
    const now = new Date();
    const closed = await closeExpiredEvents(db, now.toISOString());
    await purgeMinuteCounters(db, new Date(now.getTime() - 3600_000));
    if (closed > 0) console.log(JSON.stringify({ level: "info", message: "closed expired surveys", closed }));
  },
} satisfies ExportedHandler<Env>;
