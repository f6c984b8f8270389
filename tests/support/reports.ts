import { expect } from 'vitest';
import type { Knex } from 'knex';
import type { PipelineStage, ReportName, Reports } from '@inbox-crm/shared';
import type { Client } from './http.js';

type QueryValue = string | number | readonly string[];

/** A report as the caller gets it, checked to be a 200. */
export async function reportOf<N extends ReportName>(
  client: Client,
  name: N,
  query: Record<string, QueryValue> = {},
): Promise<Reports[N]['report']> {
  const reply = await client.get(`/api/v1/reports/${name}?${queryString(query)}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as Reports[N]['report'];
}

export function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one));
  }
  return params.toString();
}

/** The organisation's pipeline stages by name: Lead, Qualified, Proposal, Negotiation, Closed won, Closed lost. */
export async function stagesByName(client: Client): Promise<Record<string, PipelineStage>> {
  const stages = (await client.get('/api/v1/pipeline-stages')).body.items as PipelineStage[];
  return Object.fromEntries(stages.map((stage) => [stage.name, stage]));
}

/**
 * Gives an opportunity a history the test knows by hand: its creation time and its stays, each
 * [stage id, entered, left or null]. The stays written by the API as the test moved it are
 * replaced, so the dates are the test's, not the clock's.
 */
export async function setStageStays(
  knex: Knex,
  orgId: string,
  opportunityId: string,
  createdAt: string,
  stays: readonly (readonly [stageId: string, entered: string, left: string | null])[],
): Promise<void> {
  await knex('opportunities').where({ org_id: orgId, id: opportunityId }).update({ created_at: createdAt });
  const rows = (await knex('opportunity_stage_history')
    .where({ org_id: orgId, opportunity_id: opportunityId })
    .orderBy('entered_at')
    .orderBy('id')
    .select('id', 'stage_id')) as { id: string; stage_id: string }[];
  expect(rows.map((row) => row.stage_id)).toEqual(stays.map(([stageId]) => stageId));
  for (const [index, row] of rows.entries()) {
    const [, entered, left] = stays[index]!;
    await knex('opportunity_stage_history')
      .where({ org_id: orgId, id: row.id })
      .update({ entered_at: entered, left_at: left });
  }
}

/** The same for a case: its creation time and its stays in each status, as the API wrote them. */
export async function setStatusStays(
  knex: Knex,
  orgId: string,
  caseId: string,
  createdAt: string,
  stays: readonly (readonly [status: string, entered: string, left: string | null])[],
): Promise<void> {
  await knex('cases').where({ org_id: orgId, id: caseId }).update({ created_at: createdAt });
  const rows = (await knex('case_status_history')
    .where({ org_id: orgId, case_id: caseId })
    .orderBy('entered_at')
    .orderBy('id')
    .select('id', 'status')) as { id: string; status: string }[];
  expect(rows.map((row) => row.status)).toEqual(stays.map(([status]) => status));
  for (const [index, row] of rows.entries()) {
    const [, entered, left] = stays[index]!;
    await knex('case_status_history')
      .where({ org_id: orgId, id: row.id })
      .update({ entered_at: entered, left_at: left });
  }
}

/** Moves a record through the API (stage or status), checking each write. */
export async function patchRecord(client: Client, path: string, changes: object): Promise<void> {
  const current = await client.get(path);
  const reply = await client.patch(path, { ...changes, version: current.body.version });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** The names a console list shows for a query, as a report's bar opens it. */
export async function listedNames(
  client: Client,
  list: 'opportunities' | 'cases' | 'activities',
  query: Record<string, QueryValue>,
) {
  const reply = await client.get(`/api/v1/lists/${list}?${queryString(query)}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body.items as { name?: string; subject?: string }[])
    .map((row) => row.name ?? row.subject)
    .sort();
}
