// Workshop page enhancement: proposals kept on the phone until confirmed, supports without reload, live list.
// Plain DOM and no dependencies, like the survey script: the page must fit in one TCP window.

import type { PublicProposal } from "../../worker/domain/proposal";
import type { ErrorBody } from "../../worker/phone/contract";
import {
  type ProposalFormData,
  type ProposalListData,
  WORKSHOP_CLASS,
  WORKSHOP_ID,
} from "../../worker/phone/workshopContract";

interface Body {
  clientId: string;
  text: string;
  addressee: string;
  authorName: string;
  authorUnit: string;
}

type Item = Pick<PublicProposal, "id" | "text" | "supports" | "authorName" | "authorUnit">;

const form = document.getElementById(WORKSHOP_ID.form);
const list = document.getElementById(WORKSHOP_ID.list);
const words = (name: ProposalFormData) => form?.dataset[name] ?? "";
const labels = (name: ProposalListData) => list?.dataset[name] ?? "";
const code = form instanceof HTMLFormElement ? words("code") : (location.pathname.split("/")[2] ?? "");
const pendingKey = `gy:ws:${code}`;
const supportedKey = `gy:sup:${code}`;

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    const stored: T | null = raw ? JSON.parse(raw) : null;
    return stored ?? fallback;
  } catch {
    return fallback;
  }
}
function save(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No storage (private mode): proposals still go out, only without a safety copy.
  }
}

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const say = (text: string, ok = false) => {
  const status = document.getElementById(WORKSHOP_ID.status);
  if (!status) return;
  status.textContent = text;
  status.classList.toggle("ok", ok);
};

const pending: Body[] = load(pendingKey, []);
const supported = new Set<number>(load(supportedKey, []));
let timer = 0;
let attempt = 0;

async function errorMessage(res: Response): Promise<string> {
  const body: ErrorBody | null = await res.json().catch(() => null);
  return body?.error?.message ?? "";
}

async function flush(): Promise<void> {
  window.clearTimeout(timer);
  while (pending.length > 0) {
    const body = pending[0];
    if (!body) break;
    say(words("sending"));
    let res: Response;
    try {
      res = await fetch(`/api/public/events/${code}/proposals`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": document.documentElement.lang },
        body: JSON.stringify(body),
      });
    } catch {
      // Offline or the signal dropped: keep it and try again later, with the same clientId.
      attempt++;
      say(words(navigator.onLine ? "retrying" : "offline"));
      timer = window.setTimeout(() => void flush(), Math.min(30_000, 1000 * 2 ** attempt));
      return;
    }
    attempt = 0;
    if (res.status >= 500) {
      timer = window.setTimeout(() => void flush(), 5000);
      return;
    }
    if (res.status === 429) {
      // Limited: say why; a limit that ends keeps the proposal for later, one that does not drops it.
      const wait = Number(res.headers.get("Retry-After"));
      say(await errorMessage(res));
      if (wait > 0) {
        timer = window.setTimeout(() => void flush(), wait * 1000);
        return;
      }
      pending.shift();
      save(pendingKey, pending);
      return;
    }
    pending.shift();
    save(pendingKey, pending);
    if (res.status === 400) {
      const err: ErrorBody | null = await res.json().catch(() => null);
      say(`${words("fix")} ${Object.values(err?.error?.fields ?? {}).join(" ")}`);
      return;
    }
    say(res.ok ? words("sent") : "", res.ok);
    void refresh();
  }
}

function item(p: Item): HTMLLIElement {
  const li = document.createElement("li");
  li.className = WORKSHOP_CLASS.proposal;
  li.id = `p${p.id}`;
  li.dataset.id = String(p.id);
  const text = document.createElement("p");
  text.className = "txt";
  text.textContent = p.text;
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [p.authorName, p.authorUnit].filter((x) => x).join(", ") || labels("anonymous");
  const sup = document.createElement("form");
  sup.className = WORKSHOP_CLASS.supportForm;
  sup.method = "post";
  sup.action = `/s/${code}/supports/${p.id}`;
  const button = document.createElement("button");
  button.type = "submit";
  button.className = WORKSHOP_CLASS.supportButton;
  const cnt = document.createElement("span");
  cnt.className = WORKSHOP_CLASS.count;
  sup.append(button, cnt);
  li.append(text, meta, sup);
  paint(li, p.supports);
  return li;
}

