import { Field, Input, Radio, RadioGroup, Select, Text, Textarea } from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { type SenderView, preselectedKeys, suggestedChoices } from '@inbox-crm/shared/client';
import { FormActions } from '../../ui/form-actions.js';
import { usePanelStyles } from '../../ui/panel-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { RecordChecklist } from '../records/record-checklist.js';
import { useRecordChoices } from '../records/use-record-choices.js';

export const CALL_OUTCOMES = ['Connected', 'Left voicemail', 'No answer', 'Call back requested'] as const;
const MAX_SUBJECT = 120;

interface Props {
  kind: 'note' | 'call';
  view: SenderView;
  personName: string;
  onDone: (summary: string) => void;
  onCancel: () => void;
}

/** A subject for a note: its first line, cut to a length a timeline shows. */
export const noteSubject = (text: string) => (text.trim().split('\n')[0] ?? '').slice(0, MAX_SUBJECT);

/** Adds a note or logs a call, linked to the records the user ticks (the person's own to start). */
export function ActivityForm({ kind, view, personName, onDone, onCancel }: Props) {
  const styles = usePanelStyles();
  const { api } = useServices();
  const suggested = useMemo(() => suggestedChoices(view, null), [view]);
  const records = useRecordChoices(suggested, preselectedKeys(view, null));
  const [text, setText] = useState('');
  const [direction, setDirection] = useState<'outbound' | 'inbound'>('outbound');
  const [outcome, setOutcome] = useState<string>(CALL_OUTCOMES[0]);
  const [minutes, setMinutes] = useState('5');
  const { busy, failure, submit: run } = useSubmission();
  const duration = Number(minutes);
  const durationValid =
    kind === 'note' || (Number.isInteger(duration) && duration >= 0 && duration <= 24 * 60);
  const ready = records.selectedRefs.length > 0 && durationValid && (kind === 'call' || text.trim() !== '');

  function submit(event: FormEvent) {
    event.preventDefault();
    const links = records.selectedRefs;
    void run(async () => {
      if (kind === 'note') {
        await api.logActivity({ type: 'note', subject: noteSubject(text), body: text.trim(), links });
        onDone(`Note added for ${personName}.`);
      } else {
        await api.logActivity({
          type: 'call',
          subject: `Call ${direction === 'outbound' ? 'to' : 'from'} ${personName}`,
          body: text.trim() === '' ? null : text.trim(),
          direction,
          outcome,
          durationMinutes: duration,
          occurredAt: new Date().toISOString(),
          links,
        });
        onDone(`Call with ${personName} logged.`);
      }
    });
  }

  const title = kind === 'note' ? 'Add a note' : 'Log a call';
  return (
    <form className={styles.panel} aria-label={title} onSubmit={submit}>
      <Text weight="semibold">{title}</Text>
      {kind === 'call' && (
        <>
          <Field label="Direction">
            <RadioGroup
              layout="horizontal"
              value={direction}
              onChange={(_, data) => setDirection(data.value as 'outbound' | 'inbound')}
            >
              <Radio value="outbound" label="Outgoing" />
              <Radio value="inbound" label="Incoming" />
            </RadioGroup>
          </Field>
          <Field label="Outcome">
            <Select value={outcome} onChange={(_, data) => setOutcome(data.value)}>
              {CALL_OUTCOMES.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </Select>
          </Field>
          <Field
            label="Duration (minutes)"
            validationMessage={durationValid ? undefined : 'Minutes from 0 to 1440.'}
          >
            <Input
              type="number"
              min={0}
              max={1440}
              value={minutes}
              onChange={(_, data) => setMinutes(data.value)}
            />
          </Field>
        </>
      )}
      <Field label={kind === 'note' ? 'Note' : 'Notes'} required={kind === 'note'}>
        <Textarea value={text} resize="vertical" onChange={(_, data) => setText(data.value)} />
      </Field>
      <RecordChecklist label="Link to" state={records} disabled={busy} />
      {failure && <ProblemMessage error={failure} />}
      <FormActions
        label={kind === 'note' ? 'Save note' : 'Save call'}
        busyLabel="Saving…"
        busy={busy}
        disabled={!ready}
        onCancel={onCancel}
      />
    </form>
  );
}
