// The one mapping from refusals to HTTP: domain errors become the brief's JSON errors; anything else a logged 500.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  Closed,
  Conflict,
  DomainError,
  type FieldErrors,
  Forbidden,
  ImportRefused,
  Invalid,
  LimitReached,
  Mismatch,
  NotFound,
  TooLarge,
  Unauthenticated,
} from "../domain/errors";
import { type Lang, type MessageKey, t } from "../domain/i18n";
import type { AppEnv } from "./env";

/** The status each kind of refusal answers with, for the API and the phone pages alike. */
export function statusOf(err: DomainError): ContentfulStatusCode {
  if (err instanceof Invalid) return 400;
  if (err instanceof ImportRefused) return 422;
  if (err instanceof Unauthenticated) return 401;
  if (err instanceof Forbidden) return 403;
  if (err instanceof NotFound) return 404;
  if (err instanceof Conflict) return 409;
  if (err instanceof Closed) return 410;
  if (err instanceof TooLarge) return 413;
  if (err instanceof Mismatch) return 422;
  if (err instanceof LimitReached) return 429;
  return 400;
}

export function translateFields(lang: Lang, fields: FieldErrors): Record<string, string> {
  // Own properties whatever the name: assigning `out["__proto__"]` would set the prototype instead.
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, t(lang, f.key, f.params)]));
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
  if (err instanceof LimitReached && err.retryAfter > 0) c.header("Retry-After", String(err.retryAfter));
  if (err instanceof ImportRefused) {
    // Nothing was stored: the counts say so, and each wrong line is named with its field.
    const errors = err.lines.map((l) => ({
      line: l.line,
      field: l.field,
      message: t(lang, l.key, l.params),
    }));
    return c.json({ ...errorBody(lang, err.code, err.messageKey), created: 0, updated: 0, errors }, 422);
  }
  if (err instanceof DomainError) {
    return c.json(errorBody(lang, err.code, err.messageKey, err.fields), statusOf(err));
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
