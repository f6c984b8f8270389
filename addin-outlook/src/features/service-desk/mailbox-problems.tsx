import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SupportMailbox, SupportMailProblem } from '@inbox-crm/shared/client';
import { formatMoment } from '../../ui/format.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** The mail a mailbox could not make cases of, shown on request, with the reason for each. */
export function MailboxProblems({ mailbox }: { mailbox: SupportMailbox }) {
  const styles = useStyles();
  const { api } = useServices();
  const [problems, setProblems] = useState<SupportMailProblem[] | null>(null);
  const loading = useSubmission({ reusable: true });
  if (problems === null) {
    return (
      <div>
        <Button
          size="small"
          appearance="subtle"
          disabled={loading.busy}
          onClick={() =>
            void loading.submit(async () => setProblems(await api.supportMailProblems(mailbox.id)))
          }
        >
          Mail it could not read
        </Button>
        {loading.failure && <ProblemMessage error={loading.failure} />}
      </div>
    );
  }
  if (problems.length === 0) return <Text size={200}>Every message it read became a case or a reply.</Text>;
  return (
    <ul className={styles.list} aria-label={`Mail ${mailbox.name} could not read`}>
      {problems.map((problem) => (
        <li key={`${problem.uid}-${problem.receivedAt}`}>
          <Text size={200}>
            {formatMoment(problem.receivedAt)} · {problem.subject || '(no subject)'}
            {problem.fromEmail ? ` from ${problem.fromEmail}` : ''}: {problem.reason} It stays in the mailbox.
          </Text>
        </li>
      ))}
    </ul>
  );
}
