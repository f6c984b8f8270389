import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { Delay, User, WorkflowAssignee } from '@inbox-crm/shared/client';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  amount: { width: '6em' },
});

/** Whom an action is for: the owner, the owner's manager, or a named user. */
export function AssigneeField(props: {
  label: string;
  value: WorkflowAssignee;
  users: readonly User[];
  onChange: (value: WorkflowAssignee) => void;
}) {
  const selected = props.value.type === 'user' ? props.value.userId : props.value.type;
  return (
    <Field label={props.label}>
      <Select
        value={selected}
        onChange={(_, data) =>
          props.onChange(
            data.value === 'owner' || data.value === 'owner_manager'
              ? { type: data.value }
              : { type: 'user', userId: data.value },
          )
        }
      >
        <option value="owner">The record's owner</option>
        <option value="owner_manager">The owner's manager</option>
        {props.users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** How long: a number and a unit. */
export function DelayField(props: {
  label: string;
  value: Delay;
  units: readonly Delay['unit'][];
  onChange: (value: Delay) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={props.label}>
        <Input
          className={styles.amount}
          type="number"
          min={0}
          value={String(props.value.amount)}
          onChange={(_, data) =>
            props.onChange({ ...props.value, amount: Math.max(0, Math.round(Number(data.value) || 0)) })
          }
        />
      </Field>
      <Field label="Unit">
        <Select
          value={props.value.unit}
          onChange={(_, data) => props.onChange({ ...props.value, unit: data.value as Delay['unit'] })}
        >
          {props.units.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
