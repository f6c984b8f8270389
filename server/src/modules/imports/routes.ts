import contentDisposition from 'content-disposition';
import { Type } from 'typebox';
import {
  IdParams,
  Import,
  ImportList,
  ImportRowPage,
  ImportRowsQuery,
  ImportSettingsChange,
  ImportUploadQuery,
  MailImportUploadQuery,
  IMPORT_RUNS,
  PageQuery,
  strict,
} from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { errorFile } from './error-file.js';
import * as imports from './service.js';
import * as steps from './steps.js';
import * as uploads from './uploads.js';

// Browsers label a .csv file text/csv, or application/vnd.ms-excel where Excel is installed, or
// nothing; an archive application/mbox, an .eml message/rfc822.
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/octet-stream',
  'application/mbox',
  'message/rfc822',
];

/** CSV imports, for admins and managers: upload, map, dry run, run, cancel, revert, and the rows refused. */
export async function importRoutes(app: App): Promise<void> {
  const tags = ['imports'];
  // The file is read as a stream by the route itself, into the database, never whole in memory.
  app.addContentTypeParser(FILE_TYPES, (_request, _payload, done) => done(null));
  const byId = { tags, security: bearer, params: IdParams, response: { 200: Import, ...errorReplies } };

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV file to import',
        description:
          'The body is the file itself (text/csv). Answers the import with the columns read from its first line, a sample and a suggested mapping; nothing is imported until it is started.',
        security: bearer,
        querystring: ImportUploadQuery,
        response: { 201: Import, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await uploads.uploadImport(app.db, request.actor, request.query, request.raw)),
  );
  app.post(
    '/imports/mail',
    {
      schema: {
        tags,
        summary: 'Upload a mailbox archive to import',
        description:
          'The body is an .mbox file or one .eml message. Once started, each message is filed to the contacts and accounts its people match (by the sender view’s rules), once per Message-ID; messages that match nobody are counted and skipped.',
        security: bearer,
        querystring: MailImportUploadQuery,
        response: { 201: Import, ...errorReplies },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await uploads.uploadMailImport(app.db, request.actor, request.query, request.raw)),
  );
  app.get(
    '/imports',
    {
      schema: {
        tags,
        security: bearer,
        querystring: Type.Object(PageQuery, strict),
        response: { 200: ImportList, ...errorReplies },
      },
    },
    (request) => imports.listImports(app.db, request.actor, request.query),
  );
  app.get('/imports/:id', { schema: byId }, (request) =>
    imports.getImport(app.db, request.actor, request.params.id),
  );
  app.patch(
    '/imports/:id',
    { schema: { ...byId, summary: 'Change how the file is read and mapped', body: ImportSettingsChange } },
    (request) => steps.changeImport(app.db, request.actor, request.params.id, request.body),
  );
  app.post(
    '/imports/:id/preview',
    { schema: { ...byId, summary: 'Dry run: what each row would do' } },
    (request) => steps.previewImport(app.db, request.actor, request.params.id),
  );
  app.post('/imports/:id/start', { schema: { ...byId, summary: 'Import the file' } }, (request) =>
    steps.startImport(app.db, request.actor, request.params.id),
  );
  app.post(
    '/imports/:id/cancel',
    { schema: { ...byId, summary: 'Stop after the rows in hand' } },
    (request) => steps.cancelImport(app.db, request.actor, request.params.id),
  );
  app.post(
    '/imports/:id/revert',
    { schema: { ...byId, summary: 'Delete what the import made and put back what it changed' } },
    (request) => steps.requestRevert(app.db, request.actor, request.params.id),
  );
  app.get(
    '/imports/:id/rows',
    {
      schema: {
        tags,
        summary: "Each row's outcome, in file order",
        security: bearer,
        params: IdParams,
        querystring: ImportRowsQuery,
        response: { 200: ImportRowPage, ...errorReplies },
      },
    },
    (request) => imports.importRows(app.db, request.actor, request.params.id, request.query),
  );
  app.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: 'The refused rows as a CSV, with the reason for each',
        security: bearer,
        params: IdParams,
        querystring: Type.Object(
          { run: Type.Optional(Type.Enum(IMPORT_RUNS, { default: 'import' })) },
          strict,
        ),
        response: { 200: Type.Unsafe({ type: 'string', description: 'a CSV file' }), ...errorReplies },
      },
    },
    async (request, reply) => {
      const file = await errorFile(app.db, request.actor, request.params.id, request.query.run ?? 'import');
      request.raw.once('close', () => file.csv.destroy());
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(file.csv);
    },
  );
}
