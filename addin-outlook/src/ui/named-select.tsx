import { Field, Select } from '@fluentui/react-components';

/** A list to pick one of several named things (a team, a person, a webhook), or none. */
export function NamedSelect(props: {
  label: string;
  value: string;
  /** The first option, meaning none: "No team", "Choose a webhook". */
  none: string;
  items: ReadonlyArray<{ id: string; name: string }>;
  required?: boolean;
  onChange: (id: string) => void;
}) {
  return (
    <Field label={props.label} required={props.required ?? false}>
      <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        <option value="">{props.none}</option>
        {props.items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
