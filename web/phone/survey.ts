// Phone survey enhancement: keeps answers on the phone until the server confirms, retries with the same clientId.
// Plain DOM and no dependencies: the whole phone page must fit in one TCP window (14.6 KB gzip).
import type { ErrorBody } from "../../worker/phone/contract";
import {
  ANSWER_FIELD,
  questionBoxId,
  questionErrorId,
  SURVEY_FIELD,
  SURVEY_ID,
  type SurveyData,
} from "../../worker/phone/surveyContract";

interface Pending {
  clientId: string;
  role: string;
  answers: Record<string, number | string | string[]>;
  elapsedMs?: number;
  /** The server's signed stamp of when it served the page: it measures the time itself. */
  shownAt?: string;
}

const form = document.getElementById(SURVEY_ID.form);
if (form instanceof HTMLFormElement) enhance(form);

/** Letters without their marks, so "ba vi" finds "Ba Vì". */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();

/**
 * A long unit list gets a box above it: typing narrows the list to the units whose name holds
 * what she typed, and a single match is chosen. Without the script the list works as it is.
 */
function searchable(select: HTMLSelectElement, placeholder: string): void {
  const box = document.createElement("input");
  box.type = "search";
  box.className = "unit-find";
  box.placeholder = placeholder;
  box.setAttribute("aria-label", placeholder);
  select.before(box);
  box.addEventListener("input", () => {
    const wanted = fold(box.value.trim());
    const shown = Array.from(select.options).filter((o) => {
      const match = o.value === "" || fold(o.text).includes(wanted);
      o.hidden = !match;
      return match && o.value !== "";
    });
    if (shown.length === 1 && shown[0]) select.value = shown[0].value;
  });
}

