import { DeploymentInfo } from '@inbox-crm/shared';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';
import { deploymentInfo, type DeploymentOptions } from './service.js';

export type { DeploymentOptions };

/** GET /deployment (admins): where the manifests are, and whether this server can serve the add-ins. */
export async function deploymentRoutes(app: App, options: DeploymentOptions): Promise<void> {
  app.get(
    '/deployment',
    {
      schema: { tags: ['deployment'], security: bearer, response: { 200: DeploymentInfo, ...errorReplies } },
    },
    async (request) => deploymentInfo(request.actor, options),
  );
}
