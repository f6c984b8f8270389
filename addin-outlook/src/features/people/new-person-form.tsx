import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Role, Team, User } from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';
import { ROLE_WORDS } from './person-editor.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '28em' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Adds a person with a first password, which they can use at once. */
export function NewPersonForm(props: {
  people: readonly User[];
  teams: readonly Team[];
  onSaved: (person: User) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [teamId, setTeamId] = useState('');
  const [managerId, setManagerId] = useState('');
  const submission = useSubmission({ reusable: true });
  return (
    <form
      className={styles.form}
      aria-label="New person"
      onSubmit={(event) => {
        event.preventDefault();
        void submission.submit(async () =>
          props.onSaved(
            await api.createUser({
              name,
              email,
              password,
              role,
              teamId: teamId || null,
              managerId: managerId || null,
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            }),
          ),
        );
      }}
    >
      <Field label="Name" required>
        <Input value={name} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Field label="Email" required>
        <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
      </Field>
      <Field label="First password" required hint="At least 8 characters; tell it to them in person.">
        <Input type="password" value={password} onChange={(_, data) => setPassword(data.value)} />
      </Field>
      <Field label="Role">
        <Select value={role} onChange={(_, data) => setRole(data.value as Role)}>
          {(Object.keys(ROLE_WORDS) as Role[]).map((option) => (
            <option key={option} value={option}>
              {ROLE_WORDS[option]}
            </option>
          ))}
        </Select>
      </Field>
      <NamedSelect label="Team" value={teamId} none="No team" items={props.teams} onChange={setTeamId} />
      <NamedSelect
        label="Reports to"
        value={managerId}
        none="Nobody"
        items={props.people.filter((person) => person.active)}
        onChange={setManagerId}
      />
      {submission.failure && <ProblemMessage error={submission.failure} />}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={submission.busy}>
          Add person
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
