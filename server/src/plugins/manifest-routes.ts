import type { FastifyInstance } from 'fastify';
import { deploymentBaseUrl, gmailDeployment, ICON_SIZES, iconPng, ManifestError } from '@inbox-crm/manifests';
import { Unprocessable } from '../errors.js';

const HIDDEN = { schema: { hide: true } };
const ICON_FILE = /^(icon|outline)-(\d+)\.png$/;

/**
 * What an admin deploys, generated for this server's public URL, and the icons the manifests
 * point at (hosts fetch them from here, so they are public).
 */
export async function manifestRoutes(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  const icons = new Map<string, Buffer>();

  app.get<{ Params: { file: string } }>('/manifests/icons/:file', HIDDEN, async (request, reply) => {
    const match = ICON_FILE.exec(request.params.file);
    const size = Number(match?.[2]);
    const style = match?.[1] === 'outline' ? 'outline' : 'color';
    if (!match || !(ICON_SIZES as readonly number[]).includes(size)) {
      return reply
        .code(404)
        .send({ error: 'not_found', message: `There is no icon ${request.params.file}.` });
    }
    let png = icons.get(request.params.file);
    if (!png) {
      png = iconPng(size, style);
      icons.set(request.params.file, png);
    }
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
  });

  app.get('/manifests/gmail-deployment.json', HIDDEN, async () => {
    try {
      return gmailDeployment(deploymentBaseUrl(options.publicUrl));
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      throw new Unprocessable(
        'public_url_unusable',
        `${error.message} Set PUBLIC_URL to the server's public https address.`,
      );
    }
  });
}
