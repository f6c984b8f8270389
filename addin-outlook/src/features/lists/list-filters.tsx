import { Button, Checkbox, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import {
  ACTIVITY_TYPE_NAMES,
  CASE_STATUS_NAMES,
  DEAL_OUTCOME_NAMES,
  PRIORITY_NAMES,
  type ListName,
  type PipelineStage,
  type User,
} from '@inbox-crm/shared/client';
import { useServices } from '../../ui/services.js';
import { CONSENT_FILTER_CHOICES } from '../consent/consent-words.js';
import { useRequest } from '../../ui/use-request.js';

/** A list's query as its filters edit it: values by parameter name. */
export type FilterValues = Record<string, string | string[] | boolean | undefined>;

const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  search: { flexGrow: 1, minWidth: '12rem', maxWidth: '24rem' },
  choice: { minWidth: '9rem', maxWidth: '100%' },
});

interface Option {
  value: string;
  label: string;
}

/** A select over one parameter; several values travel as one option `a,b` ("Unresolved"). */
export function FilterSelect(props: {
  label: string;
  value: string | string[] | undefined;
  any: string;
  options: Option[];
  onChange: (value: string | string[] | undefined) => void;
}) {
  const styles = useStyles();
  const current = Array.isArray(props.value) ? props.value.join(',') : (props.value ?? '');
  return (
    <Field label={props.label} className={styles.choice}>
      <Select
        value={current}
        onChange={(_, data) => {
          const values = data.value.split(',').filter(Boolean);
          props.onChange(values.length === 0 ? undefined : values.length === 1 ? values[0] : values);
        }}
      >
        <option value="">{props.any}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {current !== '' && !props.options.some((option) => option.value === current) && (
          <option value={current}>Chosen in the link</option>
        )}
      </Select>
    </Field>
  );
}

export function ownerOptions(user: User, people: readonly User[]): Option[] {
  return [
    { value: 'me', label: 'Me' },
    ...(user.teamId ? [{ value: 'team', label: 'My team' }] : []),
    ...people
      .filter((person) => person.id !== user.id)
      .map((person) => ({ value: person.id, label: person.name })),
  ];
}

const named = (names: Record<string, string>): Option[] =>
  Object.entries(names).map(([value, label]) => ({ value, label }));

/** The search box: the list follows what is typed once typing pauses. */
export function SearchBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string | undefined) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = setTimeout(() => onChange(text.trim() || undefined), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <Field label="Search" className={styles.search}>
      <Input
        type="search"
        value={text}
        onChange={(_, data) => setText(data.value)}
        placeholder="Names start with…"
      />
    </Field>
  );
}

/** The filters a list offers, each writing one parameter of its query. */
export function ListFilters(props: {
  list: ListName;
  values: FilterValues;
  onChange: (patch: FilterValues) => void;
  onClear?: () => void;
}) {
  const styles = useStyles();
  const { api, user } = useServices();
  const { list, values, onChange } = props;
  const people = useRequest('users', () => api.users());
  const stages = useRequest(list === 'opportunities' ? 'stages' : 'no-stages', () =>
    list === 'opportunities' ? api.pipelineStages() : Promise.resolve([] as PipelineStage[]),
  );
  const peopleList = people.state.status === 'done' ? people.state.data.items : [];
  const ownerKey = list === 'tasks' ? 'assignee' : 'owner';
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);

  /** A filter whose choices are a fixed set of codes, each shown by its name. */
  const namedChoice = (key: string, label: string, any: string, names: Record<string, string>) => (
    <FilterSelect
      key={key}
      label={label}
      any={any}
      value={values[key] as string | string[] | undefined}
      options={named(names)}
      onChange={(value) => onChange({ [key]: value })}
    />
  );

  const controls: ReactNode[] = [
    <SearchBox key="q" value={text('q') ?? ''} onChange={(q) => onChange({ q })} />,
    <FilterSelect
      key={ownerKey}
      label={list === 'tasks' ? 'Assigned to' : 'Owner'}
      any="Anyone"
      value={text(ownerKey)}
      options={ownerOptions(user, peopleList)}
      onChange={(value) => onChange({ [ownerKey]: value })}
    />,
  ];
  if (list === 'contacts') {
    controls.push(namedChoice('consent', 'Consent', 'Any consent', CONSENT_FILTER_CHOICES));
  }
  if (list === 'opportunities') {
    const stageList = stages.state.status === 'done' ? stages.state.data : [];
    controls.push(
      <FilterSelect
        key="stageId"
        label="Stage"
        any="Any stage"
        value={values.stageId as string | string[] | undefined}
        options={stageList.map((stage) => ({ value: stage.id, label: stage.name }))}
        onChange={(stageId) => onChange({ stageId })}
      />,
      namedChoice('status', 'Outcome', 'Any outcome', DEAL_OUTCOME_NAMES),
      <Field key="closeFrom" label="Closing from" className={styles.choice}>
        <Input
          type="date"
          value={text('closeFrom') ?? ''}
          onChange={(_, data) => onChange({ closeFrom: data.value || undefined })}
        />
      </Field>,
      <Field key="closeTo" label="Closing by" className={styles.choice}>
        <Input
          type="date"
          value={text('closeTo') ?? ''}
          onChange={(_, data) => onChange({ closeTo: data.value || undefined })}
        />
      </Field>,
    );
  }
  if (list === 'cases') {
    controls.push(
      <FilterSelect
        key="status"
        label="Status"
        any="Any status"
        value={values.status as string | string[] | undefined}
        options={[{ value: 'new,open,pending', label: 'Unresolved' }, ...named(CASE_STATUS_NAMES)]}
        onChange={(status) => onChange({ status })}
      />,
    );
  }
  if (list === 'cases' || list === 'tasks') {
    const { urgent, ...taskPriorities } = PRIORITY_NAMES;
    const priorities = list === 'tasks' ? taskPriorities : { ...taskPriorities, urgent };
    controls.push(namedChoice('priority', 'Priority', 'Any priority', priorities));
  }
  if (list === 'tasks') {
    const show =
      values.overdue === true
        ? 'overdue'
        : values.done === true
          ? 'done'
          : values.done === false
            ? 'open'
            : '';
    controls.push(
      <Field key="show" label="Show" className={styles.choice}>
        <Select
          value={show}
          onChange={(_, data) =>
            onChange({
              overdue: data.value === 'overdue' ? true : undefined,
              done: data.value === 'open' ? false : data.value === 'done' ? true : undefined,
            })
          }
        >
          <option value="">Open and done</option>
          <option value="open">Open</option>
          <option value="overdue">Overdue</option>
          <option value="done">Done</option>
        </Select>
      </Field>,
    );
  }
  if (list === 'activities') {
    controls.push(namedChoice('type', 'Kind', 'Any kind', ACTIVITY_TYPE_NAMES));
  }
  // The activities list shows live activities only: it has no trash to look into.
  if (list !== 'activities') {
    controls.push(
      <Checkbox
        key="deleted"
        label="Deleted"
        checked={values.deleted === true}
        onChange={(_, data) => onChange({ deleted: data.checked === true ? true : undefined })}
      />,
    );
  }
  return (
    <div className={styles.bar} role="search" aria-label="Filters">
      {controls}
      {props.onClear && (
        <Button appearance="subtle" onClick={props.onClear}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
