// A choice of one of the caller's units, as the staff forms ask it (an optional first "none" choice).
export function UnitSelect(props: {
  id?: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  units: readonly { id: number; name: string }[];
  none?: string;
}) {
  return (
    <select
      id={props.id}
      aria-label={props.id === undefined ? props.label : undefined}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    >
      {props.none === undefined ? null : <option value="">{props.none}</option>}
      {props.units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}
