// The delegate's workshop page: the question, a proposal form that posts without JavaScript, and the list to support.
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { FieldErrors } from "../domain/errors";
import { type Lang, t } from "../domain/i18n";
import {
  ADDRESSEE_CHOICES,
  AUTHOR_MAX,
  PROPOSAL_MAX,
  PUBLIC_LIST_MAX,
  type PublicProposal,
} from "../domain/proposal";
import { dataAttributes } from "./contract";
import { layout } from "./pages";
import {
  type ProposalFormData,
  type ProposalListData,
  WORKSHOP_CLASS,
  WORKSHOP_ID,
} from "./workshopContract";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface WorkshopState {
  clientId: string;
  deviceId: string;
  values: Record<string, string>;
  errors: FieldErrors | null;
  sent: boolean;
  sort: "new" | "top";
  /** The page lists all (up to 300), not only the first few. */
  all: boolean;
  open: boolean;
}

function fieldError(lang: Lang, errors: FieldErrors | null, field: string): Html | string {
  const e = errors?.[field];
  return e ? html`<p class="err" id="e-${field}">${t(lang, e.key, e.params)}</p>` : "";
}

/** Always present so the script can show it beside the field when the proposal is left empty. */
function textError(lang: Lang, errors: FieldErrors | null): Html {
  const e = errors?.text;
  return html`<p class="err" id="${WORKSHOP_ID.textError}"${raw(e ? "" : " hidden")}>${e ? t(lang, e.key, e.params) : t(lang, "ws.text_required")}</p>`;
}

function item(lang: Lang, code: string, p: PublicProposal, supported: boolean, state: WorkshopState): Html {
  const author = [p.authorName, p.authorUnit].filter((x) => x).join(", ");
  return html`<li class="${WORKSHOP_CLASS.proposal}" id="p${p.id}" data-id="${p.id}"><p class="txt">${p.text}</p><p class="meta">${author || t(lang, "ws.anonymous")}${
    p.followStatus
      ? html` · <b class="st st-${p.followStatus}">${t(lang, `follow.${p.followStatus}`)}</b>${p.followNote ? html` · ${p.followNote}` : ""}`
      : ""
  }</p><form method="post" action="/s/${code}/supports/${p.id}?sort=${state.sort}${state.all ? "&all=1" : ""}" class="${WORKSHOP_CLASS.supportForm}"><button type="submit" class="${WORKSHOP_CLASS.supportButton}"${raw(supported || !state.open ? " disabled" : "")} aria-pressed="${supported ? "true" : "false"}">${t(lang, supported ? "ws.supported" : "ws.support")}</button><span class="${WORKSHOP_CLASS.count}">${t(lang, "ws.supports", { n: p.supports })}</span></form></li>`;
}

