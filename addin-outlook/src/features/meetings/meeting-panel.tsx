import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  customerViews,
  isColleagueOrInvalid,
  MAX_LOOKUP_ADDRESSES,
  meetingCounterparts,
  meetingOccurrenceKey,
} from '@inbox-crm/shared/client';
import type { OpenMeeting } from '../../office/open-message.js';
import { formatSpan, metaLine } from '../../ui/format.js';
import { usePaneBodyStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState } from '../../ui/section.js';
import { useMailbox, useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { CounterpartPicker } from '../pane/counterpart-picker.js';
import { TIMELINE_ENTRIES } from '../pane/message-lookup.js';
import { PersonPanel } from '../pane/person-panel.js';
import { MeetingLog } from './meeting-log.js';

const useStyles = makeStyles({
  heading: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  subject: { overflowWrap: 'anywhere' },
  when: { color: tokens.colorNeutralForeground2 },
});

/**
 * A meeting open in the calendar: when and where, whether it is logged, and its attendees' records
 * (the organiser first), one lookup for them all and a second for whether it was logged.
 */
export function MeetingPanel({ meeting }: { meeting: OpenMeeting }) {
  const styles = useStyles();
  const pane = usePaneBodyStyles();
  const { api } = useServices();
  const mailbox = useMailbox();
  const counterparts = useMemo(
    () => meetingCounterparts(meeting, [mailbox.userAddress]).slice(0, MAX_LOOKUP_ADDRESSES),
    [meeting, mailbox],
  );
  const key = meetingOccurrenceKey(meeting);
  const lookup = useRequest(meeting.itemKey, async () => {
    const [found, status] = await Promise.all([
      counterparts.length > 0
        ? api.lookupMessage({
            emails: counterparts.map((party) => party.email),
            leading: 'best',
            others: 'brief',
            timelineLimit: TIMELINE_ENTRIES,
          })
        : null,
      api.meetingStatus(key),
    ]);
    return { found, logged: status.activity };
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [writes, setWrites] = useState(0);

  const heading = (
    <div className={styles.heading}>
      <Text as="h2" weight="semibold" size={400} className={styles.subject}>
        {meeting.subject.trim() || 'Meeting'}
      </Text>
      <Text className={styles.when}>
        {metaLine(formatSpan(meeting.startsAt, meeting.endsAt), meeting.location)}
      </Text>
    </div>
  );
  const { state } = lookup;
  if (state.status === 'loading') return <Spinner className={pane.body} label="Looking up the attendees…" />;
  if (state.status === 'failed') {
    return (
      <div className={pane.body}>
        {heading}
        <ProblemMessage error={state.error} onRetry={lookup.reload} />
      </div>
    );
  }
  const { found, logged } = state.data;
  const all = found ? [found, ...found.others] : [];
  const people = customerViews(all);
  const customers = all.filter((view) => !isColleagueOrInvalid(view));
  const listed = counterparts.filter((party) => people.some((view) => view.address === party.email));
  const view = people.find((candidate) => candidate.address === chosen) ?? people[0];
  const changed = () => {
    lookup.refresh();
    setWrites((count) => count + 1);
  };

  return (
    <div className={pane.body}>
      {heading}
      <MeetingLog
        meeting={meeting}
        people={customers}
        logged={logged}
        onLogged={(activity) => {
          lookup.update((data) => ({ ...data, logged: activity }));
          changed();
        }}
      />
      {!view && (
        <EmptyState title="Nobody else is invited">The meeting is only in your own calendar.</EmptyState>
      )}
      {listed.length > 1 && view && (
        <CounterpartPicker
          counterparts={listed}
          views={people}
          chosen={view.address}
          onChoose={setChosen}
          on="meeting"
        />
      )}
      {view && (
        <PersonPanel
          key={view.address}
          message={null}
          view={view}
          party={counterparts.find((candidate) => candidate.email === view.address) ?? null}
          others={people.filter((other) => other !== view)}
          filing={null}
          writes={writes}
          onFilingChanged={() => undefined}
          onChanged={changed}
        />
      )}
    </div>
  );
}
