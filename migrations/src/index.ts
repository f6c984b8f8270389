import type { Knex } from 'knex';
import * as coreSchema from './20261122000000_core_schema.js';
import * as emailFilerIndex from './20261130000000_email_filer_index.js';
import * as workflowAndReminders from './20261201000000_workflow_and_reminders.js';
import * as sessionsThrottleAuditActors from './20261202000000_sessions_throttle_audit_actors.js';
import * as inertRemoteImages from './20261202000100_inert_remote_images.js';
import * as listIndexes from './20261203000000_list_indexes.js';
import * as boardIndexes from './20261203000100_board_indexes.js';
import * as opportunityStageTotals from './20261203000200_opportunity_stage_totals.js';
import * as mergedRecords from './20261203000300_merged_records.js';
import * as recentViews from './20261203000500_recent_views.js';
import * as searchNamePrefix from './20261203000600_search_name_prefix.js';
import * as contactSearchRest from './20261203000700_contact_search_rest.js';
import * as homeRecentMail from './20261203000800_home_recent_mail.js';
import * as activitySearch from './20261203000900_activity_search.js';
import * as stageAndStatusHistory from './20261204000000_stage_and_status_history.js';
import * as dashboardTiles from './20261204000100_dashboard_tiles.js';
import * as caseStatusStaysIndex from './20261204000200_case_status_stays_index.js';
import * as openDealsByAccount from './20261204000300_open_deals_by_account.js';
import * as accountMailByTime from './20261204000400_account_mail_by_time.js';
import * as activityQuarterCounts from './20261204000500_activity_quarter_counts.js';
import * as opportunityStageTime from './20261204000600_opportunity_stage_time.js';
import * as closedDealsIndex from './20261204000700_closed_deals_index.js';
import * as casesByOwnerAndOpening from './20261204000800_cases_by_owner_and_opening.js';
import * as activitiesListedAt from './20261204000900_activities_listed_at.js';
import * as attachmentContents from './20261205000000_attachment_contents.js';
import * as activityQuarterCountSlots from './20261205000100_activity_quarter_count_slots.js';
import * as autoFileThreads from './20261205000200_auto_file_threads.js';
import * as meetingOccurrences from './20261206000000_meeting_occurrences.js';
import * as supportMailboxes from './20261207000000_support_mailboxes.js';
import * as supportRouting from './20261208000000_support_routing.js';
import * as caseFirstResponse from './20261208000100_case_first_response.js';
import * as slaPolicies from './20261208000200_sla_policies.js';
import * as consentLedger from './20261209000000_consent_ledger.js';
import * as suppressions from './20261209000100_suppressions.js';
import * as mailRetention from './20261209000200_mail_retention.js';
import * as imports from './20261210000000_imports.js';
import * as mailImports from './20261210000100_mail_imports.js';
import * as taskRecordIndexes from './20261210000200_task_record_indexes.js';
import * as apiTokenScopes from './20261211000000_api_token_scopes.js';
import * as importMadeAccounts from './20261212000000_import_made_accounts.js';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

/** Every migration in the order it runs. Add a file per change; never edit one that has landed. */
const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['20261122000000_core_schema', coreSchema],
  ['20261130000000_email_filer_index', emailFilerIndex],
  ['20261201000000_workflow_and_reminders', workflowAndReminders],
  ['20261202000000_sessions_throttle_audit_actors', sessionsThrottleAuditActors],
  ['20261202000100_inert_remote_images', inertRemoteImages],
  ['20261203000000_list_indexes', listIndexes],
  ['20261203000100_board_indexes', boardIndexes],
  ['20261203000200_opportunity_stage_totals', opportunityStageTotals],
  ['20261203000300_merged_records', mergedRecords],
  ['20261203000500_recent_views', recentViews],
  ['20261203000600_search_name_prefix', searchNamePrefix],
  ['20261203000700_contact_search_rest', contactSearchRest],
  ['20261203000800_home_recent_mail', homeRecentMail],
  ['20261203000900_activity_search', activitySearch],
  ['20261204000000_stage_and_status_history', stageAndStatusHistory],
  ['20261204000100_dashboard_tiles', dashboardTiles],
  ['20261204000200_case_status_stays_index', caseStatusStaysIndex],
  ['20261204000300_open_deals_by_account', openDealsByAccount],
  ['20261204000400_account_mail_by_time', accountMailByTime],
  ['20261204000500_activity_quarter_counts', activityQuarterCounts],
  ['20261204000600_opportunity_stage_time', opportunityStageTime],
  ['20261204000700_closed_deals_index', closedDealsIndex],
  ['20261204000800_cases_by_owner_and_opening', casesByOwnerAndOpening],
  ['20261204000900_activities_listed_at', activitiesListedAt],
  ['20261205000000_attachment_contents', attachmentContents],
  ['20261205000100_activity_quarter_count_slots', activityQuarterCountSlots],
  ['20261205000200_auto_file_threads', autoFileThreads],
  ['20261206000000_meeting_occurrences', meetingOccurrences],
  ['20261207000000_support_mailboxes', supportMailboxes],
  ['20261208000000_support_routing', supportRouting],
  ['20261208000100_case_first_response', caseFirstResponse],
  ['20261208000200_sla_policies', slaPolicies],
  ['20261209000000_consent_ledger', consentLedger],
  ['20261209000100_suppressions', suppressions],
  ['20261209000200_mail_retention', mailRetention],
  ['20261210000000_imports', imports],
  ['20261210000100_mail_imports', mailImports],
  ['20261210000200_task_record_indexes', taskRecordIndexes],
  ['20261211000000_api_token_scopes', apiTokenScopes],
  ['20261212000000_import_made_accounts', importMadeAccounts],
];

/** A knex migration source over the list above: no directory scanning, so it works from source and build alike. */
export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: () => Promise.resolve(migrations.map(([name]) => name)),
  getMigrationName: (name) => name,
  getMigration: (name) => {
    const found = migrations.find(([candidate]) => candidate === name);
    if (!found) throw new Error(`Unknown migration ${name}`);
    return Promise.resolve(found[1]);
  },
};
