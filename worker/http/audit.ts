// Records every staff action (and every export of answers) in the audit log: who, what, when, which event.
import { createMiddleware } from "hono/factory";
import { record } from "../services/audit";
import type { AppEnv } from "./env";

/** Reads that hand data out of the product are actions too. */
const EXPORT = /\.(csv|xlsx|json)$/;

/** "/api/events/12/proposals/40" → "/api/events/:id/proposals/:id", so actions group in the log. */
export function actionOf(method: string, path: string): string {
  return `${method} ${path.replace(/\/\d+(?=\/|\.|$)/g, "/:id")}`;
}

const idAfter = (path: string, resource: string) => {
  const m = new RegExp(`^/api/${resource}/(\\d+)`).exec(path);
  return m ? Number(m[1]) : null;
};

export const audit = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const { method, path } = c.req;
  const changes = method !== "GET" && method !== "HEAD";
  if (!(changes || EXPORT.test(path)) || c.res.status >= 400) return;
  const user = c.get("user");
  if (!user) return;
  try {
    // A new event's id is only in the answer.
    let eventId = idAfter(path, "events");
    if (eventId === null && path === "/api/events" && c.res.status === 201) {
      const created: unknown = await c.res.clone().json();
      if (
        typeof created === "object" &&
        created !== null &&
        "id" in created &&
        typeof created.id === "number"
      ) {
        eventId = created.id;
      }
    }
    await record(c.var.db, {
      at: new Date().toISOString(),
      userId: user.id,
      userEmail: user.email,
      action: actionOf(method, path),
      eventId,
      unitId: idAfter(path, "units"),
      status: c.res.status,
      target: c.get("auditTarget") ?? null,
    });
  } catch (err) {
    // The action itself succeeded; a lost log line is reported, not turned into a failure.
    console.error(
      JSON.stringify({ level: "error", message: "audit write failed", path, error: String(err) }),
    );
  }
});
