// A date, date-and-time or month field written day first (30/11/2026) whatever the browser's language.
import { useEffect, useRef, useState } from "preact/hooks";
import { type DateKind, dateText, parseDateText } from "../../worker/domain/time";
import { t } from "../i18n";

const PLACEHOLDER = {
  date: "date.placeholder",
  datetime: "date.placeholder_time",
  month: "date.placeholder_month",
} as const;

/**
 * Takes and gives the value the native input would (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`, `YYYY-MM`),
 * so forms and the API are unchanged; with a `name`, a hidden field carries it in form posts.
 * Text that is not a date blocks the form with a message saying how to write one.
 */
export function DateInput(props: {
  kind: DateKind;
  id?: string;
  name?: string;
  value?: string;
  defaultValue?: string;
  required?: boolean;
  onValue?: (value: string) => void;
}) {
  const { kind } = props;
  const [text, setText] = useState(() => dateText(props.value ?? props.defaultValue ?? "", kind));
  const input = useRef<HTMLInputElement>(null);
  const parsed = parseDateText(text, kind);
  // A value set from outside (defaults, a reset) replaces the text unless the text already says it.
  useEffect(() => {
    if (props.value !== undefined && props.value !== parsed) setText(dateText(props.value, kind));
  }, [props.value]);
  useEffect(() => {
    input.current?.setCustomValidity(text.trim() !== "" && parsed === null ? t(`date.invalid_${kind}`) : "");
  }, [text, parsed, kind]);
  return (
    <>
      <input
        ref={input}
        id={props.id}
        type="text"
        inputMode={kind === "datetime" ? "text" : "numeric"}
        autoComplete="off"
        placeholder={t(PLACEHOLDER[kind])}
        required={props.required}
        value={text}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const value = parseDateText(next, kind);
          if (value !== null || next.trim() === "") props.onValue?.(value ?? "");
        }}
      />
      {props.name ? <input type="hidden" name={props.name} value={parsed ?? ""} /> : null}
    </>
  );
}
