import type { Knex } from 'knex';
import {
  emailDomain,
  normalizeEmail,
  registrableDomain,
  type Organisation,
  type OrganisationUpdate,
  type PipelineStage,
  type PipelineStageCreate,
  type PipelineStageUpdate,
  type User,
} from '@inbox-crm/shared';
import { requireRole, type Actor } from '../../actor.js';
import { newId } from '../../db/ids.js';
import { Conflict, NotFound, StaleVersion } from '../../errors.js';
import { recordAudit } from '../audit/index.js';
import { findUserByEmail, hashPassword, insertUser, toUser } from '../users/index.js';
import { DEFAULT_PIPELINE } from './default-pipeline.js';
import * as organisations from './repository.js';
import { forgetMailSettings } from './settings-cache.js';

export async function getOrganisation(db: Knex, actor: Actor): Promise<Organisation> {
  const row = await organisations.findOrganisation(db, actor.orgId);
  if (!row) throw new NotFound('Your organisation');
  return organisations.toOrganisation(row);
}

const lowerAll = (values: string[]) => [...new Set(values.map((value) => value.trim().toLowerCase()))];

export async function updateOrganisation(
  db: Knex,
  actor: Actor,
  input: OrganisationUpdate,
): Promise<Organisation> {
  requireRole(actor, 'admin');
  const after = await db.transaction(async (trx) => {
    const before = await organisations.findOrganisation(trx, actor.orgId, true);
    if (!before) throw new NotFound('Your organisation');
    if (before.version !== input.version) throw new StaleVersion('The organisation settings', before.version);
    const changes: Partial<organisations.OrganisationRow> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.ownDomains !== undefined) changes.own_domains = lowerAll(input.ownDomains);
    if (input.freeMailDomains !== undefined) changes.free_mail_domains = lowerAll(input.freeMailDomains);
    if (input.neverFile !== undefined) changes.never_file = lowerAll(input.neverFile);
    if (input.defaultCountry !== undefined) changes.default_country = input.defaultCountry;
    if (input.autoFileThreads !== undefined) changes.auto_file_threads = input.autoFileThreads;
    if (input.retentionMonths !== undefined) changes.retention_months = input.retentionMonths;
    if (input.retentionAction !== undefined) changes.retention_action = input.retentionAction;
    if (input.metadataOnly !== undefined) changes.metadata_only = input.metadataOnly;
    const updated = organisations.toOrganisation(
      await organisations.updateOrganisation(trx, actor.orgId, changes),
    );
    await recordAudit(
      trx,
      actor,
      'update',
      'organisation',
      actor.orgId,
      organisations.toOrganisation(before),
      updated,
    );
    return updated;
  });
  forgetMailSettings(actor.orgId);
  return after;
}

export function listStages(db: Knex, actor: Actor): Promise<PipelineStage[]> {
  return organisations.listStages(db, actor.orgId);
}

export async function createStage(
  db: Knex,
  actor: Actor,
  input: PipelineStageCreate,
): Promise<PipelineStage> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    if (await organisations.stageNameTaken(trx, actor.orgId, input.name)) {
      throw new Conflict(`A stage named ${input.name} exists already.`);
    }
    const [stage] = await organisations.insertStages(trx, actor.orgId, [
      { id: newId(), ...input, name: input.name.trim() },
    ]);
    await recordAudit(trx, actor, 'create', 'pipeline_stage', stage!.id, null, stage);
    return stage!;
  });
}

export async function updateStage(
  db: Knex,
  actor: Actor,
  id: string,
  input: PipelineStageUpdate,
): Promise<PipelineStage> {
  requireRole(actor, 'admin');
  return db.transaction(async (trx) => {
    const before = await organisations.findStage(trx, actor.orgId, id, true);
    if (!before) throw new NotFound('Pipeline stage');
    if (before.version !== input.version) throw new StaleVersion('This stage', before.version);
    if (input.name !== undefined && (await organisations.stageNameTaken(trx, actor.orgId, input.name, id))) {
      throw new Conflict(`A stage named ${input.name} exists already.`);
    }
    const { version: _version, ...changes } = input;
    const after = await organisations.updateStage(trx, actor.orgId, id, changes);
    if (input.kind !== undefined && input.kind !== before.kind) {
      // An opportunity's status follows the kind of the stage it is in.
      await trx('opportunities').where({ org_id: actor.orgId, stage_id: id }).update({ status: input.kind });
    }
    await recordAudit(trx, actor, 'update', 'pipeline_stage', id, before, after);
    return after;
  });
}

export interface NewOrganisation {
  name: string;
  adminEmail: string;
  adminPassword: string;
  adminName?: string;
}

/**
 * An organisation with the default pipeline and its first admin, whose mail domain becomes the
 * organisation's own domain (staff addresses are never customers).
 */
export async function createOrganisationWithAdmin(
  trx: Knex.Transaction,
  input: NewOrganisation,
): Promise<{ organisationId: string; admin: User }> {
  const email = normalizeEmail(input.adminEmail);
  if (await findUserByEmail(trx, email))
    throw new Conflict(`A user with the address ${email} exists already.`);
  const organisationId = newId();
  const domain = registrableDomain(emailDomain(email));
  await organisations.insertOrganisation(trx, {
    id: organisationId,
    name: input.name,
    own_domains: domain ? [domain] : [],
  });
  await organisations.insertStages(
    trx,
    organisationId,
    DEFAULT_PIPELINE.map((stage, position) => ({ id: newId(), position, ...stage })),
  );
  const admin = toUser(
    await insertUser(trx, {
      org_id: organisationId,
      id: newId(),
      email,
      name: input.adminName ?? email.split('@')[0]!,
      role: 'admin',
      team_id: null,
      password_hash: await hashPassword(input.adminPassword),
    }),
  );
  await recordAudit(
    trx,
    { orgId: organisationId, userId: null },
    'create',
    'organisation',
    organisationId,
    null,
    {
      name: input.name,
      adminEmail: email,
    },
  );
  return { organisationId, admin };
}
