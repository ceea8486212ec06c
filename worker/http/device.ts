// The phone's own random id (a cookie), which the public limits count by; many phones share one address.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { newToken } from "../domain/crypto";
import type { Writer } from "../domain/limits";
import { setPrivateCookie } from "./cookies";
import type { AppEnv } from "./env";

export const DEVICE_COOKIE = "gy_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Who is writing: never stored with an answer, only in the limit counters. */
export function writerOf(c: Context<AppEnv>): Writer {
  const device = getCookie(c, DEVICE_COOKIE);
  return {
    device: device && DEVICE_ID.test(device) ? device : null,
    address: c.req.header("CF-Connecting-IP") ?? "local",
  };
}

/** Gives a phone its id when it opens a public page (a year, this site only, unreadable by scripts). */
export function ensureDeviceCookie(c: Context<AppEnv>): void {
  const current = getCookie(c, DEVICE_COOKIE);
  if (current && DEVICE_ID.test(current)) return;
  setPrivateCookie(c, DEVICE_COOKIE, newToken(), { path: "/", maxAge: 365 * 86400 });
}