function paint(li: HTMLElement, supports: number): void {
  const id = Number(li.dataset.id);
  const button = li.querySelector("button");
  const cnt = li.querySelector(`.${WORKSHOP_CLASS.count}`);
  const mine = supported.has(id);
  if (button) {
    button.textContent = labels(mine ? "supported" : "support");
    button.disabled = mine || labels("open") !== "1";
    button.setAttribute("aria-pressed", String(mine));
  }
  if (cnt) cnt.textContent = (labels("supports") || "{n}").replace("{n}", String(supports));
}

async function refresh(): Promise<void> {
  if (!list || document.hidden) return;
  try {
    // As many as the page lists: its first few keep the page light, "see all" lists them all.
    const res = await fetch(
      `/api/public/events/${code}/proposals?sort=${labels("sort") || "new"}&limit=${labels("limit") || "300"}`,
    );
    if (!res.ok) return;
    const data: { items: Item[]; total: number } = await res.json();
    const known = new Map(
      Array.from(list.querySelectorAll<HTMLLIElement>(`li.${WORKSHOP_CLASS.proposal}`), (li) => [
        Number(li.dataset.id),
        li,
      ]),
    );
    // Items the server rendered keep their follow-up line; new ones are built here.
    const rows = data.items.map((p) => {
      const li = known.get(p.id) ?? item(p);
      if (!known.has(p.id)) li.classList.add(WORKSHOP_CLASS.fresh);
      paint(li, p.supports);
      return li;
    });
    if (rows.length > 0) list.replaceChildren(...rows);
    const count = document.getElementById(WORKSHOP_ID.count);
    if (count) count.textContent = `(${data.total})`;
    const shown = document.getElementById(WORKSHOP_ID.shown);
    if (shown)
      shown.textContent = labels("shown")
        .replace("{n}", String(rows.length))
        .replace("{total}", String(data.total));
  } catch {
    // The next poll will try again.
  }
}

if (form instanceof HTMLFormElement) {
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const text = String(data.get("text") ?? "").trim();
    const area = form.elements.namedItem("text");
    const error = document.getElementById(WORKSHOP_ID.textError);
    if (!text) {
      // Shown right above the box, where the person is looking, not by the button below.
      error?.removeAttribute("hidden");
      if (area instanceof HTMLTextAreaElement) {
        area.setAttribute("aria-invalid", "true");
        area.focus();
      }
      return;
    }
    error?.setAttribute("hidden", "");
    if (area instanceof HTMLTextAreaElement) area.removeAttribute("aria-invalid");
    const hidden = form.elements.namedItem("clientId");
    const clientId = hidden instanceof HTMLInputElement ? hidden.value : newId();
    pending.push({
      clientId,
      text,
      addressee: String(data.get("addressee") ?? "unsure"),
      authorName: String(data.get("authorName") ?? ""),
      authorUnit: String(data.get("authorUnit") ?? ""),
    });
    save(pendingKey, pending);
    // The next proposal from this phone is a new one, with its own id.
    if (hidden instanceof HTMLInputElement) hidden.value = newId();
    if (area instanceof HTMLTextAreaElement) area.value = "";
    void flush();
  });
}

list?.addEventListener("submit", (e) => {
  const target = e.target;
  if (!(target instanceof HTMLFormElement) || !target.classList.contains(WORKSHOP_CLASS.supportForm)) return;
  e.preventDefault();
  const li = target.closest("li");
  const id = Number(li?.dataset.id);
  if (!li || supported.has(id)) return;
  supported.add(id);
  save(supportedKey, [...supported]);
  paint(li, Number(li.querySelector(`.${WORKSHOP_CLASS.count}`)?.textContent?.match(/\d+/)?.[0] ?? 0) + 1);
  const device = words("device");
  void fetch(`/api/public/proposals/${id}/supports`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ clientId: device }),
  })
    .then(async (res) => {
      if (res.status === 429) say(await errorMessage(res));
      await refresh();
    })
    .catch(() => {
      // Not sent: let the person try again.
      supported.delete(id);
      save(supportedKey, [...supported]);
      void refresh();
    });
});

// Buttons the server already knows this phone pressed.
for (const b of Array.from(
  document.querySelectorAll<HTMLButtonElement>(`.${WORKSHOP_CLASS.supportButton}[aria-pressed=true]`),
)) {
  const id = Number(b.closest("li")?.dataset.id);
  if (id) supported.add(id);
}
window.addEventListener("online", () => void flush());
window.setInterval(() => void refresh(), 8000);
if (pending.length > 0) void flush();
