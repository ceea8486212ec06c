// The trainee's pages: code box at /, survey at /s/{code}, and the plain form post that needs no JavaScript.
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import * as v from "valibot";
import type { EventRow } from "../db/events";
import { newToken } from "../domain/crypto";
import { Closed, DomainError, type FieldErrors, LimitReached, Mismatch, TooLarge } from "../domain/errors";
import { CLIENT_ID_PATTERN, isOpen } from "../domain/event";
import { normaliseEventCode } from "../domain/eventCode";
import type { Lang } from "../domain/i18n";
import { RESPONSES_PER_PHONE } from "../domain/limits";
import { PHONE_LIST_FIRST, PUBLIC_LIST_MAX } from "../domain/proposal";
import type { QuestionType } from "../domain/terms";
import { isCrossSite } from "../http/auth";
import { setPrivateCookie } from "../http/cookies";
import { ensureDeviceCookie, servedMsOf, servedStamp, writerOf } from "../http/device";
import type { AppEnv } from "../http/env";
import { proposalBody, proposalInput } from "../http/params";
import { issuesToFields } from "../http/validate";
import { homePage, messagePage, notFoundPage, surveyPage } from "../phone/pages";
import { answerField, SURVEY_FIELD } from "../phone/surveyContract";
import { workshopPage } from "../phone/workshop";
import { listProposals, submitProposal, supportedByPhone, supportProposal } from "../services/proposals";
import { findByCode, questionsOf, unitChoices } from "../services/public";
import { hasAnswered, type Submission, submitResponse } from "../services/responses";

const LANG_COOKIE = "gy_lang";
const YEAR = 365 * 86400;

/** Pages are Vietnamese unless the person pressed the English switch (remembered in a cookie). */
function pageLang(c: Context<AppEnv>): Lang {
  const asked = c.req.query("lang");
  if (asked === "vi" || asked === "en") {
    setCookie(c, LANG_COOKIE, asked, { path: "/", maxAge: YEAR, sameSite: "Lax" });
    return asked;
  }
  return getCookie(c, LANG_COOKIE) === "en" ? "en" : "vi";
}

function rememberDevice(c: Context<AppEnv>, code: string, clientId: string): void {
  setPrivateCookie(c, `gy_${code}`, clientId, { path: `/s/${code}`, maxAge: YEAR });
}

/** The clientId this phone keeps for the event, if it has one. */
function savedClientId(c: Context<AppEnv>, code: string): string | null {
  const existing = getCookie(c, `gy_${code}`);
  return existing && CLIENT_ID_PATTERN.test(existing) ? existing : null;
}

/** One clientId per phone and event, kept in a cookie scoped to the event's page. */
function deviceClientId(c: Context<AppEnv>, code: string): string {
  const existing = savedClientId(c, code);
  if (existing) return existing;
  const id = newToken().slice(0, 32);
  rememberDevice(c, code, id);
  return id;
}

const noStore = { "Cache-Control": "no-store" };

const formLimit = bodyLimit({
  maxSize: 32 * 1024,
  onError: () => {
    throw new TooLarge();
  },
});

/** The phone pages' side of the one error mapping: which page a refusal shows. */
function refusal(
  err: unknown,
  pages: {
    closed: () => Response | Promise<Response>;
    limited: (e: LimitReached) => Response | Promise<Response>;
    retried: () => Response | Promise<Response>;
    invalid: (fields: FieldErrors) => Response | Promise<Response>;
  },
): Response | Promise<Response> {
  if (!(err instanceof DomainError)) throw err;
  if (err instanceof Closed) return pages.closed();
  if (err instanceof LimitReached) return pages.limited(err);
  if (err instanceof Mismatch) return pages.retried();
  return pages.invalid(err.fields ?? {});
}

async function renderWorkshop(
  c: Context<AppEnv>,
  lang: Lang,
  event: EventRow,
  opts: {
    sort: "new" | "top";
    /** The whole list (up to 300) rather than its first few. */
    all?: boolean;
    sent: boolean;
    values?: Record<string, string>;
    errors?: FieldErrors;
    clientId?: string;
  },
) {
  const deviceId = deviceClientId(c, event.code);
  // One round trip after finding the event: the signed device id (a first visit) beside the list.
  const [rows, supported] = await Promise.all([
    listProposals(c.var.db, event.id, opts.sort, 0, opts.all ? PUBLIC_LIST_MAX : PHONE_LIST_FIRST),
    supportedByPhone(c.var.db, event.id, deviceId),
    ensureDeviceCookie(c),
  ]);
  return workshopPage(lang, event, rows, supported, {
    // A fresh id per form shown: resubmitting the same form is idempotent, a new proposal gets a new id.
    clientId: opts.clientId ?? newToken().slice(0, 32),
    deviceId,
    values: opts.values ?? {},
    errors: opts.errors ?? null,
    sent: opts.sent,
    sort: opts.sort,
    all: opts.all ?? false,
    open: isOpen(event, new Date()),
  });
}

