import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type {
  Acknowledgement,
  RoutingRule,
  SupportMailbox,
  SupportRouting,
  Team,
} from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { RoutingRuleForm, type RoutingChoices } from './routing-rule-form.js';
import { RoutingTrialPanel } from './routing-trial.js';
import { actionsLine, conditionLine } from './routing-words.js';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48em' },
  rule: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  perHour: { width: '8em' },
});

const PLACEHOLDER_HINT =
  '{{number}} is the case number, {{subject}} its subject, {{name}} the customer’s first name, {{mailbox}} this mailbox’s name.';

/** The automatic answer to new cases, and the cap that keeps two robots from answering each other. */
function AcknowledgementForm(props: {
  acknowledgement: Acknowledgement;
  onSave: (acknowledgement: Acknowledgement) => Promise<void>;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState(props.acknowledgement);
  const [perHour, setPerHour] = useState(String(props.acknowledgement.maxPerHour));
  const submission = useSubmission({ reusable: true });
  const [saved, setSaved] = useState(false);
  return (
    <form
      className={styles.form}
      aria-label="Acknowledgement"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        void submission.submit(async () => {
          await props.onSave({ ...draft, maxPerHour: Number(perHour) });
          setSaved(true);
        });
      }}
    >
      <Checkbox
        checked={draft.enabled}
        label="Acknowledge new cases (rules may say otherwise)"
        onChange={(_, data) => setDraft({ ...draft, enabled: data.checked === true })}
      />
      <Field label="Subject" required hint={PLACEHOLDER_HINT}>
        <Input value={draft.subject} onChange={(_, data) => setDraft({ ...draft, subject: data.value })} />
      </Field>
      <Field label="Text" required>
        <Textarea
          resize="vertical"
          rows={7}
          value={draft.body}
          onChange={(_, data) => setDraft({ ...draft, body: data.value })}
        />
      </Field>
      <Field
        label="At most, to one sender in an hour"
        hint="Mail sent automatically, list mail, bounces and no-reply senders are never answered."
      >
        <Input
          className={styles.perHour}
          type="number"
          min={1}
          max={100}
          value={perHour}
          onChange={(_, data) => setPerHour(data.value)}
        />
      </Field>
      {submission.failure && <ProblemMessage error={submission.failure} />}
      {saved && (
        <MessageBar intent="success" aria-live="polite">
          <MessageBarBody>Acknowledgement saved.</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          Save acknowledgement
        </Button>
      </div>
    </form>
  );
}

/**
 * How a mailbox's new cases are routed: its rules in order (the first that matches decides), the
 * acknowledgement, and a place to try the rules on a pasted message. Every change saves at once.
 */
export function MailboxRouting(props: {
  mailbox: SupportMailbox;
  teams: readonly Team[];
  onClose: () => void;
}) {
  const styles = useStyles();
  const lists = useListStyles();
  const { api } = useServices();
  const { mailbox } = props;
  const data = useRequest(`routing ${mailbox.id}`, async () => {
    const [routing, catalogue, users] = await Promise.all([
      api.supportRouting(mailbox.id),
      api.workflowCatalogue(),
      api.users(),
    ]);
    const people = users.items
      .filter((user) => user.active)
      .map((user) => ({ id: user.id, name: user.name }));
    return { routing, choices: { catalogue, teams: props.teams, people } satisfies RoutingChoices };
  });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const change = useSubmission({ reusable: true });
  const state = data.state;
  if (state.status === 'loading') return <Spinner label="Loading the routing…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={data.reload} />;
  const { routing, choices } = state.data;

  const save = async (rules: RoutingRule[], acknowledgement = routing.acknowledgement) => {
    const saved: SupportRouting = await api.updateSupportRouting(mailbox.id, {
      version: routing.version,
      rules,
      acknowledgement,
    });
    data.update((loaded) => ({ ...loaded, routing: saved }));
  };
  const replaced = (index: number, rule: RoutingRule | null) =>
    rule === null
      ? routing.rules.filter((_, at) => at !== index)
      : routing.rules.map((old, at) => (at === index ? rule : old));
  const moved = (index: number, by: -1 | 1) => {
    const rules = [...routing.rules];
    [rules[index], rules[index + by]] = [rules[index + by]!, rules[index]!];
    return rules;
  };
  const names = (id: string) =>
    choices.teams.find((team) => team.id === id)?.name ??
    choices.people.find((person) => person.id === id)?.name ??
    'someone who has left';

  return (
    <div className={styles.panel} role="region" aria-label={`Routing of ${mailbox.name}`}>
      <div className={styles.heading}>
        <Text as="h2" size={500} weight="semibold">
          Routing of {mailbox.name}
        </Text>
        <Button size="small" onClick={props.onClose}>
          Back to mailboxes
        </Button>
      </div>
      <Section
        title="Rules, in order: the first that matches decides"
        isEmpty={routing.rules.length === 0}
        empty="No rules: every new case goes to the mailbox’s queue with normal priority, assigned to nobody."
      >
        <ol className={lists.list} aria-label="Routing rules">
          {routing.rules.map((rule, index) =>
            editing === index ? (
              <li key={index}>
                <RoutingRuleForm
                  mailboxId={mailbox.id}
                  rule={rule}
                  choices={choices}
                  onSave={async (next) => {
                    await save(replaced(index, next));
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={index} className={styles.rule} aria-label={rule.name}>
                <Text weight="semibold">
                  {index + 1}. {rule.name}
                  {rule.enabled ? '' : ' (off)'}
                </Text>
                <Text size={200}>
                  {rule.conditions.length === 0
                    ? 'Every message'
                    : rule.conditions.map(conditionLine).join('; and ')}
                </Text>
                <Text size={200} className={lists.meta}>
                  Then: {actionsLine(rule.actions, names)}
                </Text>
                <div className={styles.actions}>
                  <Button size="small" onClick={() => setEditing(index)}>
                    Change
                  </Button>
                  <Button
                    size="small"
                    disabled={index === 0 || change.busy}
                    onClick={() => void change.submit(() => save(moved(index, -1)))}
                  >
                    Move up
                  </Button>
                  <Button
                    size="small"
                    disabled={index === routing.rules.length - 1 || change.busy}
                    onClick={() => void change.submit(() => save(moved(index, 1)))}
                  >
                    Move down
                  </Button>
                  <Button
                    size="small"
                    disabled={change.busy}
                    onClick={() => void change.submit(() => save(replaced(index, null)))}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            ),
          )}
        </ol>
        {change.failure && <ProblemMessage error={change.failure} />}
      </Section>
      {editing === 'new' ? (
        <RoutingRuleForm
          mailboxId={mailbox.id}
          choices={choices}
          onSave={async (rule) => {
            await save([...routing.rules, rule]);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setEditing('new')}>
            Add a rule
          </Button>
        </div>
      )}
      <Section title="Try the saved rules">
        <RoutingTrialPanel
          mailboxId={mailbox.id}
          label="Try the saved rules on a message"
          rules={() => routing.rules}
          choices={choices}
        />
      </Section>
      <Section title="Acknowledgement">
        <AcknowledgementForm
          acknowledgement={routing.acknowledgement}
          onSave={(acknowledgement) => save(routing.rules, acknowledgement)}
        />
      </Section>
    </div>
  );
}
