// The one typed API client (hono/client on the Worker's AppType) and its error handling.
import { hc, type InferResponseType } from "hono/client";
import type { AppType } from "../worker/index";
import { lang, t } from "./i18n";

export interface ApiFailure {
  status: number;
  /** The brief's error code ("over_expected"), or "" when the answer had none. */
  code: string;
  message: string;
  fields: Record<string, string>;
}

export class ApiProblem extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

/**
 * fetch, with a dropped connection (weak network, the phone asleep) made the app's own problem in
 * her language: every caller that shows an ApiProblem then says it, where a bare TypeError said
 * nothing at all.
 */
export const fetchOrSay: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiProblem({ status: 0, code: "unreachable", message: t("app.unreachable"), fields: {} });
  }
};

// On the page's own origin, so `$url()` gives download links as well as fetches.
export const api = hc<AppType>(location.origin, {
  fetch: fetchOrSay,
  headers: () => ({ "Accept-Language": lang.value }),
  init: { credentials: "same-origin" },
});

/** Unwraps a response: JSON on success, an ApiProblem with the brief's error shape otherwise. */
export async function ok<T>(res: { ok: boolean; status: number; json(): Promise<T> }): Promise<T> {
  if (res.ok) return res.json();
  let message = `HTTP ${res.status}`;
  let code = "";
  let fields: Record<string, string> = {};
  try {
    const body = (await res.json()) as unknown as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    };
    code = body.error?.code ?? "";
    message = body.error?.message ?? message;
    fields = body.error?.fields ?? {};
  } catch {
    // not JSON: keep the status line
  }
  if (res.status === 401 && !location.pathname.startsWith("/app/login")) {
    location.assign(`/app/login?next=${encodeURIComponent(location.pathname)}`);
  }
  throw new ApiProblem({ status: res.status, code, message, fields });
}

export type Report = InferResponseType<(typeof api.api.events)[":id"]["report"]["$get"], 200>;
export type UnitScores = InferResponseType<(typeof api.api.units)[":id"]["scores"]["$get"], 200>;
export type Observations = InferResponseType<(typeof api.api.events)[":id"]["observations"]["$get"], 200>;
