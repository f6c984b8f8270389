import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';

/** What an admin needs to deploy the add-ins from this server. */
export const DeploymentInfo = Type.Object({
  publicUrl: Type.String(),
  /** Null when the public URL can serve add-ins; otherwise why not. */
  publicUrlProblem: Nullable(Type.String()),
  outlookAddInId: Type.String(),
  gmail: Type.Object({
    configured: Type.Boolean(),
    serviceAccount: Nullable(Type.String()),
    oauthClientId: Nullable(Type.String()),
  }),
  downloads: Type.Object({
    outlookXml: Type.String(),
    outlookAppZip: Type.String(),
    gmailDeployment: Type.String(),
  }),
});
export type DeploymentInfo = Static<typeof DeploymentInfo>;