/** The text fields of a posted form (files are ignored): the first value of each, and every value (ticked boxes). */
async function formFields(
  c: Context<AppEnv>,
): Promise<{ values: Record<string, string>; lists: Record<string, string[]> }> {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(await c.req.parseBody({ all: true }))) {
    const texts = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    if (texts[0] === undefined) continue;
    values[k] = texts[0];
    lists[k] = texts;
  }
  return { values, lists };
}

async function formValues(c: Context<AppEnv>): Promise<Record<string, string>> {
  return (await formFields(c)).values;
}

/** A posted field as the JSON API would carry it: numbers for ratings and units, lists for multi. */
function answerOf(type: QuestionType, value: string, list: readonly string[]): unknown {
  if (type === "multi") return list.filter((x) => x !== "");
  return (type === "rating" || type === "unit") && /^\d{1,9}$/.test(value) ? Number(value) : value;
}

/**
 * The no-JS survey form as the JSON API's submission, by the phone contract's field names: the
 * same service then decides everything, as for the script's JSON.
 */
function submissionFromForm(
  questions: readonly { id: number; type: QuestionType }[],
  fields: { values: Record<string, string>; lists: Record<string, string[]> },
  fallbackClientId: () => string,
): Submission & { servedAt: string | null } {
  const { values, lists } = fields;
  const posted = values[SURVEY_FIELD.clientId] ?? "";
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    const raw = values[answerField(q.id)];
    if (raw === undefined || raw === "") continue;
    answers[String(q.id)] = answerOf(q.type, raw, lists[answerField(q.id)] ?? []);
  }
  return {
    clientId: CLIENT_ID_PATTERN.test(posted) ? posted : fallbackClientId(),
    role: values[SURVEY_FIELD.role] === "lecturer" ? "lecturer" : "trainee",
    answers,
    servedAt: values[SURVEY_FIELD.servedAt] ?? null,
  };
}

const typedCode = (c: Context<AppEnv>) => (c.req.param("code") ?? "").slice(0, 32);

async function workshopByParam(c: Context<AppEnv>) {
  const event = await findByCode(c.var.db, typedCode(c));
  return event?.kind === "workshop" ? event : undefined;
}

const limitedPage = (lang: Lang, event: EventRow, err: LimitReached) =>
  messagePage(lang, event.title, event.code, "page.limited_title", err.messageKey);

