import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type {
  WorkflowAction,
  WorkflowCatalogue,
  WorkflowRecordType,
  WorkflowRule,
} from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ACTION_LABELS, ActionEditor, type ActionChoices } from './action-editor.js';
import { ConditionEditor, ValueInput } from './condition-editor.js';
import { draftOf, emptyDraft, NEW_ACTIONS, ruleBody, type RuleDraft } from './rule-draft.js';
import { RECORD_WORDS, TRIGGER_WORDS } from './rule-words.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Writes a new rule, or changes `rule`; the server refuses one that cannot work, and its reason is
 * shown as it is.
 */
export function RuleForm(props: {
  rule?: WorkflowRule;
  catalogue: WorkflowCatalogue;
  stages: readonly string[];
  choices: ActionChoices;
  onSaved: (rule: WorkflowRule) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const [draft, setDraft] = useState<RuleDraft>(() => (props.rule ? draftOf(props.rule) : emptyDraft()));
  const submission = useSubmission({ reusable: true });
  const entry = props.catalogue.recordTypes.find((candidate) => candidate.type === draft.recordType)!;
  const change = (part: Partial<RuleDraft>) => setDraft((previous) => ({ ...previous, ...part }));
  const setAction = (index: number, action: WorkflowAction | null) =>
    change({
      actions: action
        ? draft.actions.map((old, at) => (at === index ? action : old))
        : draft.actions.filter((_, at) => at !== index),
    });

  return (
    <form
      className={styles.form}
      aria-label={props.rule ? `Edit ${props.rule.name}` : 'New rule'}
      onSubmit={(event) => {
        event.preventDefault();
        const body = ruleBody(draft, props.catalogue);
        const { rule } = props;
        void submission.submit(async () =>
          props.onSaved(
            rule
              ? await api.updateWorkflowRule(rule.id, { version: rule.version, ...body })
              : await api.createWorkflowRule(body),
          ),
        );
      }}
    >
      <Field label="Rule name" required>
        <Input value={draft.name} onChange={(_, data) => change({ name: data.value })} />
      </Field>
      <div className={styles.row}>
        <Field label="When a record of type">
          <Select
            value={draft.recordType}
            onChange={(_, data) =>
              change({
                recordType: data.value as WorkflowRecordType,
                triggerType: 'record_created',
                field: '',
                to: '',
                conditions: [],
              })
            }
          >
            {props.catalogue.recordTypes.map((candidate) => (
              <option key={candidate.type} value={candidate.type}>
                {RECORD_WORDS[candidate.type]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Trigger">
          <Select
            value={draft.triggerType}
            onChange={(_, data) =>
              change({
                triggerType: data.value as RuleDraft['triggerType'],
                field: entry.fields[0]?.name ?? '',
                to: '',
              })
            }
          >
            {entry.triggers.map((trigger) => (
              <option key={trigger} value={trigger}>
                {TRIGGER_WORDS[trigger]}
              </option>
            ))}
          </Select>
        </Field>
        {draft.triggerType === 'field_changed' && (
          <>
            <Field label="Field that changes">
              <Select value={draft.field} onChange={(_, data) => change({ field: data.value, to: '' })}>
                {entry.fields.map((field) => (
                  <option key={field.name} value={field.name}>
                    {field.label}
                  </option>
                ))}
              </Select>
            </Field>
            <ValueInput
              label="Changes to"
              anyLabel="any value"
              field={entry.fields.find((field) => field.name === draft.field)}
              stages={props.stages}
              value={draft.to}
              onChange={(to) => change({ to })}
            />
          </>
        )}
      </div>

      <div className={styles.group}>
        <Text weight="semibold">Only if</Text>
        {draft.conditions.map((condition, index) => (
          <ConditionEditor
            key={index}
            index={index}
            condition={condition}
            fields={entry.fields}
            stages={props.stages}
            onChange={(next) =>
              change({ conditions: draft.conditions.map((old, at) => (at === index ? next : old)) })
            }
            onRemove={() => change({ conditions: draft.conditions.filter((_, at) => at !== index) })}
          />
        ))}
        <div>
          <Button
            size="small"
            onClick={() =>
              change({
                conditions: [
                  ...draft.conditions,
                  { field: entry.fields[0]!.name, operator: 'equals', text: '' },
                ],
              })
            }
          >
            Add a condition
          </Button>
        </div>
      </div>

      <div className={styles.group}>
        <Text weight="semibold">Then</Text>
        {draft.actions.map((action, index) => (
          <ActionEditor
            key={index}
            index={index}
            action={action}
            choices={props.choices}
            onChange={(next) => setAction(index, next)}
            onRemove={() => setAction(index, null)}
          />
        ))}
        <Field label="Add an action">
          <Select
            value=""
            onChange={(_, data) =>
              data.value &&
              change({ actions: [...draft.actions, NEW_ACTIONS[data.value as WorkflowAction['type']]()] })
            }
          >
            <option value="">Choose an action to add</option>
            {(Object.keys(ACTION_LABELS) as WorkflowAction['type'][]).map((type) => (
              <option key={type} value={type}>
                {ACTION_LABELS[type]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {submission.failure && <ProblemMessage error={submission.failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          Save rule
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
