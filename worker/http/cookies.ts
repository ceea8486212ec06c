// The one way the Worker sets a cookie of its own: HttpOnly, SameSite=Lax, Secure over https.
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import type { AppEnv } from "./env";

export function setPrivateCookie(
  c: Context<AppEnv>,
  name: string,
  value: string,
  opts: { path: string; maxAge: number },
): void {
  setCookie(c, name, value, {
    ...opts,
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
  });
}
