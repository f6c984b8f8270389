import { Type, type Static, type TSchema } from 'typebox';
import { Account } from './accounts.js';
import { strict, Uuid } from './common.js';
import { Contact } from './contacts.js';

/** The record types that can be merged: two contacts, or two accounts. */
export type MergeableType = 'contact' | 'account';

/** The single-valued fields a merge picks one value of; addresses, phones and domains are pooled. */
export const MERGE_FIELDS = {
  contact: ['firstName', 'lastName', 'title', 'accountId', 'ownerId'],
  account: ['name', 'website', 'industry', 'phone', 'ownerId'],
} as const;
export type MergeField<T extends MergeableType> = (typeof MERGE_FIELDS)[T][number];

const mergeRequest = <const F extends readonly string[]>(fields: F) =>
  Type.Object(
    {
      /** The version of the record that is kept, as it was read. */
      version: Type.Integer({ minimum: 1 }),
      duplicateId: Uuid,
      duplicateVersion: Type.Integer({ minimum: 1 }),
      /** The fields whose value comes from the duplicate; every other field keeps the kept record's. */
      takeFromDuplicate: Type.Array(Type.Enum(fields), { maxItems: 10, uniqueItems: true }),
    },
    strict,
  );

export const ContactMergeRequest = mergeRequest(MERGE_FIELDS.contact);
export type ContactMergeRequest = Static<typeof ContactMergeRequest>;
export const AccountMergeRequest = mergeRequest(MERGE_FIELDS.account);
export type AccountMergeRequest = Static<typeof AccountMergeRequest>;
export type MergeRequestOf<T extends MergeableType> = T extends 'contact'
  ? ContactMergeRequest
  : AccountMergeRequest;

/** What a merge moves from the duplicate to the record that is kept, counted. */
export const MergeMoves = Type.Object({
  activities: Type.Integer(),
  tasks: Type.Integer(),
  opportunities: Type.Integer(),
  cases: Type.Integer(),
  planEnrollments: Type.Integer(),
  contacts: Type.Integer(),
  emailAddresses: Type.Integer(),
  phones: Type.Integer(),
  domains: Type.Integer(),
  consents: Type.Integer({ description: 'consent history entries' }),
});
export type MergeMoves = Static<typeof MergeMoves>;

export const MergePreviewQuery = Type.Object({ duplicateId: Uuid }, strict);
export type MergePreviewQuery = Static<typeof MergePreviewQuery>;

const preview = <S extends TSchema>(record: S) =>
  Type.Object({ record, duplicate: record, moves: MergeMoves });
export const ContactMergePreview = preview(Contact);
export const AccountMergePreview = preview(Account);

const result = <S extends TSchema>(record: S) => Type.Object({ record, moves: MergeMoves });
export const ContactMergeResult = result(Contact);
export const AccountMergeResult = result(Account);

/** Why a record may be a duplicate of another. */
export const DUPLICATE_REASONS = [
  'same_name',
  'similar_name',
  'same_phone',
  'same_initial_at_account',
  'same_web_domain',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

const suggestions = <S extends TSchema>(record: S) =>
  Type.Object({
    items: Type.Array(
      Type.Object({ record, reasons: Type.Array(Type.Enum(DUPLICATE_REASONS), { minItems: 1 }) }),
    ),
  });
export const ContactDuplicates = suggestions(Contact);
export const AccountDuplicates = suggestions(Account);

export interface MergePreviewOf<R> {
  record: R;
  duplicate: R;
  moves: MergeMoves;
}
export interface MergeResultOf<R> {
  record: R;
  moves: MergeMoves;
}
export interface DuplicatesOf<R> {
  items: { record: R; reasons: DuplicateReason[] }[];
}