function enhance(form: HTMLFormElement): void {
  const data = (name: SurveyData) => form.dataset[name] ?? "";
  for (const select of Array.from(form.querySelectorAll<HTMLSelectElement>("select.unit"))) {
    if (select.options.length > 8) searchable(select, data("findUnit"));
  }
  const code = data("code");
  const key = `gy:${code}`;
  const idKey = `gy:id:${code}`;
  const status = document.getElementById(SURVEY_ID.status);
  const button = form.querySelector("button");
  const hidden = form.elements.namedItem("clientId");
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const store = {
    get(k: string): string | null {
      try {
        return localStorage.getItem(k);
      } catch {
        return null;
      }
    },
    set(k: string, v: string): void {
      try {
        localStorage.setItem(k, v);
      } catch {
        // Private mode or full storage: the answer still goes out, only without a safety copy.
      }
    },
    remove(k: string): void {
      try {
        localStorage.removeItem(k);
      } catch {}
    },
  };

  // Phones that drop cookies keep their clientId here, so a reload cannot make a second response.
  const savedId = store.get(idKey);
  if (hidden instanceof HTMLInputElement) {
    // Another person on a shared phone starts a response of her own: the page's new id wins.
    if (savedId && data("fresh") !== "1") hidden.value = savedId;
    else store.set(idKey, hidden.value);
  }
  const clientId = hidden instanceof HTMLInputElement ? hidden.value : "";

  // Time spent answering goes with the answers: a form sent within seconds is set aside from scores.
  const openedAt = Date.now();
  let attempt = 0;
  let timer = 0;
  let sending = false;

  function collect(): Pending {
    const answers: Record<string, number | string | string[]> = {};
    let role = "trainee";
    for (const el of Array.from(form.elements)) {
      if (
        !(
          el instanceof HTMLInputElement ||
          el instanceof HTMLTextAreaElement ||
          el instanceof HTMLSelectElement
        )
      )
        continue;
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox") && !el.checked)
        continue;
      if (el.name === SURVEY_FIELD.role) role = el.value;
      const id = ANSWER_FIELD.exec(el.name)?.[1];
      if (!id || el.value.trim() === "") continue;
      const type = el.closest<HTMLElement>("[data-type]")?.dataset.type;
      const before = answers[id];
      // Ticked boxes make a list; ratings and units are numbers, as the API takes them.
      if (type === "multi") answers[id] = [...(Array.isArray(before) ? before : []), el.value];
      else answers[id] = type === "rating" || type === "unit" ? Number(el.value) : el.value;
    }
    const served = form.elements.namedItem(SURVEY_FIELD.servedAt);
    return {
      clientId,
      role,
      answers,
      elapsedMs: Math.max(0, Date.now() - openedAt),
      ...(served instanceof HTMLInputElement ? { shownAt: served.value } : {}),
    };
  }

  function restore(p: Pending): void {
    for (const [id, value] of Object.entries(p.answers)) {
      const fields = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
        `[name="a${id}"]`,
      );
      for (const f of Array.from(fields)) {
        if (f instanceof HTMLInputElement && f.type === "checkbox")
          f.checked = Array.isArray(value) && value.includes(f.value);
        else if (f instanceof HTMLInputElement && f.type === "radio") f.checked = f.value === String(value);
        else f.value = String(value);
      }
    }
    const role = form.querySelector<HTMLInputElement>(`input[name="role"][value="${p.role}"]`);
    if (role) role.checked = true;
  }

  function showError(id: string, text: string | null): void {
    const box = document.getElementById(questionBoxId(id));
    const err = document.getElementById(questionErrorId(id));
    box?.classList.toggle("bad", text !== null);
    if (err) {
      err.hidden = text === null;
      if (text) err.textContent = text;
    }
    if (text) box?.setAttribute("aria-describedby", questionErrorId(id));
  }

  // "Chọn nhiều nhất 3": a fourth box is refused as it is ticked, and the question says why.
  form.addEventListener("change", (e) => {
    const box = e.target;
    if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") return;
    const field = box.closest<HTMLElement>("fieldset[data-max]");
    const max = Number(field?.dataset.max || Number.NaN);
    if (!field || !Number.isInteger(max)) return;
    const ticked = field.querySelectorAll("input[type=checkbox]:checked").length;
    const id = field.id.slice(1);
    if (box.checked && ticked > max) {
      box.checked = false;
      showError(id, field.dataset.tooMany ?? "");
    } else if (ticked <= max) {
      showError(id, null);
    }
  });

  /** The first question the page marked wrong, brought into view with its first box focused. */
  function showFirstBad(): void {
    const first = form.querySelector<HTMLElement>(".q.bad");
    first?.scrollIntoView({ block: "center" });
    first?.querySelector<HTMLElement>("input, textarea, select")?.focus({ preventScroll: true });
  }

  function missing(p: Pending): string[] {
    const ids: string[] = [];
    for (const box of Array.from(form.querySelectorAll<HTMLElement>(".q[data-required='1']"))) {
      const id = box.id.slice(1);
      const ok = p.answers[id] !== undefined;
      showError(id, ok ? null : (document.getElementById(questionErrorId(id))?.textContent ?? ""));
      if (!ok) ids.push(id);
    }
    return ids;
  }

  function thanks(): void {
    store.remove(key);
    const main = document.getElementById(SURVEY_ID.main);
    if (!main) return;
    // The thank-you names the class, as the page after a plain form post does.
    const title = document.createElement("p");
    title.className = "event";
    title.textContent = main.querySelector("h1")?.textContent ?? "";
    const box = document.createElement("div");
    box.className = "done";
    box.setAttribute("role", "status");
    const h = document.createElement("h1");
    h.textContent = data("thanks");
    const p = document.createElement("p");
    p.textContent = data("thanksText");
    box.append(h, p);
    const next = document.createElement("a");
    next.className = "button";
    next.href = `/s/${code}?another=1`;
    next.textContent = data("another");
    main.replaceChildren(title, box, next);
    window.scrollTo(0, 0);
  }

  function retryLater(offline: boolean): void {
    say(data(offline ? "offline" : "retrying"));
    if (button) button.disabled = false;
    clearTimeout(timer);
    attempt++;
    timer = window.setTimeout(send, Math.min(30_000, 1000 * 2 ** attempt));
  }

  async function send(): Promise<void> {
    const raw = store.get(key);
    if (!raw || sending) return;
    const p: Pending = JSON.parse(raw);
    sending = true;
    if (button) button.disabled = true;
    say(data("sending"));
    const ctrl = new AbortController();
    const abort = window.setTimeout(() => ctrl.abort(), 15_000);
    try {
      const res = await fetch(`/api/public/events/${code}/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": document.documentElement.lang },
        body: raw,
        signal: ctrl.signal,
      });
      if (res.ok || res.status === 422) {
        // 422: this phone's answer was already stored earlier (a lost confirmation); nothing to resend.
        thanks();
      } else if (res.status === 410 || res.status === 404) {
        store.remove(key);
        location.reload();
      } else if (res.status === 429) {
        // Limited: say why, keep the answers, and try again only if the limit has an end.
        const body: ErrorBody | null = await res.json().catch(() => null);
        const wait = Number(res.headers.get("Retry-After"));
        if (button) button.disabled = false;
        say(body?.error?.message ?? "");
        if (wait > 0) timer = window.setTimeout(send, wait * 1000);
      } else if (res.status === 400) {
        store.remove(key);
        const body: ErrorBody = await res.json();
        for (const [field, text] of Object.entries(body.error?.fields ?? {})) {
          const id = /^answers\.(\d+)$/.exec(field)?.[1];
          if (id) showError(id, text);
        }
        say(data("fix"));
        if (button) button.disabled = false;
        restore(p);
        showFirstBad();
      } else {
        retryLater(false);
      }
    } catch {
      retryLater(!navigator.onLine);
    } finally {
      clearTimeout(abort);
      sending = false;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = collect();
    const bad = missing(p);
    if (bad.length > 0) {
      say(data("fix"));
      showFirstBad();
      return;
    }
    store.set(key, JSON.stringify(p));
    attempt = 0;
    void send();
  });

  window.addEventListener("online", () => {
    attempt = 0;
    void send();
  });

  // Answers left from a visit that lost its network: put them back and send them.
  const left = store.get(key);
  if (left) {
    try {
      const saved: Pending = JSON.parse(left);
      restore(saved);
      void send();
    } catch {
      store.remove(key);
    }
  }
}
