import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import {
  CASE_STATUS_NAMES,
  consoleRecordPath,
  PRIORITY_NAMES,
  type ApiClient,
  type OpportunityListQuery,
  type RecordOfType,
  type RecordRef,
  type RecordType,
} from '@inbox-crm/shared/client';
import { formatDate, formatMoney, metaLine } from '../../ui/format.js';
import { EntryList } from '../../ui/entry-list.js';
import { ProblemMessage } from '../../ui/problem-message.js';
import { Section } from '../../ui/section.js';
import { useServices } from '../../ui/services.js';
import { useRequest } from '../../ui/use-request.js';
import { ConsoleLink } from './console-link.js';

const SHOWN = 50;

interface RelatedRow {
  ref: RecordRef;
  name: string;
  detail: string | null;
}

interface RelatedList {
  title: string;
  /** What to do while there are none. */
  empty: string;
  load: (api: ApiClient, id: string) => Promise<RelatedRow[]>;
}

const contactsRow = (contact: RecordOfType['contact']): RelatedRow => ({
  ref: { type: 'contact', id: contact.id },
  name: contact.name,
  detail: [contact.title, contact.emails[0]].filter(Boolean).join(' · ') || null,
});
const opportunityRow = (opportunity: RecordOfType['opportunity'], stage: string | undefined): RelatedRow => ({
  ref: { type: 'opportunity', id: opportunity.id },
  name: opportunity.name,
  detail:
    metaLine(
      stage,
      formatMoney(opportunity.amountMinor, opportunity.currency),
      opportunity.closeDate && `closes ${formatDate(opportunity.closeDate)}`,
    ) || null,
});

/** Deals with their stage named as the pipeline names it ("Proposal", "Closed won"). */
async function opportunityRows(api: ApiClient, query: OpportunityListQuery): Promise<RelatedRow[]> {
  const [page, stages] = await Promise.all([
    api.listRecords('opportunity', { ...query, limit: SHOWN }),
    api.pipelineStages(),
  ]);
  const stageNames = new Map(stages.map((stage) => [stage.id, stage.name]));
  return page.items.map((opportunity) => opportunityRow(opportunity, stageNames.get(opportunity.stageId)));
}
const caseRow = (item: RecordOfType['case']): RelatedRow => ({
  ref: { type: 'case', id: item.id },
  name: item.subject,
  detail: `${CASE_STATUS_NAMES[item.status]} · ${PRIORITY_NAMES[item.priority]}`,
});

/** What a record page lists besides its history: an account's people, deals and cases; a contact's deals and cases. */
const RELATED: Record<RecordType, RelatedList[]> = {
  account: [
    {
      title: 'Contacts',
      empty: 'No contacts yet — create one with New contact on the Contacts list and choose this account.',
      load: async (api, accountId) =>
        (await api.listRecords('contact', { accountId, limit: SHOWN })).items.map(contactsRow),
    },
    {
      title: 'Opportunities',
      empty:
        'No deals yet — create one with New opportunity on the Opportunities list and choose this account.',
      load: (api, accountId) => opportunityRows(api, { accountId }),
    },
    {
      title: 'Cases',
      empty: 'No cases yet — open one with New case on the Cases list and choose this account.',
      load: async (api, accountId) =>
        (await api.listRecords('case', { accountId, limit: SHOWN })).items.map(caseRow),
    },
  ],
  contact: [
    {
      title: 'Opportunities',
      empty:
        'No deals yet — create one with New opportunity on the Opportunities list and choose this contact.',
      load: (api, contactId) => opportunityRows(api, { contactId }),
    },
    {
      title: 'Cases',
      empty: 'No cases yet — open one with New case on the Cases list and choose this contact.',
      load: async (api, contactId) =>
        (await api.listRecords('case', { contactId, limit: SHOWN })).items.map(caseRow),
    },
  ],
  opportunity: [],
  case: [],
};

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

function RelatedSection({ list, id }: { list: RelatedList; id: string }) {
  const { api } = useServices();
  const rows = useRequest(`${list.title}:${id}`, () => list.load(api, id));
  const state = rows.state;
  if (state.status === 'loading')
    return <Spinner size="tiny" label={`Loading ${list.title.toLowerCase()}…`} />;
  if (state.status === 'failed') return <ProblemMessage error={state.error} onRetry={rows.reload} />;
  return (
    <Section
      title={`${list.title} (${state.data.length}${state.data.length === SHOWN ? '+' : ''})`}
      isEmpty={state.data.length === 0}
      empty={list.empty}
    >
      <EntryList
        entries={state.data.map((row) => ({
          key: row.ref.id,
          title: <ConsoleLink to={consoleRecordPath(row.ref)}>{row.name}</ConsoleLink>,
          meta: row.detail,
        }))}
      />
    </Section>
  );
}

/** The records that belong to this one, each a link to its own page. */
export function RelatedRecords({ record }: { record: RecordRef }) {
  const styles = useStyles();
  const lists = RELATED[record.type];
  if (lists.length === 0) return null;
  return (
    <div className={styles.grid}>
      {lists.map((list) => (
        <RelatedSection key={list.title} list={list} id={record.id} />
      ))}
    </div>
  );
}
