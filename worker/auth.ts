// Staff sessions: cookie → user on the context; role and scope checks used by every staff route.
import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { setPrivateCookie } from "./cookies";
import type { Role } from "./db/schema";
import { inScope } from "./db/units";
import { findSessionUser } from "./db/users";
import { sha256Hex } from "./domain/password";
import type { AppEnv, StaffUser } from "./env";
import { ApiError } from "./errors";

export const SESSION_COOKIE = "gy_session";
export const SESSION_DAYS = 7;

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setPrivateCookie(c, SESSION_COOKIE, token, { path: "/", maxAge: SESSION_DAYS * 86400 });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

export async function sessionTokenHash(c: Context<AppEnv>): Promise<string | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  return token && token.length <= 128 ? sha256Hex(token) : undefined;
}

/** Requires a signed-in staff member, optionally with one of `roles`. */
export const requireStaff = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const hash = await sessionTokenHash(c);
    const user = hash ? await findSessionUser(c.var.db, hash, new Date().toISOString()) : undefined;
    if (!user) throw new ApiError(401, "unauthenticated", "error.unauthenticated");
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw new ApiError(403, "forbidden", "error.forbidden");
    }
    c.set("user", user);
    await next();
  });

/** Out of scope answers 404, so staff cannot probe which ids exist elsewhere. */
export function assertInScope(user: StaffUser, unitPath: string): void {
  if (!inScope(unitPath, user.unitPath)) throw new ApiError(404, "not_found", "error.not_found");
}

/** State-changing staff calls must come from our own pages (CSRF defence beside SameSite=Lax). */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const site = c.req.header("Sec-Fetch-Site");
    const origin = c.req.header("Origin");
    const own = new URL(c.req.url).origin;
    if ((site && site !== "same-origin" && site !== "none") || (origin && origin !== own)) {
      throw new ApiError(403, "cross_origin", "error.cross_origin");
    }
  }
  await next();
});
