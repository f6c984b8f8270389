import { Checkbox } from '@fluentui/react-components';

interface Props {
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
  /** What is being filed or logged: one email or meeting, or several emails. */
  count?: 'one' | 'several';
}

/** Filing or logging privately: who can read it then, in the words every form uses. */
export function PrivateChoice({ checked, disabled, onChange, count = 'one' }: Props) {
  return (
    <Checkbox
      checked={checked}
      disabled={disabled}
      label={`Private: only I, my manager and admins can read ${count === 'one' ? 'it' : 'them'}`}
      onChange={(_, data) => onChange(data.checked === true)}
    />
  );
}
