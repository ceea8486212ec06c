// The delegate's workshop page: the question, a proposal form that posts without JavaScript, and the list to support.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { FieldErrors } from "../domain/errors";
import { type Lang, t } from "../domain/i18n";
import { ADDRESSEE_CHOICES, AUTHOR_MAX, PROPOSAL_MAX } from "../domain/proposal";
import { layout } from "./pages";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PublicProposal {
  id: number;
  text: string;
  supports: number;
  authorName: string | null;
  authorUnit: string | null;
  followStatus: "received" | "accepted" | "in_progress" | "done" | "declined" | null;
  followNote: string | null;
}

export interface WorkshopState {
  clientId: string;
  deviceId: string;
  values: Record<string, string>;
  errors: FieldErrors | null;
  sent: boolean;
  sort: "new" | "top";
  open: boolean;
}

function fieldError(lang: Lang, errors: FieldErrors | null, field: string): Html | string {
  const e = errors?.[field];
  return e ? html`<p class="err" id="e-${field}">${t(lang, e.key, e.params)}</p>` : "";
}

/** Always present so the script can show it beside the field when the proposal is left empty. */
function textError(lang: Lang, errors: FieldErrors | null): Html {
  const e = errors?.text;
  return html`<p class="err" id="e-text"${raw(e ? "" : " hidden")}>${e ? t(lang, e.key, e.params) : t(lang, "ws.text_required")}</p>`;
}

function item(lang: Lang, code: string, p: PublicProposal, supported: boolean, state: WorkshopState): Html {
  const author = [p.authorName, p.authorUnit].filter((x) => x).join(", ");
  return html`<li class="prop" id="p${p.id}" data-id="${p.id}"><p class="txt">${p.text}</p><p class="meta">${author || t(lang, "ws.anonymous")}${
    p.followStatus
      ? html` · <b class="st st-${p.followStatus}">${t(lang, `follow.${p.followStatus}`)}</b>${p.followNote ? html` · ${p.followNote}` : ""}`
      : ""
  }</p><form method="post" action="/s/${code}/supports/${p.id}?sort=${state.sort}" class="sup"><button type="submit" class="supb"${raw(supported || !state.open ? " disabled" : "")} aria-pressed="${supported ? "true" : "false"}">${t(lang, supported ? "ws.supported" : "ws.support")}</button><span class="cnt">${t(lang, "ws.supports", { n: p.supports })}</span></form></li>`;
}

export function workshopPage(
  lang: Lang,
  event: { code: string; title: string; unitName: string; question: string | null },
  proposals: readonly PublicProposal[],
  supported: ReadonlySet<number>,
  state: WorkshopState,
): Html {
  const v = state.values;
  const addressee = v.addressee ?? "unsure";
  const radios = ADDRESSEE_CHOICES.map(
    (a) =>
      html`<label><input type="radio" name="addressee" value="${a}"${raw(addressee === a ? " checked" : "")}><span>${t(lang, `addressee.${a}`)}</span></label>`,
  );
  const form = state.open
    ? html`<form method="post" action="/s/${event.code}/proposals" id="propose" class="q" data-code="${event.code}" data-device="${state.deviceId}" data-sending="${t(lang, "page.sending")}" data-retrying="${t(lang, "page.retrying")}" data-offline="${t(lang, "page.offline")}" data-sent="${t(lang, "ws.sent")}" data-fix="${t(lang, "ws.fix_errors")}" novalidate>
<input type="hidden" name="clientId" value="${state.clientId}">
<label for="text" class="lbl">${t(lang, "ws.text_label")}</label>${textError(lang, state.errors)}
<textarea id="text" name="text" rows="4" maxlength="${PROPOSAL_MAX}" required aria-describedby="e-text h-text">${v.text ?? ""}</textarea><p class="hint" id="h-text">${t(lang, "page.chars_max", { max: PROPOSAL_MAX })}</p>
<fieldset class="sub"><legend>${t(lang, "ws.addressee_legend")}</legend>${fieldError(lang, state.errors, "addressee")}<div class="scale">${radios}</div></fieldset>
<details${raw(v.authorName || v.authorUnit ? " open" : "")}><summary>${t(lang, "ws.author_summary")}</summary>
<label for="authorName">${t(lang, "ws.name_label")}</label><input id="authorName" name="authorName" maxlength="${AUTHOR_MAX}" value="${v.authorName ?? ""}" autocomplete="name">
<label for="authorUnit">${t(lang, "ws.unit_label")}</label><input id="authorUnit" name="authorUnit" maxlength="${AUTHOR_MAX}" value="${v.authorUnit ?? ""}"></details>
<p id="status" role="status" aria-live="polite">${state.sent ? t(lang, "ws.sent") : ""}</p>
<button type="submit" class="send">${t(lang, "ws.submit")}</button></form>`
    : html`<p class="alert">${t(lang, "ws.closed_note")}</p>`;
  const sortLink = (s: "new" | "top") =>
    html`<a href="/s/${event.code}?sort=${s}#list"${raw(state.sort === s ? ' aria-current="true"' : "")}>${t(lang, s === "new" ? "ws.sort_new" : "ws.sort_top")}</a>`;
  const body = html`<h1>${event.title}</h1><p class="event">${event.unitName}</p>
${event.question ? html`<p class="question">${event.question}</p>` : ""}<p>${t(lang, "ws.intro")}</p>
${state.errors ? html`<p class="alert" role="alert">${t(lang, "ws.fix_errors")}</p>` : ""}${form}
<h2 id="list">${t(lang, "ws.list_title")} <span id="count">(${proposals.length})</span></h2><nav class="sort">${sortLink("new")}${sortLink("top")}</nav>
<ul id="props" class="props" data-sort="${state.sort}" data-open="${state.open ? "1" : ""}" data-support="${t(lang, "ws.support")}" data-supported="${t(lang, "ws.supported")}" data-supports="${t(lang, "ws.supports")}" data-anonymous="${t(lang, "ws.anonymous")}">${
    proposals.length === 0
      ? html`<li class="empty">${t(lang, "ws.empty")}</li>`
      : proposals.map((p) => item(lang, event.code, p, supported.has(p.id), state))
  }</ul>`;
  return layout(lang, event.title, body, { script: "workshop", langHref: `/s/${event.code}` });
}
