import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { OPERATOR_WORDS } from './rule-words.js';
import type { CatalogueField, ConditionDraft } from './rule-draft.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

/** A value input fitting the field: a list for choices and stages, text otherwise. */
export function ValueInput(props: {
  label: string;
  field: CatalogueField | undefined;
  stages: readonly string[];
  value: string;
  anyLabel?: string;
  onChange: (value: string) => void;
}) {
  const options =
    props.field?.kind === 'stage'
      ? props.stages
      : props.field?.kind === 'boolean'
        ? ['true', 'false']
        : props.field?.choices;
  return (
    <Field label={props.label}>
      {options ? (
        <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
          <option value="">{props.anyLabel ?? 'Choose'}</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          value={props.value}
          placeholder={props.anyLabel}
          onChange={(_, data) => props.onChange(data.value)}
        />
      )}
    </Field>
  );
}

/** One condition: a field, how it compares, and with what. */
export function ConditionEditor(props: {
  index: number;
  condition: ConditionDraft;
  fields: readonly CatalogueField[];
  stages: readonly string[];
  onChange: (condition: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { condition } = props;
  const field = props.fields.find((candidate) => candidate.name === condition.field);
  const needsValue = condition.operator !== 'is_set' && condition.operator !== 'is_not_set';
  return (
    <div className={styles.row} role="group" aria-label={`Condition ${props.index + 1}`}>
      <Field label="Field">
        <Select
          value={condition.field}
          onChange={(_, data) => props.onChange({ field: data.value, operator: 'equals', text: '' })}
        >
          {props.fields.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Compare">
        <Select
          value={condition.operator}
          onChange={(_, data) =>
            props.onChange({ ...condition, operator: data.value as ConditionDraft['operator'] })
          }
        >
          {(field?.operators ?? []).map((operator) => (
            <option key={operator} value={operator}>
              {OPERATOR_WORDS[operator]}
            </option>
          ))}
        </Select>
      </Field>
      {needsValue && (
        <ValueInput
          label={condition.operator === 'in' ? 'Values (comma separated)' : 'Value'}
          field={condition.operator === 'in' ? undefined : field}
          stages={props.stages}
          value={condition.text}
          onChange={(text) => props.onChange({ ...condition, text })}
        />
      )}
      <Button size="small" appearance="subtle" onClick={props.onRemove}>
        Remove
      </Button>
    </div>
  );
}
