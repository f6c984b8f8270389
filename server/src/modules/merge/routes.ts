import {
  AccountDuplicates,
  AccountMergePreview,
  AccountMergeRequest,
  AccountMergeResult,
  ContactDuplicates,
  ContactMergePreview,
  ContactMergeRequest,
  ContactMergeResult,
  IdParams,
  MergePreviewQuery,
  type MergeableType,
  type MergeRequestOf,
} from '@inbox-crm/shared';
import type { TSchema } from 'typebox';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { findDuplicates } from './duplicates.js';
import { mergeRecords, previewMerge } from './service.js';

const SCHEMAS: Record<
  MergeableType,
  { path: string; request: TSchema; preview: TSchema; result: TSchema; duplicates: TSchema }
> = {
  contact: {
    path: 'contacts',
    request: ContactMergeRequest,
    preview: ContactMergePreview,
    result: ContactMergeResult,
    duplicates: ContactDuplicates,
  },
  account: {
    path: 'accounts',
    request: AccountMergeRequest,
    preview: AccountMergePreview,
    result: AccountMergeResult,
    duplicates: AccountDuplicates,
  },
};

/**
 * For contacts and accounts: GET /{path}/:id/duplicates suggests possible duplicates,
 * GET /{path}/:id/merge-preview?duplicateId= shows what a merge would move, and
 * POST /{path}/:id/merge merges the duplicate into this record.
 */
export async function mergeRoutes(app: App): Promise<void> {
  for (const type of Object.keys(SCHEMAS) as MergeableType[]) {
    const { path, request, preview, result, duplicates } = SCHEMAS[type];
    const tags = [path];
    app.get(
      `/${path}/:id/duplicates`,
      {
        schema: {
          tags,
          security: bearer,
          summary: `Possible duplicates of this ${type}, with why each looks like one`,
          params: IdParams,
          response: { 200: duplicates, ...errorReplies },
        },
      },
      (req) => findDuplicates(app.db, req.actor, type, req.params.id),
    );
    app.get(
      `/${path}/:id/merge-preview`,
      {
        schema: {
          tags,
          security: bearer,
          summary: `Both ${path} and what merging the duplicate into this one would move`,
          params: IdParams,
          querystring: MergePreviewQuery,
          response: { 200: preview, ...errorReplies },
        },
      },
      (req) =>
        previewMerge(app.db, req.actor, type, req.params.id, (req.query as MergePreviewQuery).duplicateId),
    );
    app.post(
      `/${path}/:id/merge`,
      {
        schema: {
          tags,
          security: bearer,
          summary: `Merges the duplicate into this ${type} in one transaction; the duplicate points here`,
          params: IdParams,
          body: request,
          response: { 200: result, ...errorReplies },
        },
      },
      (req) => mergeRecords(app.db, req.actor, type, req.params.id, req.body as MergeRequestOf<typeof type>),
    );
  }
}
