// A person's name, birth year and position as the register asks them: on the register page and when a newcomer joins a class.
import { POSITIONS, type Position, positionKey } from "../../worker/domain/people";
import { t } from "../i18n";
import { Field } from "./Field";

export interface PersonDraft {
  name: string;
  birthYear: string;
  position: Position;
}

export const emptyPerson = (): PersonDraft => ({ name: "", birthYear: "", position: "branch_head" });

/** The draft as the API takes it. */
export const personBody = (d: PersonDraft): { name: string; birthYear: number; position: Position } => ({
  name: d.name,
  birthYear: Number(d.birthYear),
  position: d.position,
});

export function PersonFields(props: {
  /** Prefix of the inputs' ids, one per form on a page. */
  id: string;
  value: PersonDraft;
  onChange: (d: PersonDraft) => void;
  errors?: Record<string, string>;
}) {
  const { id, value, onChange } = props;
  const errors = props.errors ?? {};
  return (
    <>
      <Field id={`${id}-name`} label={t("people.col_name")} error={errors.name}>
        <input
          id={`${id}-name`}
          required
          maxLength={120}
          value={value.name}
          onInput={(e) => onChange({ ...value, name: e.currentTarget.value })}
        />
      </Field>
      <Field id={`${id}-year`} label={t("people.col_birth_year")} error={errors.birthYear}>
        <input
          id={`${id}-year`}
          required
          inputMode="numeric"
          maxLength={4}
          value={value.birthYear}
          onInput={(e) => onChange({ ...value, birthYear: e.currentTarget.value })}
        />
      </Field>
      <Field id={`${id}-position`} label={t("people.col_position")} error={errors.position}>
        <PositionSelect
          id={`${id}-position`}
          value={value.position}
          onChange={(position) => onChange({ ...value, position })}
        />
      </Field>
    </>
  );
}

/** The register's positions, in the product's words: what it gives back is one of them. */
export function PositionSelect(props: {
  id: string;
  value: Position;
  onChange: (position: Position) => void;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => {
        const picked = e.currentTarget.value;
        const position = POSITIONS.find((p) => p === picked);
        if (position) props.onChange(position);
      }}
    >
      {POSITIONS.map((p) => (
        <option key={p} value={p}>
          {t(positionKey(p))}
        </option>
      ))}
    </select>
  );
}
