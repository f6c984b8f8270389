import { deploymentBaseUrl, ManifestError } from '@inbox-crm/manifests';
import { DeploymentInfo } from '@inbox-crm/shared';
import type { GoogleIdentity } from '@inbox-crm/addin-gmail';
import { requireRole } from '../../actor.js';
import type { App } from '../../http/app-instance.js';
import { bearer, errorReplies } from '../../http/route-schema.js';

export interface DeploymentOptions {
  publicUrl: string;
  outlookAddInId: string;
  gmail: GoogleIdentity | null;
}

/** Why this server's public URL cannot serve add-ins, or null when it can. */
function publicUrlProblem(publicUrl: string): string | null {
  try {
    deploymentBaseUrl(publicUrl);
    return null;
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return error.message;
  }
}

/** GET /deployment (admins): where the manifests are, and whether this server can serve the add-ins. */
export async function deploymentRoutes(app: App, options: DeploymentOptions): Promise<void> {
  // The configuration does not change while the server runs: the answer is the same for every admin.
  const info: DeploymentInfo = {
    publicUrl: options.publicUrl,
    publicUrlProblem: publicUrlProblem(options.publicUrl),
    outlookAddInId: options.outlookAddInId,
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
  app.get(
    '/deployment',
    {
      schema: { tags: ['deployment'], security: bearer, response: { 200: DeploymentInfo, ...errorReplies } },
    },
    async (request) => {
      requireRole(request.actor, 'admin');
      return info;
    },
  );
}
