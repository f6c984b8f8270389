import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import {
  CASE_STATUS_NAMES,
  PRIORITY_NAMES,
  type PipelineStage,
  type Team,
  type User,
} from '@inbox-crm/shared/client';
import { RecordPicker } from './record-picker.js';
import type { Draft, FieldErrors, FieldSpec } from './record-fields.js';

/** Currencies offered for an amount; a record's own is offered too if it is not among them. */
const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'INR',
  'SGD',
  'ZAR',
  'BRL',
  'MXN',
];

export interface FieldChoices {
  people: readonly User[];
  stages: readonly PipelineStage[];
  teams: readonly Team[];
}

/** One field of a record form: its control, its hint, and the server's refusal beside it. */
function FormField(props: {
  spec: FieldSpec;
  value: string;
  error: string | undefined;
  choices: FieldChoices;
  onChange: (value: string) => void;
}) {
  const { spec, value, onChange, choices } = props;
  const control = (() => {
    switch (spec.kind) {
      case 'textarea':
        return <Textarea value={value} resize="vertical" onChange={(_, data) => onChange(data.value)} />;
      case 'lines':
        return (
          <Textarea value={value} rows={3} resize="vertical" onChange={(_, data) => onChange(data.value)} />
        );
      case 'owner':
        return (
          <Select value={value} onChange={(_, data) => onChange(data.value)}>
            <option value="">Nobody</option>
            {choices.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        );
      case 'team':
        return (
          <Select value={value} onChange={(_, data) => onChange(data.value)}>
            <option value="">No queue</option>
            {choices.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        );
      case 'account':
      case 'contact':
        return <RecordPicker type={spec.kind} value={value} onChange={onChange} />;
      case 'stage':
        return (
          <Select value={value} onChange={(_, data) => onChange(data.value)}>
            {value === '' && <option value="">The pipeline’s first stage</option>}
            {choices.stages.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </Select>
        );
      case 'caseStatus':
        return (
          <Select value={value} onChange={(_, data) => onChange(data.value)}>
            {Object.entries(CASE_STATUS_NAMES).map(([status, name]) => (
              <option key={status} value={status}>
                {name}
              </option>
            ))}
          </Select>
        );
      case 'priority':
        return (
          <Select value={value} onChange={(_, data) => onChange(data.value)}>
            {Object.entries(PRIORITY_NAMES).map(([priority, name]) => (
              <option key={priority} value={priority}>
                {name}
              </option>
            ))}
          </Select>
        );
      case 'currency':
        return (
          <Select value={value} onChange={(_, data) => onChange(data.value)}>
            <option value="">None</option>
            {[...new Set([...CURRENCIES, ...(value ? [value] : [])])].map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </Select>
        );
      case 'date':
        return <Input type="date" value={value} onChange={(_, data) => onChange(data.value)} />;
      case 'amount':
        return <Input inputMode="decimal" value={value} onChange={(_, data) => onChange(data.value)} />;
      case 'percent':
        return <Input inputMode="numeric" value={value} onChange={(_, data) => onChange(data.value)} />;
      default:
        return <Input value={value} onChange={(_, data) => onChange(data.value)} />;
    }
  })();
  return (
    <Field
      label={spec.label}
      required={spec.required ?? false}
      {...(props.error ? { validationMessage: props.error } : spec.hint ? { hint: spec.hint } : {})}
    >
      {control}
    </Field>
  );
}

/** Every field of a record form. */
export function RecordFormFields(props: {
  fields: readonly FieldSpec[];
  draft: Draft;
  errors: FieldErrors;
  choices: FieldChoices;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <>
      {props.fields.map((spec) => (
        <FormField
          key={spec.key}
          spec={spec}
          value={props.draft[spec.key] ?? ''}
          error={props.errors[spec.key]}
          choices={props.choices}
          onChange={(value) => props.onChange(spec.key, value)}
        />
      ))}
    </>
  );
}
