import { addInIdFor, deploymentBaseUrl, ManifestError } from '@inbox-crm/manifests';
import { DeploymentInfo } from '@inbox-crm/shared';
import type { GoogleIdentity } from '@inbox-crm/addin-gmail';
import { requireRole } from '../../actor.js';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';

export interface DeploymentOptions {
  publicUrl: string;
  outlookAddInId: string | null;
  gmail: GoogleIdentity | null;
}

/** GET /deployment (admins): where the manifests are, and whether this server can serve the add-ins. */
export async function deploymentRoutes(app: App, options: DeploymentOptions): Promise<void> {
  app.get(
    '/deployment',
    {
      schema: { tags: ['deployment'], security: bearer, response: { 200: DeploymentInfo, ...errorReplies } },
    },
    async (request) => {
      requireRole(request.actor, 'admin');
      let publicUrlProblem: string | null = null;
      try {
        deploymentBaseUrl(options.publicUrl);
      } catch (error) {
        if (!(error instanceof ManifestError)) throw error;
        publicUrlProblem = error.message;
      }
      return {
        publicUrl: options.publicUrl,
        publicUrlProblem,
        outlookAddInId: options.outlookAddInId ?? (publicUrlProblem ? '' : addInIdFor(options.publicUrl)),
        gmail: {
          configured: options.gmail !== null,
          serviceAccount: options.gmail?.serviceAccount ?? null,
          oauthClientId: options.gmail?.oauthClientId ?? null,
        },
        downloads: {
          outlookXml: '/manifests/outlook.xml',
          outlookAppZip: '/manifests/outlook-app.zip',
          gmailDeployment: '/manifests/gmail-deployment.json',
        },
      };
    },
  );
}
