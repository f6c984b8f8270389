import type { ImportRecordType, ImportRun, ImportSettings, PipelineStage } from '@inbox-crm/shared';
import { foldForSearch, normalizeEmail } from '@inbox-crm/shared';
import type { Actor } from '../../actor.js';
import type { Db } from '../../db/types.js';
import type { CompanyDesk } from './company-desk.js';
import { listStages, mailSettings, type MailSettings } from '../organisation/index.js';

/** What every row of one run reads besides its own cells: who imports, how, and the organisation's names. */
export interface ImportContext {
  actor: Actor;
  recordType: ImportRecordType;
  settings: ImportSettings;
  run: ImportRun;
  /** How many columns the header row names: a row with more cells is refused. */
  columnCount: number;
  mail: MailSettings;
  /** Active users by address and by folded name, for the owner column. */
  users: ReadonlyMap<string, string>;
  /** Pipeline stages by folded name. */
  stages: ReadonlyMap<string, PipelineStage>;
  stageNames: string[];
  /** The row each match key was first seen on: a later row with the same key is refused. */
  seenKeys: Map<string, number>;
  /** Companies this run made an account for; a dry run, which keeps nothing, makes them again quietly. */
  accountsMade: Set<string>;
  /** Where the accounts for companies are made when the run's chunks go side by side (none: in the chunk). */
  desk?: CompanyDesk;
}

export async function importContext(
  db: Db,
  actor: Actor,
  recordType: ImportRecordType,
  settings: ImportSettings,
  run: ImportRun,
  columnCount: number,
): Promise<ImportContext> {
  const userRows = (await db('users')
    .where({ org_id: actor.orgId, active: true })
    .select('id', 'email', 'name')) as { id: string; email: string; name: string }[];
  const users = new Map<string, string>();
  for (const user of userRows) {
    users.set(foldForSearch(user.name), user.id);
    users.set(normalizeEmail(user.email), user.id);
  }
  const stages = await listStages(db, actor.orgId);
  return {
    actor,
    recordType,
    settings,
    run,
    columnCount,
    mail: await mailSettings(db, actor.orgId),
    users,
    stages: new Map(stages.map((stage) => [foldForSearch(stage.name), stage])),
    stageNames: stages.map((stage) => stage.name),
    seenKeys: new Map(),
    accountsMade: new Set(),
  };
}
