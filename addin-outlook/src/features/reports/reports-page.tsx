import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import { REPORT_NAMES, type ReportName } from '@inbox-crm/shared/client';
import { NamedSelect } from '../../ui/named-select.js';
import { useNarrow } from '../../ui/use-narrow.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { useNavigate } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { reportFiltersOf, reportSearchOf, type ReportFilterValues } from './report-filters.js';
import { ReportView } from './report-view.js';
import { REPORT_TITLES } from './report-words.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  field: { minWidth: '9rem', maxWidth: '100%' },
});

const COLD_DAYS = [14, 30, 60, 90, 180];

/** Who the caller may pick: an admin anyone and any team, a manager the people of their team. */
function usePeople() {
  const { api, user } = useServices();
  const people = useRequest(`report people ${user.role}`, async () =>
    user.role === 'member'
      ? { users: [], teams: [] }
      : { users: (await api.users()).items, teams: await api.teams() },
  );
  if (people.state.status !== 'done') return { users: [], teams: [] };
  const { users, teams } = people.state.data;
  return user.role === 'admin'
    ? { users, teams }
    : { users: users.filter((person) => person.teamId !== null && person.teamId === user.teamId), teams: [] };
}

function ReportFilterBar({
  report,
  values,
  onChange,
}: {
  report: ReportName;
  values: ReportFilterValues;
  onChange: (values: ReportFilterValues) => void;
}) {
  const styles = useStyles();
  const { users, teams } = usePeople();
  const set = (change: Partial<ReportFilterValues>) => onChange({ ...values, ...change });
  const anyFilter = Object.values(values).some((value) => value !== undefined);
  return (
    <div className={styles.filters} role="group" aria-label="Filters">
      {report === 'going-cold' ? (
        <Field label="Untouched for" className={styles.field}>
          <Select value={String(values.days ?? 30)} onChange={(_, data) => set({ days: Number(data.value) })}>
            {COLD_DAYS.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <>
          <Field label="From" className={styles.field}>
            <Input
              type="date"
              value={values.from ?? ''}
              onChange={(_, data) => set({ from: data.value || undefined })}
            />
          </Field>
          <Field label="To" className={styles.field}>
            <Input
              type="date"
              value={values.to ?? ''}
              onChange={(_, data) => set({ to: data.value || undefined })}
            />
          </Field>
        </>
      )}
      {teams.length > 0 && (
        <div className={styles.field}>
          <NamedSelect
            label="Team"
            none="Everyone"
            items={teams}
            value={values.teamId ?? ''}
            onChange={(teamId) => set({ teamId: teamId || undefined })}
          />
        </div>
      )}
      {users.length > 0 && (
        <div className={styles.field}>
          <NamedSelect
            label="Person"
            none="Everyone I can see"
            items={users}
            value={values.ownerId ?? ''}
            onChange={(ownerId) => set({ ownerId: ownerId || undefined })}
          />
        </div>
      )}
      {anyFilter && (
        <Button appearance="subtle" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

/**
 * The reports: one tab each, the filters in the address, and the chosen report with its chart,
 * its table view and its exports. Loaded only when the console first opens it.
 */
export default function ReportsPage({ report, search }: { report: ReportName; search: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { user } = useServices();
  const narrow = useNarrow();
  const values = reportFiltersOf(search);
  const go = (name: ReportName, next: ReportFilterValues, replace = false) =>
    navigate(CONSOLE_PATHS.reports(name, reportSearchOf(next)), { replace });
  return (
    <div className={styles.page}>
      <Text as="h1" size={700} weight="semibold">
        Reports
      </Text>
      {narrow ? (
        <Field label="Report">
          <Select value={report} onChange={(_, data) => go(data.value as ReportName, values)}>
            {REPORT_NAMES.map((name) => (
              <option key={name} value={name}>
                {REPORT_TITLES[name].title}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <TabList
          selectedValue={report}
          onTabSelect={(_, data) => go(data.value as ReportName, values)}
          aria-label="Reports"
        >
          {REPORT_NAMES.map((name) => (
            <Tab key={name} value={name}>
              {REPORT_TITLES[name].title}
            </Tab>
          ))}
        </TabList>
      )}
      {user.role === 'member' && <Text>These are your own numbers; managers see their team’s.</Text>}
      <ReportFilterBar report={report} values={values} onChange={(next) => go(report, next, true)} />
      <ReportView key={report} name={report} values={values} />
    </div>
  );
}
