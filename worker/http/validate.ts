// Schema validation at the edge: valibot issues become 400s naming each field, in the caller's language.
import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import * as v from "valibot";
import { cleanText } from "../domain/answers";
import { type FieldErrors, Invalid } from "../domain/errors";
import { isMessageKey } from "../domain/i18n";
import { isRealCalendarTime } from "../domain/time";
import { DATE } from "../domain/unitImport";

/** Turns valibot issues into `{ "answers.12": {key} }`; schemas carry message keys as messages. */
export function issuesToFields(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = v.getDotPath(issue) || "body";
    if (fields[path]) continue;
    if (issue.input === undefined && issue.kind === "schema") {
      fields[path] = { key: "field.required" };
    } else if (issue.type === "strict_object" && issue.input !== undefined && path !== "body") {
      fields[path] = { key: "field.unknown_field" };
    } else if (isMessageKey(issue.message)) {
      const max = typeof issue.requirement === "number" ? issue.requirement : undefined;
      fields[path] = { key: issue.message, params: max === undefined ? undefined : { max } };
    } else {
      fields[path] = { key: "field.invalid" };
    }
  }
  return fields;
}

/** `validate("json", schema)` as route middleware; read the result with `c.req.valid("json")`. */
export const validate = <T extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) =>
  vValidator(target, schema, (result) => {
    if (!result.success) throw new Invalid(issuesToFields(result.issues));
  });

/** Reusable field schemas; messages are catalogue keys resolved per request. */
/** Free text: NFC, control characters (null bytes included) dropped, trimmed, bounded. */
export const text = (max: number) =>
  v.pipe(v.string("field.type_string"), v.transform(cleanText), v.maxLength(max, "field.too_long"));

export const requiredText = (max: number) =>
  v.pipe(
    v.string("field.type_string"),
    v.transform(cleanText),
    v.minLength(1, "field.required"),
    v.maxLength(max, "field.too_long"),
  );

export const isoTime = v.pipe(
  v.string("field.type_string"),
  v.maxLength(40, "field.too_long"),
  v.check(
    (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && isRealCalendarTime(s) && !Number.isNaN(Date.parse(s)),
    "field.date",
  ),
  v.transform((s) => new Date(s).toISOString()),
);

/** A calendar date, YYYY-MM-DD (kept as text: units and programmes have no time of day). */
export const day = v.pipe(
  v.string("field.day"),
  v.regex(DATE, "field.day"),
  v.check(isRealCalendarTime, "field.day"),
);

export const intId = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number))], "field.type_integer"),
  v.number("field.type_integer"),
  v.integer("field.type_integer"),
  v.minValue(1, "field.invalid"),
  v.maxValue(Number.MAX_SAFE_INTEGER, "field.invalid"),
);

/** A PATCH body that changes nothing is a mistake worth telling. */
export function assertSomeField(body: Record<string, unknown>): void {
  if (Object.values(body).every((x) => x === undefined)) {
    throw new Invalid({ body: { key: "field.nothing_to_change" } });
  }
}

const isPlainObject = (x: unknown) => typeof x === "object" && x !== null && !Array.isArray(x);

/** A JSON object with exactly these fields (valibot alone would take an array for an object). */
export function jsonObject<T extends v.ObjectEntries>(entries: T) {
  return v.pipe(
    v.custom<v.InferInput<v.StrictObjectSchema<T, undefined>>>(isPlainObject, "field.type_object"),
    v.strictObject(entries, "field.type_object"),
  );
}

/** How many items a query asks for: digits, from 1 to `max`. */
export const countQuery = (max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, "field.invalid"),
    v.transform(Number),
    v.minValue(1, "field.invalid"),
    v.maxValue(max, "field.invalid"),
  );

/**
 * The query of every list that grows: `q` searches, `limit` (default 50, at most `max`) and
 * `cursor` (the `next` of the page before) page through it; answers are `{items, total, next}`.
 */
export const pageEntries = (max: number) => ({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, "field.too_long"))),
  limit: v.optional(countQuery(max), "50"),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,7}$/, "field.invalid"), v.transform(Number))),
});
