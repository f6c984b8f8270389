import { Button, Field, Input, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { User } from '@inbox-crm/shared/client';
import { useListStyles } from '../../ui/list-styles.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { EmptyState, Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useSubmission } from '../../ui/use-submission.js';
import { NewPersonForm } from './new-person-form.js';
import { PersonEditor, ROLE_WORDS } from './person-editor.js';

const useStyles = makeStyles({
  person: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** People and teams, for admins: who may sign in, their role, team, manager and time zone. */

const memberCount = (count: number) => (count === 1 ? '1 person' : `${count} people`);
export function PeoplePage() {
  const styles = useStyles();
  const lists = useListStyles();
  const { api, user } = useServices();
  const data = useRequest('people', async () => {
    const [people, teams] = await Promise.all([api.users(), api.teams()]);
    return { people: people.items, teams };
  });
  const [adding, setAdding] = useState(false);
  const [teamName, setTeamName] = useState('');
  const newTeam = useSubmission({ reusable: true });
  if (user.role !== 'admin') {
    return <EmptyState title="No access">Only admins manage people and teams.</EmptyState>;
  }
  const state = data.state;
  if (state.status === 'loading') return <Spinner label="Loading people…" />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={data.reload} />;
  const { people, teams } = state.data;
  const saved = (person: User) =>
    data.update((loaded) => ({
      ...loaded,
      people: loaded.people.some((old) => old.id === person.id)
        ? loaded.people.map((old) => (old.id === person.id ? person : old))
        : [...loaded.people, person],
    }));

  return (
    <>
      <Text as="h1" size={600} weight="semibold">
        People
      </Text>
      <Section title="People">
        <ul className={lists.list} aria-label="People">
          {people.map((person) => (
            <li key={person.id} className={styles.person} aria-label={person.name}>
              <Text weight="semibold">{person.name}</Text>
              <Text size={200} className={lists.meta}>
                {person.email} · {ROLE_WORDS[person.role]}
              </Text>
              <PersonEditor
                key={person.version}
                person={person}
                people={people}
                teams={teams}
                onSaved={saved}
              />
            </li>
          ))}
        </ul>
      </Section>
      {adding ? (
        <NewPersonForm
          people={people}
          teams={teams}
          onSaved={(person) => {
            saved(person);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setAdding(true)}>
            Add a person
          </Button>
        </div>
      )}
      <Section title="Teams" isEmpty={teams.length === 0} empty="No teams yet.">
        <ul className={lists.list} aria-label="Teams">
          {teams.map((team) => (
            <li key={team.id}>
              <Text>
                {team.name} · {memberCount(people.filter((person) => person.teamId === team.id).length)}
              </Text>
            </li>
          ))}
        </ul>
      </Section>
      <form
        className={styles.row}
        aria-label="New team"
        onSubmit={(event) => {
          event.preventDefault();
          void newTeam.submit(async () => {
            const team = await api.createTeam({ name: teamName });
            data.update((loaded) => ({ ...loaded, teams: [...loaded.teams, team] }));
            setTeamName('');
          });
        }}
      >
        <Field label="New team">
          <Input value={teamName} onChange={(_, value) => setTeamName(value.value)} />
        </Field>
        <Button type="submit" disabled={teamName.trim() === '' || newTeam.busy}>
          Add team
        </Button>
        {newTeam.failure && <ProblemMessage error={newTeam.failure} />}
      </form>
    </>
  );
}
