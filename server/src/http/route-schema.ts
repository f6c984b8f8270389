import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { ErrorBody } from '@inbox-crm/shared';

/** Every route may answer with the one error shape; documented once here. */
export const errorReplies = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

/** Marks a route as needing a bearer token in the OpenAPI document. */
export const bearer = [{ bearerAuth: [] }];

/** A ZIP answered as a download (streamed). */
export const ZipFile = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'a ZIP file' });
