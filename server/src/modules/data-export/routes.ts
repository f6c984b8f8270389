import type { App } from '../../http/app-instance.js';
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
    async (request, reply) => {
      const { filename, zip } = await exportOrganisation(app.db, request.actor);
      // The download stopping early ends the read, and its transaction with it.
      request.raw.once('close', () => zip.destroy());
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('x-content-type-options', 'nosniff')
        .send(zip);
    },
  );
}
