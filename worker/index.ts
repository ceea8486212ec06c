// Composes the Worker: the public API, the phone pages and one staff sub-app; errors; the cron that closes surveys.
import { Hono } from "hono";
import { Db } from "./db";
import { closeExpiredEvents } from "./db/events";
import { purgeMinuteCounters } from "./db/limits";
import { NotFound } from "./domain/errors";
import { auditTrail } from "./http/audit";
import { sameOrigin, signedIn } from "./http/auth";
import type { AppEnv } from "./http/env";
import { onError } from "./http/errors";
import {
  apiBodyLimit,
  isImportPath,
  noBadKeys,
  noStore,
  requestContext,
  securityHeaders,
} from "./http/middleware";
import { attendanceRoutes } from "./routes/attendance";
import { auditRoutes } from "./routes/audit";
import { accountRoutes, signInRoutes } from "./routes/auth";
import { boardRoutes } from "./routes/board";
import { eventRoutes } from "./routes/events";
import { lexiconRoutes } from "./routes/lexicon";
import { observationRoutes } from "./routes/observations";
import { peopleRoutes } from "./routes/people";
import { phoneRoutes } from "./routes/phone";
import { programmeRoutes } from "./routes/programmes";
import { publicRoutes } from "./routes/public";
import { templateRoutes } from "./routes/templates";
import { unitRoutes } from "./routes/units";
import { userRoutes } from "./routes/users";

/**
 * Everything staff call: never cached, refused from other sites, recorded in the audit log when
 * it changes something or hands data out, and (after signing in) only with a session.
 */
const staff = new Hono<AppEnv>()
  .use(noStore, sameOrigin, auditTrail)
  .route("/auth", signInRoutes)
  .use(signedIn)
  .route("/auth", accountRoutes)
  .route("/units", unitRoutes)
  .route("/events", eventRoutes)
  .route("/events", boardRoutes)
  .route("/events", observationRoutes)
  .route("/events", attendanceRoutes)
  .route("/programmes", programmeRoutes)
  .route("/people", peopleRoutes)
  .route("/lexicon", lexiconRoutes)
  .route("/audit", auditRoutes)
  .route("/users", userRoutes)
  .route("/templates", templateRoutes);

const app = new Hono<AppEnv>()
  .use(securityHeaders, requestContext)
  // An uploaded list is larger than a JSON body: its route sets its own limit.
  .use("/api/*", (c, next) => (isImportPath(c.req.path) ? next() : apiBodyLimit(c, next)))
  .use("/api/*", noBadKeys)
  // Public writes too: a page elsewhere must not send answers, proposals or supports in a trainee's name.
  .use("/api/public/*", sameOrigin)
  .route("/api/public", publicRoutes)
  // The public API ends here: nothing below /api/public reaches the staff app.
  .all("/api/public/*", () => {
    throw new NotFound();
  })
  .route("/api", staff)
  .route("/", phoneRoutes);

app.notFound(async (c) => {
  if (c.req.path.startsWith("/api/")) throw new NotFound();
  // A fresh Response: the asset's own headers are immutable, and the security headers go on it.
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  return new Response(asset.body, asset);
});
app.onError(onError);

export type AppType = typeof app;
// Its route table, for the test that every staff action has words in the audit log.
export const routes = app.routes;

export default {
  fetch: app.fetch,
  async scheduled(_controller, env) {
    const db = new Db(env.DB);
    const now = new Date();
    const closed = await closeExpiredEvents(db, now.toISOString());
    await purgeMinuteCounters(db, new Date(now.getTime() - 3600_000));
    if (closed > 0) console.log(JSON.stringify({ level: "info", message: "closed expired surveys", closed }));
  },
} satisfies ExportedHandler<Env>;
