import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  type Activity,
  choiceKey,
  meetingLogOf,
  peopleRecords,
  type SenderView,
  suggestedChoices,
} from '@inbox-crm/shared/client';
import type { OpenMeeting } from '../../office/open-message.js';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { PrivateChoice } from '../records/private-choice.js';
import { RecordChecklist } from '../records/record-checklist.js';
import { useRecordChoices } from '../records/use-record-choices.js';

interface Props {
  meeting: OpenMeeting;
  /** Everyone on the meeting from outside, as the lookup answered: their records are offered and ticked. */
  people: SenderView[];
  /** The meeting as logged already (by anyone the user may see), or null. */
  logged: Activity | null;
  onLogged: (meeting: Activity) => void;
}

function LogForm({ meeting, people, onLogged, onCancel }: Omit<Props, 'logged'> & { onCancel: () => void }) {
  const styles = usePanelStyles();
  const { api } = useServices();
  const [lead, ...others] = people;
  const suggested = useMemo(() => (lead ? suggestedChoices(lead, null, { others }) : []), [lead, others]);
  const records = useRecordChoices(suggested, new Set(peopleRecords(people).map(choiceKey)));
  const [privately, setPrivately] = useState(false);
  const { busy, failure, submit } = useSubmission();
  const count = records.selectedRefs.length;

  const log = () =>
    submit(async () => {
      const logged = await api.logMeeting(
        meetingLogOf(meeting, { links: records.selectedRefs, private: privately, source: 'outlook' }),
      );
      onLogged(logged.activity);
    });

  return (
    <div className={styles.panel} role="group" aria-label="Log this meeting">
      <Text weight="semibold">Log this meeting to</Text>
      <RecordChecklist label="Records" state={records} disabled={busy} />
      <PrivateChoice checked={privately} disabled={busy} onChange={setPrivately} />
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label={count === 0 ? 'Log meeting' : `Log meeting to ${count} ${count === 1 ? 'record' : 'records'}`}
        busyLabel="Logging…"
        busy={busy}
        onClick={() => void log()}
        onCancel={onCancel}
      />
    </div>
  );
}

/** Whether the meeting is logged in the CRM; "Log meeting" records it once for everyone on it. */
export function MeetingLog({ meeting, people, logged, onLogged }: Props) {
  const [open, setOpen] = useState(false);
  if (logged) {
    return (
      <MessageBar intent="success" layout="multiline" aria-live="polite">
        <MessageBarBody>
          <MessageBarTitle>Meeting logged</MessageBarTitle>
          On the timelines of {logged.links.length} {logged.links.length === 1 ? 'record' : 'records'}.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (open)
    return <LogForm meeting={meeting} people={people} onLogged={onLogged} onCancel={() => setOpen(false)} />;
  return (
    <Button appearance="primary" onClick={() => setOpen(true)}>
      Log meeting
    </Button>
  );
}
