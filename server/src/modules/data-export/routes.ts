import type { App } from '../../http/app-instance.js';
import { sendZip } from '../../http/zip-download.js';
import { bearer, errorReplies, ZipFile } from '../../http/route-schema.js';
import { exportOrganisation } from './service.js';

/** The organisation's data as one ZIP, for admins: what leaving the product takes. */
export async function dataExportRoutes(app: App): Promise<void> {
  app.get(
    '/exports/organisation',
    {
      schema: {
        tags: ['export'],
        summary: 'Download everything the organisation owns',
        description:
          'A ZIP of every table as CSV and JSON Lines, the attachment files, and a README of the columns; streamed as it is read.',
        security: bearer,
        response: { 200: ZipFile, ...errorReplies },
      },
    },
    async (request, reply) => sendZip(request, reply, await exportOrganisation(app.db, request.actor)),
  );
}
