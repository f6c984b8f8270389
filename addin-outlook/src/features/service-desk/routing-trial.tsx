import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PRIORITY_NAMES, type RoutingRule, type RoutingTrialResult } from '@inbox-crm/shared/client';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import type { RoutingChoices } from './routing-rule-form.js';
import { ASSIGNMENT_WORDS, conditionLine, VERDICT_WORDS } from './routing-words.js';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  decides: { fontWeight: tokens.fontWeightSemibold },
  source: { fontFamily: tokens.fontFamilyMonospace },
});

/** A rule's verdict in words: one after the rule that decided was never looked at. */
function ruleVerdict(
  rule: RoutingTrialResult['rules'][number],
  index: number,
  decided: number | null,
): string {
  if (!rule.enabled) return 'off';
  if (rule.matched) return 'matches';
  return decided !== null && index > decided ? 'not reached: an earlier rule decided' : 'does not match';
}

const lowerFirst = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** What the case would get, in sentences. */
function TrialOutcome({ result, choices }: { result: RoutingTrialResult; choices: RoutingChoices }) {
  const { outcome } = result;
  const { assign } = outcome;
  const teamName = choices.teams.find((team) => team.id === outcome.teamId)?.name;
  const person =
    assign.strategy === 'person'
      ? (choices.people.find((candidate) => candidate.id === assign.userId)?.name ?? 'a person who has left')
      : ASSIGNMENT_WORDS[assign.strategy].toLowerCase();
  const decided =
    result.matchedRule === null
      ? 'No rule matches: the mailbox’s settings decide.'
      : `“${result.rules[result.matchedRule]!.name}” decides.`;
  return (
    <>
      <Text weight="semibold">{decided}</Text>
      <Text>
        The case would go to {teamName ? `the ${teamName} queue` : 'no queue'}, with{' '}
        {PRIORITY_NAMES[outcome.priority]} priority{outcome.category ? `, in ${outcome.category}` : ''},
        assigned to {person}.
      </Text>
      <Text>
        {!outcome.acknowledge
          ? 'No acknowledgement would be sent.'
          : outcome.acknowledgementRefused
            ? `No acknowledgement would be sent: ${lowerFirst(outcome.acknowledgementRefused)}`
            : 'An acknowledgement would be sent.'}
      </Text>
    </>
  );
}

/**
 * Tries rules on a message pasted as its source (in Outlook: File › Properties › Internet headers
 * plus the text; in Gmail: Show original), without writing anything: which rule decides, each
 * condition's verdict, and what the new case would get.
 */
export function RoutingTrialPanel(props: {
  mailboxId: string;
  label: string;
  /** The rules to try, read when the button is pressed (a form's unsaved rule, or the saved ones). */
  rules: () => RoutingRule[];
  choices: RoutingChoices;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<{ result: RoutingTrialResult; rules: RoutingRule[] } | null>(null);
  const trial = useSubmission({ reusable: true });
  const run = () =>
    void trial.submit(async () => {
      const rules = props.rules();
      setResult({ result: await api.tryRouting(props.mailboxId, { message, rules }), rules });
    });

  return (
    <div className={styles.panel} role="group" aria-label={props.label}>
      <Field
        label={props.label}
        hint="Paste a message with its headers (Gmail: Show original; Outlook: View source). Nothing is saved."
      >
        <Textarea
          className={styles.source}
          resize="vertical"
          rows={5}
          value={message}
          placeholder={'From: Jane Doe <jane@example.com>\nSubject: Invoice 2291 is wrong\n\nHello, …'}
          onChange={(_, data) => setMessage(data.value)}
        />
      </Field>
      <div>
        <Button disabled={trial.busy || message.trim() === ''} onClick={run}>
          Try it
        </Button>
      </div>
      {trial.failure && <ProblemMessage error={trial.failure} />}
      {result && (
        <div className={styles.result} role="status" aria-label="What the rules would do">
          <Text size={200}>
            From {result.result.sender.email}
            {result.result.sender.contact ? ` (${result.result.sender.contact.name}` : ' (not a contact yet'}
            {result.result.sender.account ? `, ${result.result.sender.account.name})` : ')'}: “
            {result.result.subject || '(no subject)'}”
          </Text>
          <ul className={styles.list}>
            {result.result.rules.map((rule, index) => (
              <li key={index} className={rule.matched ? styles.decides : undefined}>
                <Text size={200}>
                  {rule.name}: {ruleVerdict(rule, index, result.result.matchedRule)}
                </Text>
                {rule.conditions.length > 0 && (
                  <ul className={styles.list}>
                    {rule.conditions.map((verdict, at) => (
                      <li key={at}>
                        <Text size={200}>
                          {conditionLine(result.rules[index]!.conditions[at]!)}: {VERDICT_WORDS[verdict]}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <TrialOutcome result={result.result} choices={props.choices} />
        </div>
      )}
    </div>
  );
}
