// Staff sessions: cookie → user on the context; role checks and the same-origin rule every staff route gets.
import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { newToken, sha256Hex, signTag, verified } from "../domain/crypto";
import { Forbidden, Unauthenticated } from "../domain/errors";
import { KNOWN_DEVICE_DAYS } from "../domain/limits";
import type { Role } from "../domain/terms";
import { SESSION_DAYS, sessionUser } from "../services/auth";
import { setPrivateCookie } from "./cookies";
import { secret } from "./device";
import type { AppEnv } from "./env";

export const SESSION_COOKIE = "gy_session";

/** Sent only to the sign-in call: the browser has signed in to this email before (OWASP device cookie). */
const KNOWN_PATH = "/api/auth/login";
const KNOWN_VALUE = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;
const knownCookieName = async (email: string) => `gy_known_${(await sha256Hex(email)).slice(0, 12)}`;
const knownText = (email: string, nonce: string) => `known|${email}|${nonce}`;

/** The nonce of this browser's known-device cookie for `email`, if this Worker signed it for that email. */
export async function knownDeviceOf(c: Context<AppEnv>, email: string): Promise<string | null> {
  const key = secret(c);
  const cookie = getCookie(c, await knownCookieName(email.toLowerCase()));
  if (!key || !cookie || !KNOWN_VALUE.test(cookie)) return null;
  const [nonce = "", tag = ""] = cookie.split(".");
  return (await verified(key, `${knownText(email.toLowerCase(), nonce)}.${tag}`)) === null ? null : nonce;
}

/** After a right password: a fresh known-device cookie for this email, for a year. */
export async function rememberKnownDevice(c: Context<AppEnv>, email: string): Promise<void> {
  const key = secret(c);
  if (!key) return;
  const nonce = newToken().slice(0, 22);
  const tag = await signTag(key, knownText(email.toLowerCase(), nonce));
  setPrivateCookie(c, await knownCookieName(email.toLowerCase()), `${nonce}.${tag}`, {
    path: KNOWN_PATH,
    maxAge: KNOWN_DEVICE_DAYS * 86400,
  });
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setPrivateCookie(c, SESSION_COOKIE, token, { path: "/", maxAge: SESSION_DAYS * 86400 });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/** The session token the browser sent, if it is one we could have issued. */
export function sessionToken(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token && token.length <= 128 ? token : undefined;
}

/** Every staff route after sign-in: the session's account goes on the context, or 401. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  const token = sessionToken(c);
  const user = token ? await sessionUser(c.var.db, token, new Date()) : undefined;
  if (!user) throw new Unauthenticated();
  c.set("user", user);
  await next();
});

/** Only these roles (the account is already on the context, see `signedIn`). */
export const allow = (...roles: readonly Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw new Forbidden();
    await next();
  });

/**
 * A write another site's page sent (its Origin or Sec-Fetch-Site says so). Old phone browsers
 * that send neither header are still believed: refusing them would shut out the people we serve.
 */
export function isCrossSite(c: Context<AppEnv>): boolean {
  if (c.req.method === "GET" || c.req.method === "HEAD") return false;
  const site = c.req.header("Sec-Fetch-Site");
  const origin = c.req.header("Origin");
  return Boolean(
    (site && site !== "same-origin" && site !== "none") || (origin && origin !== new URL(c.req.url).origin),
  );
}

/** State-changing calls must come from our own pages (CSRF defence beside SameSite=Lax). */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (isCrossSite(c)) throw new Forbidden("cross_origin", "error.cross_origin");
  await next();
});
