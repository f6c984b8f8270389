import { deploymentBaseUrl, ManifestError } from '@inbox-crm/manifests';
import type { DeploymentInfo } from '@inbox-crm/shared';
import type { GoogleIdentity } from '@inbox-crm/addin-gmail';
import { requireRole, type Actor } from '../../actor.js';

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

/** Where the manifests are, and whether this server can serve the add-ins: for admins. */
export function deploymentInfo(actor: Actor, options: DeploymentOptions): DeploymentInfo {
  requireRole(actor, 'admin');
  return {
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
}
