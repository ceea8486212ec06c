// A unit chosen by typing part of its name, marks or not ("bach mai" finds "Hội LHPN phường Bạch Mai"), for lists too long to scroll.
import { useId, useState } from "preact/hooks";
import { fold } from "../../worker/domain/text";

export function UnitPicker(props: {
  /** The input's id, when a visible label names it. */
  id?: string;
  label: string;
  /** The chosen unit's id, or "" for none. */
  value: string;
  onChange: (value: string) => void;
  units: readonly { id: number; name: string }[];
}) {
  const list = useId();
  const nameOf = (id: string) => props.units.find((u) => String(u.id) === id)?.name ?? "";
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? nameOf(props.value);
  const matches = (text: string) => {
    const key = fold(text.trim());
    return props.units.filter((u) => fold(u.name).includes(key));
  };
  const unknown = typed !== null && typed.trim() !== "" && matches(typed).length === 0;
  return (
    <>
      <input
        id={props.id}
        type="search"
        list={list}
        aria-label={props.label}
        autoComplete="off"
        value={shown}
        aria-invalid={unknown ? "true" : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setTyped(text);
          if (text.trim() === "") return props.onChange("");
          // A whole name (picked from the list, or typed out) chooses; so does the one unit a part names.
          const exact = props.units.find((u) => fold(u.name) === fold(text.trim()));
          const found = matches(text);
          const chosen = exact ?? (found.length === 1 ? found[0] : undefined);
          if (chosen) props.onChange(String(chosen.id));
        }}
        onBlur={() => setTyped(null)}
      />
      {/* Each option also carries its name without marks, so the browser's list filters on either. */}
      <datalist id={list}>
        {props.units.map((u) => (
          <option key={u.id} value={u.name} label={fold(u.name)} />
        ))}
      </datalist>
    </>
  );
}
