import type { Knex } from 'knex';
import { v7 as newId } from 'uuid';

// What reports read about time: each stay of an opportunity in a pipeline stage and of a case in a
// status, from when it entered to when it left (null while it is there). The server writes them in
// the transaction of each create and each stage or status change (server/src/modules/reports);
// this migration backfills them from the audit log, which holds every write's record before and
// after. A record the log knows nothing of gets one stay, in its present stage, from its creation.
// `resolves` marks a case's stay that began when it went from an open status to resolved or
// closed: the moment it was resolved (a closed case that was resolved before does not count twice).
const statements = [
  `CREATE TABLE opportunity_stage_history (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    opportunity_id uuid NOT NULL,
    stage_id uuid NOT NULL,
    entered_at timestamptz NOT NULL,
    left_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, opportunity_id) REFERENCES opportunities (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, stage_id) REFERENCES pipeline_stages (org_id, id),
    CHECK (left_at IS NULL OR left_at >= entered_at)
  )`,
  `CREATE UNIQUE INDEX opportunity_stage_history_current ON opportunity_stage_history (org_id, opportunity_id)
    INCLUDE (stage_id, entered_at) WHERE left_at IS NULL`,
  `CREATE INDEX opportunity_stage_history_stays ON opportunity_stage_history (org_id, opportunity_id, entered_at)`,
  `CREATE TABLE case_status_history (
    org_id uuid NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    status text NOT NULL,
    resolves boolean NOT NULL,
    entered_at timestamptz NOT NULL,
    left_at timestamptz,
    PRIMARY KEY (org_id, id),
    FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id) ON DELETE CASCADE,
    CHECK (left_at IS NULL OR left_at >= entered_at)
  )`,
  `CREATE UNIQUE INDEX case_status_history_current ON case_status_history (org_id, case_id)
    INCLUDE (status, entered_at) WHERE left_at IS NULL`,
  `CREATE INDEX case_status_history_resolutions ON case_status_history (org_id, entered_at) WHERE resolves`,
];

const RESOLVED = new Set(['resolved', 'closed']);

interface HistorySource {
  table: 'opportunities' | 'cases';
  entity: 'opportunity' | 'case';
  /** The column that holds the state, and its name in the audit log's record. */
  column: 'stage_id' | 'status';
  field: 'stageId' | 'status';
  history: 'opportunity_stage_history' | 'case_status_history';
  row(orgId: string, recordId: string, value: string, previous: string | null): Record<string, unknown>;
}

const SOURCES: HistorySource[] = [
  {
    table: 'opportunities',
    entity: 'opportunity',
    column: 'stage_id',
    field: 'stageId',
    history: 'opportunity_stage_history',
    row: (orgId, recordId, value) => ({ org_id: orgId, opportunity_id: recordId, stage_id: value }),
  },
  {
    table: 'cases',
    entity: 'case',
    column: 'status',
    field: 'status',
    history: 'case_status_history',
    row: (orgId, recordId, value, previous) => ({
      org_id: orgId,
      case_id: recordId,
      status: value,
      resolves: RESOLVED.has(value) && (previous === null || !RESOLVED.has(previous)),
    }),
  },
];

interface RecordRow {
  org_id: string;
  id: string;
  value: string;
  created_at: Date;
  updated_at: Date;
}
interface AuditRow {
  org_id: string;
  entity_id: string;
  before_value: string | null;
  after_value: string;
  at: Date;
}

/** The record's stays, oldest first: from the log's values, its creation and its present state. */
function staysOf(record: RecordRow, audited: AuditRow[]): { value: string; at: Date }[] {
  const stays: { value: string; at: Date }[] = [];
  const enter = (value: string, at: Date) => {
    const last = stays.at(-1);
    if (last?.value === value) return;
    // The log and the record's own times come from different statements: never let a stay end before it began.
    stays.push({ value, at: last && at < last.at ? last.at : at });
  };
  const first = audited[0];
  if (first?.before_value && first.before_value !== first.after_value)
    enter(first.before_value, record.created_at);
  for (const row of audited) enter(row.after_value, stays.length === 0 ? record.created_at : row.at);
  if (stays.length === 0) enter(record.value, record.created_at);
  else enter(record.value, record.updated_at);
  return stays;
}

const PAGE = 2000;

async function backfill(knex: Knex, source: HistorySource): Promise<void> {
  let after: { org_id: string; id: string } | null = null;
  for (;;) {
    const records = (await knex(source.table)
      .select('org_id', 'id', `${source.column} as value`, 'created_at', 'updated_at')
      .modify((query) => {
        if (after) query.whereRaw('(org_id, id) > (?, ?)', [after.org_id, after.id]);
      })
      .orderBy([{ column: 'org_id' }, { column: 'id' }])
      .limit(PAGE)) as RecordRow[];
    if (records.length === 0) return;
    after = records.at(-1)!;
    const audited = (await knex('audit_log')
      .select(
        'org_id',
        'entity_id',
        knex.raw('before ->> ? AS before_value', [source.field]),
        knex.raw('after ->> ? AS after_value', [source.field]),
        'at',
      )
      .where('entity_type', source.entity)
      .whereIn('action', ['create', 'update'])
      .whereRaw('after ->> ? IS NOT NULL', [source.field])
      .whereIn(
        ['org_id', 'entity_id'],
        records.map((record) => [record.org_id, record.id]),
      )
      .orderBy('id')) as AuditRow[];
    const byRecord = new Map<string, AuditRow[]>();
    for (const row of audited) {
      const key = `${row.org_id}/${row.entity_id}`;
      byRecord.set(key, [...(byRecord.get(key) ?? []), row]);
    }
    const rows = records.flatMap((record) => {
      const stays = staysOf(record, byRecord.get(`${record.org_id}/${record.id}`) ?? []);
      return stays.map((stay, index) => ({
        ...source.row(record.org_id, record.id, stay.value, stays[index - 1]?.value ?? null),
        id: newId(),
        entered_at: stay.at,
        left_at: stays[index + 1]?.at ?? null,
      }));
    });
    for (let start = 0; start < rows.length; start += 500) {
      await knex(source.history).insert(rows.slice(start, start + 500));
    }
  }
}

export async function up(knex: Knex): Promise<void> {
  for (const statement of statements) await knex.raw(statement);
  for (const source of SOURCES) await backfill(knex, source);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE case_status_history');
  await knex.raw('DROP TABLE opportunity_stage_history');
}
