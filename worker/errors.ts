// The brief's JSON error shape: expected failures are ApiErrors, everything else becomes a logged 500.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { exceeded, type LimitCheck, type LimitKind } from "./domain/limits";
import type { AppEnv } from "./env";
import { type Lang, type MessageKey, t } from "./i18n";

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type FieldErrors = Record<string, FieldError>;

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly fields?: FieldErrors,
  ) {
    super(status, { message: code });
  }
}

/** 429 for a person who hit a limit; the message says which and what to do. */
export class LimitError extends ApiError {
  constructor(
    kind: LimitKind | "login_locked",
    readonly retryAfter: number,
  ) {
    super(
      429,
      kind === "login_locked" ? kind : `limit_${kind}`,
      kind === "login_locked" ? "error.login_locked" : `error.limit_${kind}`,
    );
  }
}

/** The 429 of the first limit the current counts have already reached, if any. */
export function assertUnderLimits(checks: readonly LimitCheck[], counts: ReadonlyMap<string, number>): void {
  const over = exceeded(checks, counts);
  if (over) throw new LimitError(over.kind, over.retryAfter);
}

export const notFound = () => new ApiError(404, "not_found", "error.not_found");
export const invalidBody = (fields: FieldErrors) =>
  new ApiError(400, "invalid_body", "error.invalid_body", fields);

export function translateFields(lang: Lang, fields: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(fields)) out[name] = t(lang, f.key, f.params);
  return out;
}

export function errorBody(lang: Lang, code: string, key: MessageKey, fields?: FieldErrors) {
  return {
    error: {
      code,
      message: t(lang, key),
      ...(fields ? { fields: translateFields(lang, fields) } : {}),
    },
  };
}

// Statuses Hono itself raises (malformed JSON, body limit) mapped onto our codes.
const hono: Partial<Record<number, [string, MessageKey]>> = {
  400: ["invalid_json", "error.invalid_json"],
  401: ["unauthenticated", "error.unauthenticated"],
  404: ["not_found", "error.not_found"],
  413: ["body_too_large", "error.body_too_large"],
};

export function onError(err: Error, c: Context<AppEnv>): Response {
  const lang = c.get("lang") ?? "vi";
  if (err instanceof LimitError && err.retryAfter > 0) c.header("Retry-After", String(err.retryAfter));
  if (err instanceof ApiError) {
    return c.json(errorBody(lang, err.code, err.messageKey, err.fields), err.status);
  }
  if (err instanceof HTTPException) {
    const [code, key] = hono[err.status] ?? ["invalid_body", "error.invalid_body"];
    const fields: FieldErrors | undefined =
      code === "invalid_json" ? { body: { key: "field.invalid" } } : undefined;
    return c.json(errorBody(lang, code, key, fields), err.status);
  }
  console.error(
    JSON.stringify({
      level: "error",
      message: err.message,
      name: err.name,
      stack: err.stack,
      method: c.req.method,
      path: c.req.path,
    }),
  );
  return c.json(errorBody(lang, "internal", "error.internal"), 500);
}