export function workshopPage(
  lang: Lang,
  event: { code: string; title: string; unitName: string; question: string | null },
  list: { items: readonly PublicProposal[]; total: number },
  supported: ReadonlySet<number>,
  state: WorkshopState,
): Html {
  const proposals = list.items;
  const v = state.values;
  const addressee = v.addressee ?? "unsure";
  const radios = ADDRESSEE_CHOICES.map(
    (a) =>
      html`<label><input type="radio" name="addressee" value="${a}"${raw(addressee === a ? " checked" : "")}><span>${t(lang, `addressee.${a}`)}</span></label>`,
  );
  const formData = dataAttributes<ProposalFormData>({
    code: event.code,
    device: state.deviceId,
    sending: t(lang, "page.sending"),
    retrying: t(lang, "page.retrying"),
    offline: t(lang, "page.offline"),
    sent: t(lang, "ws.sent"),
    fix: t(lang, "ws.fix_errors"),
  });
  const listData = dataAttributes<ProposalListData>({
    sort: state.sort,
    limit: String(proposals.length < list.total ? proposals.length : PUBLIC_LIST_MAX),
    shown: t(lang, state.sort === "top" ? "ws.shown_top" : "ws.shown_new"),
    open: state.open ? "1" : "",
    support: t(lang, "ws.support"),
    supported: t(lang, "ws.supported"),
    supports: t(lang, "ws.supports"),
    anonymous: t(lang, "ws.anonymous"),
  });
  const form = state.open
    ? html`<form method="post" action="/s/${event.code}/proposals" id="${WORKSHOP_ID.form}" class="q"${raw(formData)} novalidate>
<input type="hidden" name="clientId" value="${state.clientId}">
<label for="text" class="lbl">${t(lang, "ws.text_label")}</label>${textError(lang, state.errors)}
<textarea id="text" name="text" rows="4" maxlength="${PROPOSAL_MAX}" required aria-describedby="${WORKSHOP_ID.textError} h-text">${v.text ?? ""}</textarea><p class="hint" id="h-text">${t(lang, "page.chars_max", { max: PROPOSAL_MAX })}</p>
<fieldset class="sub"><legend>${t(lang, "ws.addressee_legend")}</legend>${fieldError(lang, state.errors, "addressee")}<div class="scale">${radios}</div></fieldset>
<details${raw(v.authorName || v.authorUnit ? " open" : "")}><summary>${t(lang, "ws.author_summary")}</summary>
<label for="authorName">${t(lang, "ws.name_label")}</label><input id="authorName" name="authorName" maxlength="${AUTHOR_MAX}" value="${v.authorName ?? ""}" autocomplete="name">
<label for="authorUnit">${t(lang, "ws.unit_label")}</label><input id="authorUnit" name="authorUnit" maxlength="${AUTHOR_MAX}" value="${v.authorUnit ?? ""}"></details>
<p id="${WORKSHOP_ID.status}"${raw(state.sent ? ' class="ok"' : "")} role="status" aria-live="polite">${state.sent ? t(lang, "ws.sent") : ""}</p>
<button type="submit" class="send">${t(lang, "ws.submit")}</button></form>`
    : html`<p class="alert">${t(lang, "ws.closed_note")}</p>`;
  const sortLink = (s: "new" | "top") =>
    html`<a href="/s/${event.code}?sort=${s}#list"${raw(state.sort === s ? ' aria-current="true"' : "")}>${t(lang, s === "new" ? "ws.sort_new" : "ws.sort_top")}</a>`;
  const body = html`<h1>${event.title}</h1><p class="event">${event.unitName}</p>
${event.question ? html`<p class="question">${event.question}</p>` : ""}<p>${t(lang, "ws.intro")}</p>
${state.errors ? html`<p class="alert" role="alert">${t(lang, "ws.fix_errors")}</p>` : ""}${form}
<h2 id="list">${t(lang, "ws.list_title")} <span id="${WORKSHOP_ID.count}">(${list.total})</span></h2><nav class="sort">${sortLink("new")}${sortLink("top")}</nav>${
    // Never a silent cut: the page says how many it shows of how many, and offers the rest.
    proposals.length < list.total
      ? html`<p class="hint" id="${WORKSHOP_ID.shown}">${t(lang, state.sort === "top" ? "ws.shown_top" : "ws.shown_new", { n: proposals.length, total: list.total })}</p>`
      : ""
  }
<ul id="${WORKSHOP_ID.list}" class="props"${raw(listData)}>${
    proposals.length === 0
      ? html`<li class="empty">${t(lang, "ws.empty")}</li>`
      : proposals.map((p) => item(lang, event.code, p, supported.has(p.id), state))
  }</ul>${
    proposals.length < list.total && !state.all
      ? html`<p class="sort"><a href="/s/${event.code}?sort=${state.sort}&amp;all=1#list">${t(lang, "ws.show_all", { total: list.total })}</a></p>`
      : ""
  }`;
  return layout(lang, event.title, body, { script: "workshop", langHref: `/s/${event.code}` });
}
