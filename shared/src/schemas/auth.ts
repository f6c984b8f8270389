import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable, strict, Uuid } from './common.js';
import { User } from './users.js';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  strict,
);
export type LoginBody = Static<typeof LoginBody>;

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 20, maxLength: 200 }) },
  strict,
);
export type RefreshBody = Static<typeof RefreshBody>;

export const Session = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
  user: User,
});
export type Session = Static<typeof Session>;

/** What an API token may do: all its creator may ('full'), or only record consent (a website form's). */
export const API_TOKEN_SCOPES = ['full', 'consent'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
const ApiTokenScope = Type.Enum(API_TOKEN_SCOPES, {
  description:
    "full: everything its creator may do; consent: only POST /api/v1/consents (for a website form's server)",
});

export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  scope: ApiTokenScope,
  prefix: Type.String({ description: 'the first characters of the token, to recognise it' }),
  createdAt: IsoDateTime,
  lastUsedAt: Nullable(IsoDateTime),
});
export type ApiToken = Static<typeof ApiToken>;

export const ApiTokenCreate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), scope: Type.Optional(ApiTokenScope) },
  strict,
);
export type ApiTokenCreate = Static<typeof ApiTokenCreate>;

export const ApiTokenCreated = Type.Object({
  token: Type.String({ description: 'shown once; only its hash is stored' }),
  apiToken: ApiToken,
});
export type ApiTokenCreated = Static<typeof ApiTokenCreated>;
