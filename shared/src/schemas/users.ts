import { Type, type Static } from 'typebox';
import {
  EmailAddress,
  IsoDateTime,
  Nullable,
  PageQuery,
  strict,
  TimeZone,
  Uuid,
  VersionField,
} from './common.js';

export const ROLES = ['admin', 'manager', 'member'] as const;
export const Role = Type.Enum(ROLES);
export type Role = (typeof ROLES)[number];

export const Password = Type.String({ minLength: 8, maxLength: 200 });
const PersonName = Type.String({ minLength: 1, maxLength: 200 });

export const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  teamId: Nullable(Uuid),
  managerId: Nullable(Uuid),
  timeZone: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type User = Static<typeof User>;

export const UserCreate = Type.Object(
  {
    email: EmailAddress,
    name: PersonName,
    role: Role,
    teamId: Type.Optional(Nullable(Uuid)),
    managerId: Type.Optional(Nullable(Uuid)),
    timeZone: Type.Optional(TimeZone),
    password: Password,
  },
  strict,
);
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Type.Object(
  {
    ...VersionField,
    name: Type.Optional(PersonName),
    role: Type.Optional(Role),
    teamId: Type.Optional(Nullable(Uuid)),
    managerId: Type.Optional(Nullable(Uuid)),
    timeZone: Type.Optional(TimeZone),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  strict,
);
export type UserUpdate = Static<typeof UserUpdate>;

export const UserListQuery = Type.Object(
  {
    ...PageQuery,
    role: Type.Optional(Role),
    teamId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type UserListQuery = Static<typeof UserListQuery>;

export const Team = Type.Object({
  id: Uuid,
  name: Type.String(),
  version: Type.Integer(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Team = Static<typeof Team>;

export const TeamCreate = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }, strict);
export type TeamCreate = Static<typeof TeamCreate>;
export const TeamUpdate = Type.Object(
  { ...VersionField, name: Type.String({ minLength: 1, maxLength: 200 }) },
  strict,
);
export type TeamUpdate = Static<typeof TeamUpdate>;

/** What a user may change about themselves. */
export const MyPreferences = Type.Object({ timeZone: TimeZone }, strict);
export type MyPreferences = Static<typeof MyPreferences>;
