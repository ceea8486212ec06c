// The audit log's middleware: each staff route declares its action (`audited("event_close")`), and the staff sub-app's trail records it once the answer is known.
import type { Context, MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { AUDIT_ACTIONS, type AuditAction } from "../domain/audit";
import { record } from "../services/audit";
import type { AppEnv } from "./env";

/** A route's own declaration of what the log calls it; the trail on the sub-app writes the line. */
export function audited(action: AuditAction): MiddlewareHandler<AppEnv> & { auditAction: AuditAction } {
  const mw = createMiddleware<AppEnv>(async (c, next) => {
    c.set("auditAction", action);
    await next();
  });
  return Object.assign(mw, { auditAction: action });
}

function subjectId(c: Context<AppEnv>, subject: "event" | "unit" | null, want: "event" | "unit") {
  if (subject !== want) return null;
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * On the whole staff sub-app, so no staff route can miss it: every change that succeeded, every
 * route that declared an action (exports), and refused sign-ins, in the log: who, what, when,
 * which event or unit, and the unit the person belonged to then. A write whose route declared
 * nothing is still recorded, as its method and path.
 */
export const auditTrail = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const declared = c.get("auditAction");
  const changes = c.req.method !== "GET" && c.req.method !== "HEAD";
  if (declared === undefined && !changes) return;
  const refused = c.res.status >= 400;
  // A refused sign-in is worth a line (who was tried, from nowhere in particular); any other refusal changed nothing.
  const action = refused
    ? declared === "login"
      ? "login_failed"
      : null
    : (declared ?? `${c.req.method} ${c.req.routePath}`);
  if (action === null) return;
  const user = c.get("user");
  const actor = user ? { id: user.id, email: user.email } : c.get("auditActor");
  if (!actor) return;
  const subject = declared ? AUDIT_ACTIONS[declared].subject : null;
  try {
    await record(c.var.db, {
      at: new Date().toISOString(),
      userId: actor.id ?? null,
      userEmail: actor.email,
      action,
      eventId: c.get("auditEventId") ?? subjectId(c, subject, "event"),
      unitId: subjectId(c, subject, "unit"),
      status: c.res.status,
      target: c.get("auditTarget") ?? null,
    });
  } catch (err) {
    // The action itself succeeded; a lost log line is reported, not turned into a failure.
    console.error(
      JSON.stringify({ level: "error", message: "audit write failed", path: c.req.path, error: String(err) }),
    );
  }
});
