// The phone's own id (a cookie the Worker minted and signed), which the public limits count by; many phones share one address.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { newToken, signed, verified } from "../domain/crypto";
import { networkOf, type Writer } from "../domain/limits";
import { setPrivateCookie } from "./cookies";
import type { AppEnv } from "./env";
import { isLocalDevelopment } from "./local";

export const DEVICE_COOKIE = "gy_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{22}$/;

/** Only for `wrangler dev` on this machine: deployments set their own with `wrangler secret put DEVICE_SECRET`. */
const LOCAL_SECRET = "gop-y-local-development-only";

/**
 * The key phone ids (and staff browsers' known-device cookies) are signed with; none (so no ids,
 * only addresses) on a deployment that set none.
 */
export function secret(c: Context<AppEnv>): string | null {
  return c.env.DEVICE_SECRET || (isLocalDevelopment(c) ? LOCAL_SECRET : null);
}

/** The network a request came from (what many phones behind one Wi-Fi share; an IPv6 /64 is one). */
export const addressOf = (c: Context<AppEnv>) => networkOf(c.req.header("CF-Connecting-IP") ?? "local");

/** The phone's id if this Worker signed it; anything else counts as no id. */
async function deviceOf(c: Context<AppEnv>): Promise<string | null> {
  const cookie = getCookie(c, DEVICE_COOKIE);
  const key = secret(c);
  if (!cookie || !key || !DEVICE_ID.test(cookie)) return null;
  return verified(key, cookie);
}

/** The time the survey page is served, signed, for the page to carry back (unsigned without a secret). */
export async function servedStamp(c: Context<AppEnv>, now: Date): Promise<string> {
  const key = secret(c);
  const ms = String(now.getTime());
  return key ? signed(key, `served:${ms}`) : ms;
}

/**
 * Milliseconds since the server served the page a submission came from, by its own signed stamp;
 * null without one (an integration's JSON, a stamp we did not sign, one from the future).
 */
export async function servedMsOf(c: Context<AppEnv>, stamp: string | null | undefined, now: Date) {
  if (!stamp || stamp.length > 80) return null;
  const key = secret(c);
  // Without a secret the stamp is the plain time, and only as good as the page that sent it.
  const value = key ? await verified(key, stamp) : `served:${stamp}`;
  const ms = value?.startsWith("served:") ? Number(value.slice(7)) : Number.NaN;
  return Number.isSafeInteger(ms) && ms > 0 && ms <= now.getTime() ? now.getTime() - ms : null;
}

/** Who is writing: never stored with an answer, only in the limit counters. */
export async function writerOf(c: Context<AppEnv>): Promise<Writer> {
  return { device: await deviceOf(c), address: addressOf(c) };
}

/**
 * Gives a phone a signed id when it opens a public page (a year, this site only, unreadable by
 * scripts). Minting writes nothing and is not counted, so there is nothing one loud device on the
 * hall's Wi-Fi can use up for the phones around it: a script that mints ids by the thousand is
 * held by the per-network caps of each event (`limitsFor`), which no id escapes.
 */
export async function ensureDeviceCookie(c: Context<AppEnv>): Promise<void> {
  const key = secret(c);
  if (!key || (await deviceOf(c)) !== null) return;
  const id = await signed(key, newToken().slice(0, 32));
  setPrivateCookie(c, DEVICE_COOKIE, id, { path: "/", maxAge: 365 * 86400 });
}
