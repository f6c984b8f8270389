import { Health } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { errorReplies } from '../../http/route-schema.js';

/** Public: answers ok only when the database answers too. */
export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: Health, ...errorReplies } } },
    async () => {
      await app.db.raw('select 1');
      return { status: 'ok' as const, database: app.dbKind };
    },
  );
}
