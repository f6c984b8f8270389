import { Type, type Static } from 'typebox';
import { strict, Uuid, VersionField } from './common.js';

const Domain = Type.String({ minLength: 3, maxLength: 253, pattern: '^[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$' });
const NeverFileEntry = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s]+\\.[A-Za-z]{2,}$' });
const CountryCode = Type.String({ pattern: '^[A-Z]{2}$' });

/** What retention does to old mail: remove its bodies and attachments, or delete the email. */
export const RETENTION_ACTIONS = ['remove_content', 'delete'] as const;
export const RetentionAction = Type.Enum(RETENTION_ACTIONS);
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export const Organisation = Type.Object({
  id: Uuid,
  name: Type.String(),
  ownDomains: Type.Array(Type.String(), {
    description: "the organisation's own mail domains: never a customer",
  }),
  freeMailDomains: Type.Array(Type.String(), { description: 'added to the built-in free-mail list' }),
  neverFile: Type.Array(Type.String(), { description: 'addresses or domains whose mail is never filed' }),
  defaultCountry: CountryCode,
  autoFileThreads: Type.Boolean({
    description:
      'file a reply when it is opened if its thread is filed already (never mail among colleagues), with an Undo',
  }),
  retentionMonths: Type.Union([Type.Integer(), Type.Null()], {
    description: 'mail older than this many months loses its content (or goes); null keeps it',
  }),
  retentionAction: RetentionAction,
  metadataOnly: Type.Boolean({
    description: 'new filings keep subject, people and dates only: no bodies, no attachments',
  }),
  version: Type.Integer(),
});
export type Organisation = Static<typeof Organisation>;

export const OrganisationUpdate = Type.Object(
  {
    ...VersionField,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ownDomains: Type.Optional(Type.Array(Domain, { maxItems: 50 })),
    freeMailDomains: Type.Optional(Type.Array(Domain, { maxItems: 500 })),
    neverFile: Type.Optional(Type.Array(NeverFileEntry, { maxItems: 1000 })),
    defaultCountry: Type.Optional(CountryCode),
    autoFileThreads: Type.Optional(Type.Boolean()),
    retentionMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1200 }), Type.Null()])),
    retentionAction: Type.Optional(RetentionAction),
    metadataOnly: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type OrganisationUpdate = Static<typeof OrganisationUpdate>;

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const StageKind = Type.Enum(STAGE_KINDS);
export type StageKind = (typeof STAGE_KINDS)[number];

export const PipelineStage = Type.Object({
  id: Uuid,
  name: Type.String(),
  position: Type.Integer(),
  kind: StageKind,
  probability: Type.Integer({ minimum: 0, maximum: 100 }),
  version: Type.Integer(),
});
export type PipelineStage = Static<typeof PipelineStage>;

export const PipelineStageCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    position: Type.Integer({ minimum: 0, maximum: 1000 }),
    kind: StageKind,
    probability: Type.Integer({ minimum: 0, maximum: 100 }),
  },
  strict,
);
export type PipelineStageCreate = Static<typeof PipelineStageCreate>;

export const PipelineStageUpdate = Type.Object(
  {
    ...VersionField,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    kind: Type.Optional(StageKind),
    probability: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  strict,
);
export type PipelineStageUpdate = Static<typeof PipelineStageUpdate>;