export const phoneRoutes = new Hono<AppEnv>()
  // A form another site posts in a trainee's name stores nothing; she sees why.
  .use("/s/*", async (c, next) => {
    if (!isCrossSite(c)) return next();
    const lang = pageLang(c);
    return c.html(
      messagePage(lang, "", typedCode(c), "page.cross_site_title", "page.cross_site_text"),
      403,
      noStore,
    );
  })
  .get("/", (c) => c.html(homePage(pageLang(c)), 200, noStore))
  .get("/s", (c) => {
    const typed = (c.req.query("code") ?? "").slice(0, 32);
    const code = normaliseEventCode(typed);
    if (code) return c.redirect(`/s/${code}`, 303);
    return c.html(notFoundPage(pageLang(c), typed), 404, noStore);
  })
  .get("/s/:code", async (c) => {
    const lang = pageLang(c);
    const typed = typedCode(c);
    const event = await findByCode(c.var.db, typed);
    if (!event) return c.html(notFoundPage(lang, typed), 404, noStore);
    if (event.code !== typed) return c.redirect(`/s/${event.code}`, 301);
    if (event.kind === "workshop") {
      const sort = c.req.query("sort") === "top" ? "top" : "new";
      return c.html(
        await renderWorkshop(c, lang, event, {
          sort,
          all: c.req.query("all") === "1",
          sent: c.req.query("sent") === "1",
        }),
        200,
        noStore,
      );
    }
    const open = isOpen(event, new Date()) && event.formId !== null;
    // Someone else on a phone that has answered gets a fresh response id; the per-phone limit still counts.
    const another = open && c.req.query("another") === "1";
    const known = another ? null : savedClientId(c, event.code);
    const clientId = another ? newToken().slice(0, 32) : (known ?? deviceClientId(c, event.code));
    // One round trip after finding the event: a phone seen for the first time cannot have answered.
    const [, answered, questions] = await Promise.all([
      ensureDeviceCookie(c),
      known === null ? false : hasAnswered(c.var.db, event.id, known),
      open ? questionsOf(c.var.db, event) : [],
    ]);
    if (answered) {
      const sent = c.req.query("sent") === "1";
      return c.html(
        messagePage(
          lang,
          event.title,
          event.code,
          sent ? "page.thanks_title" : "page.already_title",
          sent ? "page.thanks_text" : "page.already_text",
          open ? { anotherPerson: RESPONSES_PER_PHONE } : {},
        ),
        200,
        noStore,
      );
    }
    if (!open) {
      return c.html(
        messagePage(lang, event.title, event.code, "page.closed_title", "page.closed_text"),
        410,
        noStore,
      );
    }
    return c.html(
      surveyPage(
        lang,
        event,
        questions,
        {
          clientId,
          servedAt: await servedStamp(c, new Date()),
          fresh: another,
          role: "trainee",
          values: {},
          errors: null,
        },
        await unitChoices(c.var.db, event, questions),
      ),
      200,
      noStore,
    );
  })
  .post("/s/:code", formLimit, async (c) => {
    const lang = pageLang(c);
    const event = await findByCode(c.var.db, typedCode(c));
    if (!event || event.kind === "workshop" || event.formId === null) {
      return c.html(notFoundPage(lang, typedCode(c)), 404, noStore);
    }
    const fields = await formFields(c);
    const { values, lists } = fields;
    const questions = await questionsOf(c.var.db, event);
    const { servedAt, ...submission } = submissionFromForm(questions, fields, () =>
      deviceClientId(c, event.code),
    );
    const { clientId, role } = submission;
    const now = new Date();
    // The page carries the server's signed time it was served, so a form sent back within seconds
    // is set aside; a form without a stamp we signed came from no page of ours, and is set aside too.
    const servedMs = (await servedMsOf(c, servedAt, now)) ?? 0;
    try {
      await submitResponse(
        c.var.db,
        event,
        submission,
        { kind: "phone", writer: await writerOf(c), servedMs, claimedMs: null },
        now,
      );
    } catch (err) {
      return refusal(err, {
        closed: () =>
          c.html(
            messagePage(lang, event.title, event.code, "page.closed_title", "page.closed_text"),
            410,
            noStore,
          ),
        limited: (e) => c.html(limitedPage(lang, event, e), 429, noStore),
        retried: () => c.redirect(`/s/${event.code}`, 303),
        invalid: async (errors) =>
          c.html(
            surveyPage(
              lang,
              event,
              questions,
              { clientId, servedAt: await servedStamp(c, new Date()), role, values, lists, errors },
              await unitChoices(c.var.db, event, questions),
            ),
            400,
            noStore,
          ),
      });
    }
    // Remember the phone even if it arrived without the cookie (e.g. after clearing it).
    rememberDevice(c, event.code, clientId);
    return c.redirect(`/s/${event.code}?sent=1`, 303);
  })
  .post("/s/:code/proposals", formLimit, async (c) => {
    const lang = pageLang(c);
    const event = await workshopByParam(c);
    if (!event) return c.html(notFoundPage(lang, typedCode(c)), 404, noStore);
    const values = await formValues(c);
    const parsed = v.safeParse(proposalBody, {
      clientId: values.clientId ?? "",
      text: values.text ?? "",
      addressee: values.addressee || null,
      authorName: values.authorName ?? null,
      authorUnit: values.authorUnit ?? null,
    });
    const rerender = async (status: 400 | 410, errors?: FieldErrors) =>
      c.html(
        await renderWorkshop(c, lang, event, {
          sort: "new",
          sent: false,
          values,
          errors,
          clientId: values.clientId,
        }),
        status,
        noStore,
      );
    if (!parsed.success) return rerender(400, issuesToFields(parsed.issues));
    try {
      await submitProposal(c.var.db, event, proposalInput(parsed.output), await writerOf(c), new Date());
    } catch (err) {
      const page = await refusal(err, {
        closed: () => rerender(410),
        limited: (e) => c.html(limitedPage(lang, event, e), 429, noStore),
        // The same form sent again with other words: the first stands, as if sent.
        retried: () => c.redirect(`/s/${event.code}?sent=1#list`, 303),
        invalid: (errors) => rerender(400, errors),
      });
      return page;
    }
    return c.redirect(`/s/${event.code}?sent=1#list`, 303);
  })
  .post("/s/:code/supports/:pid", formLimit, async (c) => {
    const lang = pageLang(c);
    const event = await workshopByParam(c);
    const pid = Number(c.req.param("pid"));
    if (!event) return c.html(notFoundPage(lang, typedCode(c)), 404, noStore);
    const sort = c.req.query("sort") === "top" ? "top" : "new";
    if (Number.isSafeInteger(pid) && pid > 0) {
      try {
        await supportProposal(c.var.db, pid, deviceClientId(c, event.code), new Date(), {
          writer: await writerOf(c),
          eventId: event.id,
        });
      } catch (err) {
        // A hidden proposal or a closed workshop: the page shown next tells the story.
        if (!(err instanceof DomainError)) throw err;
      }
    }
    const all = c.req.query("all") === "1" ? "&all=1" : "";
    return c.redirect(`/s/${event.code}?sort=${sort}${all}#p${pid}`, 303);
  });
