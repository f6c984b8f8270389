import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { IsoDateTime, LookupResult, Nullable, UserRef } from '@inbox-crm/shared';
import { serializationSchema, serializerCompiler } from './response-serializer.js';

const Entry = Type.Object({
  title: Nullable(Type.String()),
  owner: Nullable(UserRef),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  stage: Nullable(Type.Union([Type.Literal('lead'), Type.Literal('won')])),
  dueAt: Nullable(IsoDateTime),
  tags: Nullable(Type.Array(Type.String())),
  either: Type.Union([Type.Object({ a: Type.String() }), Type.Object({ b: Type.Number() })]),
});

const serialize = serializerCompiler({ schema: Entry, method: 'GET', url: '/', httpStatus: '200' }) as (
  value: unknown,
) => string;

describe('serializationSchema', () => {
  it('leaves no union with null or of constants in the sender view', () => {
    expect(JSON.stringify(LookupResult)).toContain('anyOf');
    expect(JSON.stringify(serializationSchema(LookupResult))).not.toContain('anyOf');
  });

  it('keeps a union of two object shapes as it is', () => {
    const plain = serializationSchema(Entry) as { properties: Record<string, Record<string, unknown>> };
    expect(plain.properties.either!.anyOf).toHaveLength(2);
    expect(plain.properties.owner).toMatchObject({ type: 'object', nullable: true });
    expect(plain.properties.stage).toMatchObject({ type: 'string', enum: ['lead', 'won'], nullable: true });
  });
});

describe('serializerCompiler', () => {
  it('writes values and nulls of each plain form as the schema says', () => {
    const full = {
      title: 'Renewal',
      owner: { id: '01a246ef-65c0-7521-9f7e-1d4c2b1f0a11', name: 'Ana Kim' },
      status: 'open',
      stage: 'won',
      dueAt: '2026-12-05T10:00:00.000Z',
      tags: ['a', 'b'],
      either: { b: 2 },
    };
    const empty = {
      ...full,
      title: null,
      owner: null,
      stage: null,
      dueAt: null,
      tags: null,
      either: { a: 'x' },
    };
    expect(JSON.parse(serialize(full))).toEqual(full);
    expect(JSON.parse(serialize(empty))).toEqual(empty);
  });

  it('drops what the schema does not name, inside a nullable object too', () => {
    const value = {
      title: 'Renewal',
      owner: { id: '01a246ef-65c0-7521-9f7e-1d4c2b1f0a11', name: 'Ana Kim', passwordHash: 'x' },
      status: 'closed',
      stage: null,
      dueAt: new Date('2026-12-05T10:00:00Z'),
      tags: [],
      either: { a: 'x' },
      internal: true,
    };
    expect(JSON.parse(serialize(value))).toEqual({
      title: 'Renewal',
      owner: { id: '01a246ef-65c0-7521-9f7e-1d4c2b1f0a11', name: 'Ana Kim' },
      status: 'closed',
      stage: null,
      dueAt: '2026-12-05T10:00:00.000Z',
      tags: [],
      either: { a: 'x' },
    });
  });
});
