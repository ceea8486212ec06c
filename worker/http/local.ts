// Whether a request is `wrangler dev` on this machine, where development defaults and diagnostics are allowed.
import type { Context } from "hono";
import type { AppEnv } from "./env";

export const isLocalDevelopment = (c: Context<AppEnv>): boolean =>
  /^(localhost|127\.0\.0\.1|\[::1\])$/.test(new URL(c.req.url).hostname);
