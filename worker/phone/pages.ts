// Server-rendered phone pages (survey, code box, messages): usable without JavaScript, tiny, escaped.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { StoredQuestion } from "../domain/answers";
import type { FieldErrors } from "../domain/errors";
import { labelIn, type SCALE, scaleLabel, type UnitChoice } from "../domain/form";
import { type Lang, type MessageKey, t } from "../domain/i18n";
import type { EventKind } from "../domain/terms";
import { dataAttributes } from "./contract";
import { PHONE_CSS } from "./styles";
import { questionBoxId, questionErrorId, SURVEY_FIELD, SURVEY_ID, type SurveyData } from "./surveyContract";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Bumped with the phone assets so phones never mix an old script with a new page. */
export const ASSET_VERSION = "6";

export function layout(
  lang: Lang,
  title: string,
  body: Html,
  opts: { script?: "survey" | "workshop"; langHref: string },
): Html {
  const other: Lang = lang === "vi" ? "en" : "vi";
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · ${t(lang, "page.title_suffix")}</title><style>${raw(PHONE_CSS)}</style></head>
<body><header><span class="brand">Góp ý</span><a class="lang" href="${opts.langHref}?lang=${other}" lang="${other}">${t(lang, "page.lang_switch")}</a></header>
<main id="${SURVEY_ID.main}">${body}</main>${opts.script ? html`<script src="/p/${opts.script}.js?v=${ASSET_VERSION}" defer></script>` : ""}</body></html>`;
}

function codeBox(lang: Lang, value = ""): Html {
  return html`<form method="get" action="/s" class="code"><label for="code">${t(lang, "page.code_label")}</label><input id="code" name="code" value="${value}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" inputmode="text" required><button type="submit">${t(lang, "page.code_button")}</button></form>`;
}

export function homePage(lang: Lang): Html {
  return layout(
    lang,
    t(lang, "page.home_title"),
    html`<h1>${t(lang, "page.home_title")}</h1><p>${t(lang, "page.home_intro")}</p>${codeBox(lang)}<p class="staff"><a href="/app">${t(lang, "page.staff_link")}</a></p>`,
    { langHref: "/" },
  );
}

export function notFoundPage(lang: Lang, typed: string): Html {
  return layout(
    lang,
    t(lang, "page.not_found_title"),
    html`<h1>${t(lang, "page.not_found_title")}</h1><p>${t(lang, "page.not_found_text")}</p>${codeBox(lang, typed)}`,
    { langHref: "/" },
  );
}

export function messagePage(
  lang: Lang,
  eventTitle: string,
  code: string,
  titleKey: MessageKey,
  textKey: MessageKey,
  opts: { anotherPerson?: number } = {},
): Html {
  // A borrowed phone: the next trainee starts her own response (the phone's limit still holds).
  const another =
    opts.anotherPerson === undefined
      ? ""
      : html`<p><a class="button" href="/s/${code}?another=1">${t(lang, "page.another_person")}</a></p><p class="hint">${t(lang, "page.another_hint", { max: opts.anotherPerson })}</p>`;
  return layout(
    lang,
    t(lang, titleKey),
    html`<p class="event">${eventTitle}</p><div class="done" role="status"><h1>${t(lang, titleKey)}</h1><p>${t(lang, textKey)}</p></div>${another}`,
    { langHref: `/s/${code}` },
  );
}

export interface SurveyState {
  clientId: string;
  /** The server's signed stamp of when it served this page (kept when the page comes back with errors). */
  servedAt: string;
  /** Someone else on a phone that has answered: the script must not reuse the phone's saved id. */
  fresh?: boolean;
  role: string;
  values: Record<string, string>;
  /** A multi question's ticked options, by field name, when the page comes back with errors. */
  lists?: Record<string, readonly string[]>;
  errors: FieldErrors | null;
}

/** The legend and error line every question box starts with. */
function questionHead(lang: Lang, q: StoredQuestion, n: number, state: SurveyState, hint: string): Html {
  const error = state.errors?.[`answers.${q.id}`];
  return html`<legend><span class="n">${n}.</span> ${labelIn(lang, q)}${q.required ? "" : html` <small>${t(lang, "page.optional_mark")}</small>`}</legend>${hint ? html`<p class="hint">${hint}</p>` : ""}
<p class="err" id="${questionErrorId(q.id)}"${raw(error ? "" : " hidden")}>${error ? t(lang, error.key, error.params) : t(lang, "field.required")}</p>`;
}

function boxAttributes(q: StoredQuestion, state: SurveyState): Html {
  const error = state.errors?.[`answers.${q.id}`];
  return html`class="q${error ? " bad" : ""}" id="${questionBoxId(q.id)}" data-type="${q.type}" data-required="${q.required ? "1" : ""}"${raw(error ? ` aria-describedby="${questionErrorId(q.id)}"` : "")}`;
}

function multiQuestion(lang: Lang, q: StoredQuestion, n: number, state: SurveyState): Html {
  const name = `a${q.id}`;
  const ticked = state.lists?.[name] ?? [];
  const min = q.minChoices ?? 1;
  const hint =
    q.maxChoices !== null
      ? t(lang, "page.choose_between", { min, max: q.maxChoices })
      : t(lang, "page.choose_many");
  // The phone's script refuses a box past the maximum as it is ticked, saying this where the question is.
  const tooMany = q.maxChoices === null ? "" : t(lang, "field.too_many_choices", { max: q.maxChoices });
  return html`<fieldset ${boxAttributes(q, state)} data-min="${q.minChoices ?? ""}" data-max="${q.maxChoices ?? ""}" data-too-many="${tooMany}">${questionHead(lang, q, n, state, hint)}<div class="scale">${(
    q.options ?? []
  ).map(
    (o) =>
      html`<label><input type="checkbox" name="${name}" value="${o.value}"${raw(ticked.includes(o.value) ? " checked" : "")}><span>${labelIn(lang, o)}</span></label>`,
  )}</div></fieldset>`;
}

function unitQuestion(
  lang: Lang,
  q: StoredQuestion,
  n: number,
  state: SurveyState,
  units: readonly UnitChoice[],
): Html {
  const name = `a${q.id}`;
  const chosen = state.values[name] ?? "";
  // Indented by depth under the event's unit, as the tree reads on paper.
  return html`<fieldset ${boxAttributes(q, state)}>${questionHead(lang, q, n, state, "")}<select name="${name}" id="${name}" class="unit" aria-label="${labelIn(lang, q)}"><option value="">${t(lang, "page.choose_unit")}</option>${units.map(
    (u) =>
      html`<option value="${u.id}"${raw(chosen === String(u.id) ? " selected" : "")}>${"\u00a0\u00a0".repeat(u.depth)}${u.name}</option>`,
  )}</select></fieldset>`;
}

function ratingQuestion(lang: Lang, q: StoredQuestion, n: number, state: SurveyState): Html {
  const name = `a${q.id}`;
  const error = state.errors?.[`answers.${q.id}`];
  const label = labelIn(lang, q);
  return html`<fieldset class="q${error ? " bad" : ""}" id="${questionBoxId(q.id)}" data-type="rating" data-required="${q.required ? "1" : ""}"${raw(error ? ` aria-describedby="${questionErrorId(q.id)}"` : "")}><legend><span class="n">${n}.</span> ${label}${q.required ? "" : html` <small>${t(lang, "page.optional_mark")}</small>`}</legend>
<p class="err" id="${questionErrorId(q.id)}"${raw(error ? "" : " hidden")}>${error ? t(lang, error.key, error.params) : t(lang, "field.answer_required")}</p><div class="scale">${(
    [1, 2, 3, 4, 5] as const
  ).map(
    (v) =>
      html`<label><input type="radio" name="${name}" value="${v}"${raw(state.values[name] === String(v) ? " checked" : "")}><span><b>${v}</b> ${scaleLabel(q, String(v) as (typeof SCALE)[number], lang, t(lang, `page.scale_${v}`))}</span></label>`,
  )}</div></fieldset>`;
}

function choiceQuestion(lang: Lang, q: StoredQuestion, n: number, state: SurveyState): Html {
  const name = `a${q.id}`;
  const error = state.errors?.[`answers.${q.id}`];
  return html`<fieldset class="q${error ? " bad" : ""}" id="${questionBoxId(q.id)}" data-required="${q.required ? "1" : ""}"><legend><span class="n">${n}.</span> ${labelIn(lang, q)}</legend>
<p class="err" id="${questionErrorId(q.id)}"${raw(error ? "" : " hidden")}>${error ? t(lang, error.key, error.params) : t(lang, "field.required")}</p><div class="scale">${(
    q.options ?? []
  ).map(
    (o) =>
      html`<label><input type="radio" name="${name}" value="${o.value}"${raw(state.values[name] === o.value ? " checked" : "")}><span>${labelIn(lang, o)}</span></label>`,
  )}</div></fieldset>`;
}

function textQuestion(lang: Lang, q: StoredQuestion, n: number, state: SurveyState): Html {
  const name = `a${q.id}`;
  const error = state.errors?.[`answers.${q.id}`];
  const max = q.maxLength ?? 2000;
  return html`<div class="q${error ? " bad" : ""}" id="${questionBoxId(q.id)}" data-required="${q.required ? "1" : ""}"><label for="${name}" class="lbl"><span class="n">${n}.</span> ${labelIn(lang, q)} <small>${t(lang, q.required ? "page.required_mark" : "page.optional_mark")}</small></label>
<p class="err" id="${questionErrorId(q.id)}"${raw(error ? "" : " hidden")}>${error ? t(lang, error.key, error.params) : ""}</p><textarea id="${name}" name="${name}" rows="4" maxlength="${max}" aria-describedby="h${q.id}">${state.values[name] ?? ""}</textarea><p class="hint" id="h${q.id}">${t(lang, "page.chars_max", { max })}</p></div>`;
}

export function surveyPage(
  lang: Lang,
  event: { code: string; kind: EventKind; title: string; unitName: string },
  questions: readonly StoredQuestion[],
  state: SurveyState,
  units: readonly UnitChoice[] = [],
): Html {
  const role = (value: string, key: MessageKey) =>
    html`<label><input type="radio" name="role" value="${value}"${raw(state.role === value ? " checked" : "")}><span>${t(lang, key)}</span></label>`;
  const surveyData = dataAttributes<SurveyData>({
    code: event.code,
    sending: t(lang, "page.sending"),
    retrying: t(lang, "page.retrying"),
    offline: t(lang, "page.offline"),
    fix: t(lang, "page.fix_errors"),
    thanks: t(lang, "page.thanks_title"),
    thanksText: t(lang, "page.thanks_text"),
    another: t(lang, "page.another_person"),
    fresh: state.fresh ? "1" : "",
    findUnit: t(lang, "page.find_unit"),
  });
  const body = html`<h1>${event.title}</h1><p class="event">${event.unitName}</p><p>${t(lang, event.kind === "class" ? "page.intro" : "page.intro_survey")}</p>
${state.errors ? html`<p class="alert" role="alert">${t(lang, "page.fix_errors")}</p>` : ""}
<form method="post" action="/s/${event.code}" id="${SURVEY_ID.form}"${raw(surveyData)} novalidate>
<input type="hidden" name="${SURVEY_FIELD.clientId}" value="${state.clientId}"><input type="hidden" name="${SURVEY_FIELD.servedAt}" value="${state.values[SURVEY_FIELD.servedAt] ?? state.servedAt}">
${
  event.kind === "class"
    ? html`<fieldset class="q"><legend>${t(lang, "page.role_legend")}</legend><div class="roles">${role("trainee", "page.role_trainee")}${role("lecturer", "page.role_lecturer")}</div></fieldset>`
    : html`<input type="hidden" name="role" value="trainee">`
}
${questions.map((q, i) => {
  switch (q.type) {
    case "rating":
      return ratingQuestion(lang, q, i + 1, state);
    case "choice":
      return choiceQuestion(lang, q, i + 1, state);
    case "multi":
      return multiQuestion(lang, q, i + 1, state);
    case "unit":
      return unitQuestion(lang, q, i + 1, state, units);
    default:
      return textQuestion(lang, q, i + 1, state);
  }
})}
<p id="${SURVEY_ID.status}" role="status" aria-live="polite"></p>
<button type="submit" class="send">${t(lang, "page.submit")}</button></form>`;
  return layout(lang, event.title, body, { script: "survey", langHref: `/s/${event.code}` });
}
