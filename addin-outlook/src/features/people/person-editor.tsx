import { Button, Field, Input, makeStyles, Select, Switch, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Role, Team, User, UserUpdate } from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { useServices } from '../../ui/services.js';
import { useSubmission } from '../../ui/use-submission.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
});

export const ROLE_WORDS: Record<Role, string> = { admin: 'Admin', manager: 'Manager', member: 'Member' };

/** One person's role, team, manager, time zone and whether they may sign in; saved together. */
export function PersonEditor(props: {
  person: User;
  people: readonly User[];
  teams: readonly Team[];
  onSaved: (person: User) => void;
}) {
  const styles = useStyles();
  const { api } = useServices();
  const { person } = props;
  const [changes, setChanges] = useState<Omit<UserUpdate, 'version'>>({});
  const submission = useSubmission({ reusable: true });
  const value = { ...person, ...changes };
  const dirty = Object.keys(changes).length > 0;
  return (
    <div className={styles.row} role="group" aria-label={`Settings of ${person.name}`}>
      <Field label="Role">
        <Select
          value={value.role}
          onChange={(_, data) => setChanges({ ...changes, role: data.value as Role })}
        >
          {(Object.keys(ROLE_WORDS) as Role[]).map((role) => (
            <option key={role} value={role}>
              {ROLE_WORDS[role]}
            </option>
          ))}
        </Select>
      </Field>
      <NamedSelect
        label="Team"
        value={value.teamId ?? ''}
        none="No team"
        items={props.teams}
        onChange={(teamId) => setChanges({ ...changes, teamId: teamId || null })}
      />
      <NamedSelect
        label="Reports to"
        value={value.managerId ?? ''}
        none="Nobody"
        items={props.people.filter((other) => other.id !== person.id && other.active)}
        onChange={(managerId) => setChanges({ ...changes, managerId: managerId || null })}
      />
      <Field label="Time zone">
        <Input
          value={value.timeZone}
          onChange={(_, data) => setChanges({ ...changes, timeZone: data.value })}
        />
      </Field>
      <Switch
        label={value.active ? 'Can sign in' : 'Switched off'}
        checked={value.active}
        onChange={(_, data) => setChanges({ ...changes, active: data.checked })}
      />
      <Button
        size="small"
        appearance="primary"
        disabled={!dirty || submission.busy}
        onClick={() =>
          void submission.submit(async () => {
            props.onSaved(await api.updateUser(person.id, { version: person.version, ...changes }));
          })
        }
      >
        Save
      </Button>
      {submission.failure && <ProblemMessage error={submission.failure} />}
    </div>
  );
}
