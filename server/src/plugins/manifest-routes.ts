import type { FastifyInstance } from 'fastify';
import {
  checkedGmailDeployment,
  checkedOutlookXml,
  checkedUnifiedManifestZip,
  deploymentBaseUrl,
  ICON_SIZES,
  iconPng,
  ManifestError,
} from '@inbox-crm/manifests';
import { Unprocessable } from '../errors.js';

const HIDDEN = { schema: { hide: true } };
const ICON_FILE = /^(icon|outline)-(\d+)\.png$/;

export interface ManifestRouteOptions {
  publicUrl: string;
  outlookAddInId: string;
  version: string;
}

/**
 * A file generated for this server's public URL, made and checked on first request and kept: its
 * inputs do not change while the server runs. A URL that cannot serve add-ins is a 422 saying what
 * to set (and is asked again next time).
 */
function generatedOnce<T>(
  publicUrl: string,
  generate: (baseUrl: string) => T | Promise<T>,
): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= (async () => generate(deploymentBaseUrl(publicUrl)))().catch((error: unknown) => {
      made = null;
      if (!(error instanceof ManifestError)) throw error;
      throw new Unprocessable(
        'public_url_unusable',
        `${error.message} Set PUBLIC_URL to the server's public https address.`,
      );
    });
    return made;
  };
}

/**
 * What an admin deploys, generated for this server's public URL, and the icons the manifests
 * point at (hosts fetch them from here, so they are public).
 */
export async function manifestRoutes(app: FastifyInstance, options: ManifestRouteOptions): Promise<void> {
  const icons = new Map<string, Buffer>();
  const outlook = { addInId: options.outlookAddInId, version: options.version };
  const gmailDeployment = generatedOnce(options.publicUrl, (base) => checkedGmailDeployment(base));
  const outlookXml = generatedOnce(options.publicUrl, (base) => checkedOutlookXml(base, outlook));
  const outlookZip = generatedOnce(options.publicUrl, (base) => checkedUnifiedManifestZip(base, outlook));

  app.get<{ Params: { file: string } }>('/manifests/icons/:file', HIDDEN, async (request, reply) => {
    const match = ICON_FILE.exec(request.params.file);
    const size = Number(match?.[2]);
    if (!match || !(ICON_SIZES as readonly number[]).includes(size)) {
      return reply
        .code(404)
        .send({ error: 'not_found', message: `There is no icon ${request.params.file}.` });
    }
    let png = icons.get(request.params.file);
    if (!png) {
      png = iconPng(size, match[1] === 'outline' ? 'outline' : 'color');
      icons.set(request.params.file, png);
    }
    return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
  });

  app.get('/manifests/gmail-deployment.json', HIDDEN, () => gmailDeployment());

  app.get('/manifests/outlook.xml', HIDDEN, async (_, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="inbox-crm-outlook.xml"')
      .send(await outlookXml()),
  );

  app.get('/manifests/outlook-app.zip', HIDDEN, async (_, reply) =>
    reply
      .type('application/zip')
      .header('content-disposition', 'attachment; filename="inbox-crm-outlook-app.zip"')
      .send(await outlookZip()),
  );
}
