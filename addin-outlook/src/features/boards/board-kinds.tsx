import { Badge, Text } from '@fluentui/react-components';
import {
  BOARD_COLUMN_SIZE,
  consoleRecordPath,
  PRIORITY_NAMES,
  type CaseListRow,
  type OpportunityListRow,
} from '@inbox-crm/shared/client';
import { formatDate, formatMoney, metaLine } from '../../ui/format.js';
import { SlaClocks } from '../service-desk/sla-clocks.js';
import { ConsoleLink } from '../console/console-link.js';
import { CONSOLE_PATHS } from '../console/console-route.js';
import { FilterSelect } from '../lists/list-filters.js';
import type { BoardFilters, BoardKind } from './board-page.js';

/** The pipeline: deals by stage; a move changes the deal's stage (and so its probability). */
export const PIPELINE: BoardKind<OpportunityListRow> = {
  title: 'Pipeline',
  noun: 'deal',
  path: CONSOLE_PATHS.pipeline,
  listPath: CONSOLE_PATHS.list('opportunities'),
  load: (api, { owner, q }) => api.opportunityBoard({ owner, q }),
  more: (api, { owner, q }, stageId, cursor) =>
    api.list('opportunities', { owner, q, stageId, cursor, limit: BOARD_COLUMN_SIZE }),
  move: async (api, item, column) => {
    const saved = await api.updateRecord('opportunity', item.id, {
      version: item.version,
      stageId: column.id,
    });
    return {
      ...item,
      version: saved.version,
      stage: { id: column.id, name: column.name },
      status: saved.status,
      probability: saved.probability,
    };
  },
  nameOf: (item) => item.name,
  renderCard: (item) => (
    <>
      <ConsoleLink to={consoleRecordPath({ type: 'opportunity', id: item.id })}>{item.name}</ConsoleLink>
      {item.account && <Text size={200}>{item.account.name}</Text>}
      <Text size={200}>
        {metaLine(
          formatMoney(item.amountMinor, item.currency),
          item.closeDate && `closes ${formatDate(item.closeDate)}`,
          item.owner?.name,
        )}
      </Text>
    </>
  ),
};

const PRIORITY_COLOURS = { low: 'informative', normal: 'subtle', high: 'warning', urgent: 'danger' } as const;

/** The service queue: cases by status, the most urgent first; a move changes the status. */
export const SERVICE_QUEUE: BoardKind<CaseListRow> = {
  title: 'Service queue',
  noun: 'case',
  path: CONSOLE_PATHS.serviceQueue,
  listPath: CONSOLE_PATHS.list('cases'),
  settings: { path: CONSOLE_PATHS.serviceDesk, label: 'Support mailboxes' },
  load: (api, filters) => api.caseBoard(filters as never),
  more: (api, filters, status, cursor) =>
    api.list('cases', {
      ...(filters as object),
      status: status as never,
      sort: '-priority',
      cursor,
      limit: 20,
    }),
  move: async (api, item, column) => {
    const saved = await api.updateRecord('case', item.id, {
      version: item.version,
      status: column.id as CaseListRow['status'],
    });
    return { ...item, version: saved.version, status: saved.status };
  },
  nameOf: (item) => item.subject,
  renderCard: (item) => (
    <>
      <ConsoleLink to={consoleRecordPath({ type: 'case', id: item.id })}>{item.subject}</ConsoleLink>
      <span>
        <Badge appearance="tint" color={PRIORITY_COLOURS[item.priority]}>
          {PRIORITY_NAMES[item.priority]}
        </Badge>
      </span>
      <Text size={200}>
        {metaLine(`#${item.number}`, item.account?.name ?? item.contact?.name, item.owner?.name)}
      </Text>
      <SlaClocks caseId={item.id} version={item.version} runningOnly />
    </>
  ),
  extraFilters: (filters, change) => (
    <FilterSelect
      label="Priority"
      any="Any priority"
      value={filters.priority}
      options={Object.entries(PRIORITY_NAMES).map(([value, label]) => ({ value, label }))}
      onChange={(priority) => change({ priority: priority as BoardFilters['priority'] })}
    />
  ),
};
