import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatDate, metaLine } from '../../ui/format.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import type { FilterValues } from './list-filters.js';

const useStyles = makeStyles({
  line: { color: tokens.colorNeutralForeground2 },
});

const PERIODS = [
  ['closed', 'Won or lost'],
  ['opened', 'Opened'],
  ['resolved', 'Resolved'],
  ['at', 'Filed or held'],
] as const;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function period(label: string, from: string | undefined, to: string | undefined): string | null {
  if (!from && !to) return null;
  if (from && to) return `${label} ${formatDate(from)} – ${formatDate(to)}`;
  return from ? `${label} from ${formatDate(from)}` : `${label} until ${formatDate(to!)}`;
}

/**
 * What a report's bar narrowed the list to, in words ("Won or lost 1 Feb – 28 Feb 2027 · Europe/
 * Berlin · Team North"), since those filters have no control of their own on the list.
 */
export function ReportNarrowing({ values }: { values: FilterValues }) {
  const styles = useStyles();
  const { api } = useServices();
  const teamId = text(values['teamId']);
  const teams = useRequest(teamId ? 'teams' : 'no team', () => (teamId ? api.teams() : Promise.resolve([])));
  const leftStageId = text(values['leftStageId']);
  const stages = useRequest(leftStageId ? 'stages' : 'no stages', () =>
    leftStageId ? api.pipelineStages() : Promise.resolve([]),
  );
  const leftStage =
    stages.state.status === 'done'
      ? (stages.state.data.find((stage) => stage.id === leftStageId)?.name ?? 'a stage')
      : 'the stage';
  const periods = [
    ...PERIODS.map(([key, label]) => period(label, text(values[`${key}From`]), text(values[`${key}To`]))),
    leftStageId
      ? (period(`Left ${leftStage}`, text(values['leftFrom']), text(values['leftTo'])) ?? `Left ${leftStage}`)
      : null,
  ].filter(Boolean);
  const teamName =
    teamId && teams.state.status === 'done'
      ? (teams.state.data.find((team) => team.id === teamId)?.name ?? 'a team')
      : undefined;
  if (periods.length === 0 && !teamId) return null;
  const zone = periods.length > 0 ? text(values['timeZone'])?.replace(/_/g, ' ') : undefined;
  return (
    <Text className={styles.line}>
      {metaLine(...periods, zone && `days in ${zone}`, teamName && `Team ${teamName}`)}
    </Text>
  );
}
