import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import {
  CONSENT_PURPOSE_NAMES,
  CONSENT_STATE_NAMES,
  LAWFUL_BASIS_NAMES,
  type ConsentCreate,
  type ConsentEntry,
  type ConsentPurpose,
  type ConsentState,
  type LawfulBasis,
} from '@inbox-crm/shared/client';
import { onLocalDay } from '../../ui/local-days.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { dayAfter } from '../quick-actions/due-dates.js';
import { fieldErrors } from '../record-forms/field-errors.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fit: { minWidth: 0, maxWidth: '100%' },
});

const STATE_HINTS: Record<ConsentState, string> = {
  opt_in: 'They were asked and agreed.',
  soft_opt_in:
    'An existing customer, told how to refuse, who has not: rests on legitimate interests, for offers like what they bought.',
  opt_out: 'They said no, or withdrew an earlier yes.',
};

// An opt-in usually rests on consent; a soft opt-in only on legitimate interests, an opt-out on none.
const OPT_IN_BASES: LawfulBasis[] = ['consent', 'contract', 'legal_obligation', 'legitimate_interests'];

const today = () => dayAfter(new Date(), 0);

const keys = <K extends string>(names: Record<K, string>) => Object.keys(names) as K[];

/** The answer a form sends: "given today" is now, an earlier day is midday of that day. */
function answerOf(draft: Draft): ConsentCreate {
  const givenToday = draft.day === today();
  const givenAt = givenToday ? undefined : onLocalDay(draft.day, { hour: 12 })?.toISOString();
  return {
    purpose: draft.purpose,
    state: draft.state,
    ...(draft.state === 'opt_in' ? { lawfulBasis: draft.basis } : {}),
    source: draft.source,
    wording: draft.wording.trim() || null,
    ...(draft.email ? { email: draft.email } : {}),
    ...(givenAt ? { givenAt } : {}),
  };
}

interface Draft {
  purpose: ConsentPurpose;
  state: ConsentState;
  basis: LawfulBasis;
  source: string;
  wording: string;
  email: string;
  day: string;
}

/** One code of a fixed set, each shown by its name. */
function CodeSelect<C extends string>(props: {
  label: string;
  hint?: string;
  value: C;
  codes: readonly C[];
  names: Record<C, string>;
  onChange: (code: C) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={props.label} hint={props.hint} className={styles.fit}>
      <Select
        className={styles.fit}
        value={props.value}
        onChange={(_, data) => props.onChange(data.value as C)}
      >
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {props.names[code]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Records one answer of a contact, for one purpose, in a dialog. */
export function ConsentForm(props: {
  contactId: string;
  emails: readonly string[];
  purpose?: ConsentPurpose;
  onSaved: (entry: ConsentEntry) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const [draft, setDraft] = useState<Draft>({
    purpose: props.purpose ?? 'marketing_email',
    state: 'opt_in',
    basis: 'consent',
    source: '',
    wording: '',
    email: props.emails[0] ?? '',
    day: today(),
  });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const submission = useSubmission();
  const errors = fieldErrors(submission.failure);
  const placed = Object.keys(errors).length > 0;
  const wordingNeeded = draft.state === 'opt_in';

  function save(event: FormEvent) {
    event.preventDefault();
    void submission.submit(async () =>
      props.onSaved(await api.recordConsent(props.contactId, answerOf(draft))),
    );
  }

  return (
    <form onSubmit={save}>
      <DialogBody>
        <DialogTitle>Record a consent answer</DialogTitle>
        <DialogContent className={styles.form}>
          <CodeSelect
            label="Purpose"
            value={draft.purpose}
            codes={keys(CONSENT_PURPOSE_NAMES)}
            names={CONSENT_PURPOSE_NAMES}
            onChange={(purpose) => set({ purpose })}
          />
          <CodeSelect
            label="Answer"
            hint={STATE_HINTS[draft.state]}
            value={draft.state}
            codes={keys(CONSENT_STATE_NAMES)}
            names={CONSENT_STATE_NAMES}
            onChange={(state) => set({ state })}
          />
          {draft.state === 'opt_in' && (
            <CodeSelect
              label="Lawful basis"
              value={draft.basis}
              codes={OPT_IN_BASES}
              names={LAWFUL_BASIS_NAMES}
              onChange={(basis) => set({ basis })}
            />
          )}
          <Field
            label="Where it was given"
            required
            hint="e.g. Phone call, Website newsletter form, Trade show sign-up sheet"
            {...(errors.source ? { validationMessage: errors.source } : {})}
          >
            <Input value={draft.source} maxLength={200} onChange={(_, data) => set({ source: data.value })} />
          </Field>
          <Field
            label="What they agreed to"
            required={wordingNeeded}
            hint={wordingNeeded ? 'The words they were shown or read out.' : undefined}
            {...(errors.wording ? { validationMessage: errors.wording } : {})}
          >
            <Textarea
              value={draft.wording}
              maxLength={2000}
              resize="vertical"
              onChange={(_, data) => set({ wording: data.value })}
            />
          </Field>
          {props.emails.length > 1 && (
            <Field label="For the address" className={styles.fit}>
              <Select
                className={styles.fit}
                value={draft.email}
                onChange={(_, data) => set({ email: data.value })}
              >
                {props.emails.map((email) => (
                  <option key={email} value={email}>
                    {email}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label="Given on" {...(errors.givenAt ? { validationMessage: errors.givenAt } : {})}>
            <Input
              type="date"
              value={draft.day}
              max={today()}
              onChange={(_, data) => set({ day: data.value })}
            />
          </Field>
          {submission.failure && !placed && <ProblemMessage error={submission.failure} />}
        </DialogContent>
        <DialogActions>
          <Button
            appearance="primary"
            type="submit"
            disabled={
              submission.busy ||
              draft.source.trim() === '' ||
              (wordingNeeded && draft.wording.trim() === '') ||
              !onLocalDay(draft.day)
            }
          >
            {submission.busy ? <Spinner size="tiny" label="Saving…" /> : 'Record answer'}
          </Button>
          <Button onClick={props.onCancel} disabled={submission.busy}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
