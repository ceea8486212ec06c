// Questions the staff app asks in a page dialog (not the browser's prompt/confirm): Vietnamese, keyboard-friendly, current value filled in.
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";

interface TextQuestion {
  kind: "text";
  title: string;
  label: string;
  value?: string;
  /** An empty answer is refused by the form itself. */
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  confirm: string;
}

interface YesNoQuestion {
  kind: "confirm";
  title: string;
  message: string;
  confirm: string;
  danger?: boolean;
}

type Pending = (TextQuestion | YesNoQuestion) & { resolve: (answer: string | null) => void };

/**
 * `const ask = useAsk()`, then `await ask.text({...})` (the text, or null when cancelled) or
 * `await ask.confirm({...})` (true or false); render `ask.dialog` once in the page.
 */
export function useAsk() {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!pending || !d || d.open) return;
    d.showModal();
    // A step that cannot be undone starts on "Hủy": Enter pressed by reflex changes nothing.
    if (pending.kind === "confirm" && pending.danger) d.querySelector<HTMLElement>("[data-cancel]")?.focus();
  }, [pending]);
  const finish = (answer: string | null) => {
    pending?.resolve(answer);
    setPending(undefined);
    ref.current?.close();
  };
  const dialog = pending ? (
    <dialog
      ref={ref}
      class="ask"
      aria-labelledby="ask-title"
      onCancel={(e) => {
        e.preventDefault();
        finish(null);
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get("answer");
          finish(pending.kind === "text" ? String(value ?? "").trim() : "yes");
        }}
      >
        <h2 id="ask-title">{pending.title}</h2>
        {pending.kind === "text" ? (
          <>
            <label for="ask-answer">{pending.label}</label>
            {pending.multiline ? (
              <textarea
                id="ask-answer"
                name="answer"
                rows={4}
                required={pending.required}
                maxLength={pending.maxLength}
                defaultValue={pending.value ?? ""}
                autoFocus
              />
            ) : (
              <input
                id="ask-answer"
                name="answer"
                required={pending.required}
                maxLength={pending.maxLength}
                defaultValue={pending.value ?? ""}
                autoFocus
              />
            )}
          </>
        ) : (
          <p>{pending.message}</p>
        )}
        <div class="row-actions">
          <button type="submit" class={pending.kind === "confirm" && pending.danger ? "danger" : undefined}>
            {pending.confirm}
          </button>
          <button type="button" class="secondary" data-cancel="" onClick={() => finish(null)}>
            {t("app.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  ) : null;
  return {
    dialog,
    text: (q: Omit<TextQuestion, "kind">) =>
      new Promise<string | null>((resolve) => setPending({ ...q, kind: "text", resolve })),
    confirm: (q: Omit<YesNoQuestion, "kind">) =>
      new Promise<boolean>((resolve) =>
        setPending({ ...q, kind: "confirm", resolve: (a) => resolve(a !== null) }),
      ),
  };
}
