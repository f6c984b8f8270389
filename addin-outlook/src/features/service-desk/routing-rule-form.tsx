import { Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  PRIORITY_NAMES,
  type CasePriority,
  type RoutingActions,
  type RoutingRule,
  type Team,
  type WorkflowCatalogue,
} from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ConditionEditor } from '../workflow/condition-editor.js';
import {
  conditionOfDraft,
  draftOfCondition,
  newCondition,
  recordFields,
  type ConditionDraft,
} from './routing-draft.js';
import { RoutingTrialPanel } from './routing-trial.js';
import { ASSIGNMENT_WORDS, SUBJECT_WORDS, TEST_WORDS, type ConditionSubject } from './routing-words.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  condition: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  wide: { flexGrow: 1, minWidth: '12em' },
  // A list as wide as its longest choice would push a phone-wide page sideways.
  fit: { maxWidth: '100%', minWidth: 0 },
});

export interface RoutingChoices {
  catalogue: WorkflowCatalogue;
  teams: readonly Team[];
  people: ReadonlyArray<{ id: string; name: string }>;
}

/** One condition of a routing rule: what it looks at, the test, and what it looks for. */
function RoutingConditionEditor(props: {
  index: number;
  draft: ConditionDraft;
  catalogue: WorkflowCatalogue;
  onChange: (draft: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { draft } = props;
  const change = (part: Partial<ConditionDraft>) => props.onChange({ ...draft, ...part });
  const tests = TEST_WORDS[draft.on];
  const asksValue =
    !['account', 'account_field', 'contact_field'].includes(draft.on) &&
    !['present', 'any'].includes(draft.test);
  const isPattern = draft.test === 'matches' || draft.test === 'name_matches';
  const fieldCondition = draft.on === 'account_field' || draft.on === 'contact_field';
  return (
    <div className={styles.condition} role="group" aria-label={`Condition ${props.index + 1}`}>
      <div className={styles.row}>
        <Field label="Look at">
          <Select
            value={draft.on}
            onChange={(_, data) => {
              const on = data.value as ConditionSubject;
              props.onChange(newCondition(on, recordFields(props.catalogue, on)));
            }}
          >
            {(Object.keys(SUBJECT_WORDS) as ConditionSubject[]).map((on) => (
              <option key={on} value={on}>
                {SUBJECT_WORDS[on]}
              </option>
            ))}
          </Select>
        </Field>
        {draft.on === 'header' && (
          <Field label="Header name">
            <Input
              value={draft.name}
              placeholder="X-Priority"
              onChange={(_, data) => change({ name: data.value })}
            />
          </Field>
        )}
        {tests && (
          <Field label="Test">
            <Select value={draft.test} onChange={(_, data) => change({ test: data.value })}>
              {Object.entries(tests).map(([test, words]) => (
                <option key={test} value={test}>
                  {words}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {asksValue && (
          <Field
            label={
              draft.on === 'sender_domain' ? 'Domains (comma separated)' : isPattern ? 'Pattern' : 'Words'
            }
            className={styles.wide}
          >
            <Input
              value={draft.value}
              placeholder={isPattern ? 'e.g. invoice\\s+\\d+' : undefined}
              onChange={(_, data) => change({ value: data.value })}
            />
          </Field>
        )}
      </div>
      {fieldCondition && (
        <ConditionEditor
          index={props.index}
          condition={draft.field}
          fields={recordFields(props.catalogue, draft.on)}
          stages={[]}
          onChange={(field) => change({ field })}
          onRemove={props.onRemove}
        />
      )}
      <div className={styles.row}>
        <Checkbox
          checked={draft.negate}
          label="Holds when this test fails"
          onChange={(_, data) => change({ negate: data.checked === true })}
        />
        {!fieldCondition && (
          <Button size="small" appearance="subtle" onClick={props.onRemove}>
            Remove condition
          </Button>
        )}
      </div>
    </div>
  );
}

type Acknowledge = 'mailbox' | 'yes' | 'no';

/** The case a matching rule makes: queue, priority, category, who gets it, and the acknowledgement. */
function RoutingActionsEditor(props: {
  actions: RoutingActions;
  choices: RoutingChoices;
  onChange: (actions: RoutingActions) => void;
}) {
  const styles = useStyles();
  const { actions } = props;
  const change = (part: Partial<RoutingActions>) => {
    const next: RoutingActions = { ...actions, ...part };
    for (const key of Object.keys(part) as (keyof RoutingActions)[])
      if (part[key] === undefined) delete next[key];
    props.onChange(next);
  };
  const strategy = actions.assign?.strategy ?? 'nobody';
  const acknowledge: Acknowledge =
    actions.acknowledge === undefined ? 'mailbox' : actions.acknowledge ? 'yes' : 'no';
  return (
    <>
      <div className={styles.row}>
        <NamedSelect
          label="Queue"
          value={actions.teamId ?? ''}
          none="The mailbox’s queue"
          items={props.choices.teams}
          onChange={(teamId) => change({ teamId: teamId || undefined })}
        />
        <Field label="Priority">
          <Select
            value={actions.priority ?? ''}
            onChange={(_, data) =>
              change({ priority: (data.value || undefined) as CasePriority | undefined })
            }
          >
            <option value="">Normal</option>
            {(Object.keys(PRIORITY_NAMES) as CasePriority[])
              .filter((priority) => priority !== 'normal')
              .map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_NAMES[priority]}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Category">
          <Input
            value={actions.category ?? ''}
            placeholder="None"
            onChange={(_, data) => change({ category: data.value.trim() ? data.value : undefined })}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Assign to" className={styles.fit}>
          <Select
            className={styles.fit}
            value={strategy}
            onChange={(_, data) => {
              const chosen = data.value as keyof typeof ASSIGNMENT_WORDS;
              change({
                assign:
                  chosen === 'nobody'
                    ? undefined
                    : chosen === 'person'
                      ? { strategy: 'person', userId: props.choices.people[0]?.id ?? '' }
                      : { strategy: chosen },
              });
            }}
          >
            {Object.entries(ASSIGNMENT_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </Select>
        </Field>
        {actions.assign?.strategy === 'person' && (
          <NamedSelect
            label="Person"
            value={actions.assign.userId}
            none="Choose"
            items={props.choices.people}
            onChange={(userId) => change({ assign: { strategy: 'person', userId } })}
          />
        )}
        <Field label="Acknowledgement">
          <Select
            value={acknowledge}
            onChange={(_, data) => {
              const chosen = data.value as Acknowledge;
              change({ acknowledge: chosen === 'mailbox' ? undefined : chosen === 'yes' });
            }}
          >
            <option value="mailbox">As the mailbox says</option>
            <option value="yes">Send it</option>
            <option value="no">Do not send it</option>
          </Select>
        </Field>
      </div>
    </>
  );
}

/**
 * Writes a routing rule, or changes `rule`: conditions that must all hold, and what the new case
 * gets. It can be tried on a pasted message before it is saved; the server refuses one that
 * cannot work, and its reason is shown as it is.
 */
export function RoutingRuleForm(props: {
  mailboxId: string;
  rule?: RoutingRule;
  choices: RoutingChoices;
  onSave: (rule: RoutingRule) => Promise<void>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { catalogue } = props.choices;
  const [name, setName] = useState(props.rule?.name ?? '');
  const [enabled, setEnabled] = useState(props.rule?.enabled ?? true);
  const [conditions, setConditions] = useState<ConditionDraft[]>(
    () => props.rule?.conditions.map((condition) => draftOfCondition(condition, catalogue)) ?? [],
  );
  const [actions, setActions] = useState<RoutingActions>(props.rule?.actions ?? {});
  const submission = useSubmission({ reusable: true });
  const rule = (): RoutingRule => ({
    name: name.trim(),
    enabled,
    conditions: conditions.map((draft) => conditionOfDraft(draft, catalogue)),
    actions,
  });
  const replace = (index: number, draft: ConditionDraft | null) =>
    setConditions((previous) =>
      draft === null
        ? previous.filter((_, at) => at !== index)
        : previous.map((old, at) => (at === index ? draft : old)),
    );

  return (
    <form
      className={styles.form}
      aria-label={props.rule ? `Change rule ${props.rule.name}` : 'New routing rule'}
      onSubmit={(event) => {
        event.preventDefault();
        void submission.submit(() => props.onSave(rule()));
      }}
    >
      <Field label="Rule name" required>
        <Input
          value={name}
          placeholder="e.g. Invoices to Billing"
          onChange={(_, data) => setName(data.value)}
        />
      </Field>
      <Text weight="semibold">When all of these hold</Text>
      {conditions.length === 0 && (
        <Text size={200}>No conditions: the rule takes every message that reaches it.</Text>
      )}
      {conditions.map((draft, index) => (
        <RoutingConditionEditor
          key={index}
          index={index}
          draft={draft}
          catalogue={catalogue}
          onChange={(next) => replace(index, next)}
          onRemove={() => replace(index, null)}
        />
      ))}
      <div>
        <Button
          size="small"
          onClick={() => setConditions((previous) => [...previous, newCondition('subject', [])])}
        >
          Add a condition
        </Button>
      </div>
      <Text weight="semibold">Then the new case gets</Text>
      <RoutingActionsEditor actions={actions} choices={props.choices} onChange={setActions} />
      <Checkbox
        checked={enabled}
        label="Rule is on"
        onChange={(_, data) => setEnabled(data.checked === true)}
      />
      {submission.failure && <ProblemMessage error={submission.failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          Save rule
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
      <RoutingTrialPanel
        mailboxId={props.mailboxId}
        label="Try this rule on a message"
        rules={() => [{ ...rule(), name: rule().name || 'This rule', enabled: true }]}
        choices={props.choices}
      />
    </form>
  );
}
