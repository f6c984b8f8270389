import type { FastifyInstance } from 'fastify';
import {
  addInIdFor,
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
  /** null: derived from the public URL, so it stays the same for a deployment. */
  outlookAddInId: string | null;
  version: string;
}

/** A manifest for this server's public URL, or a 422 saying what to set when that URL cannot serve add-ins. */
async function forThisServer<T>(
  publicUrl: string,
  generate: (baseUrl: string) => T | Promise<T>,
): Promise<T> {
  try {
    return await generate(deploymentBaseUrl(publicUrl));
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    throw new Unprocessable(
      'public_url_unusable',
      `${error.message} Set PUBLIC_URL to the server's public https address.`,
    );
  }
}

/**
 * What an admin deploys, generated for this server's public URL, and the icons the manifests
 * point at (hosts fetch them from here, so they are public).
 */
export async function manifestRoutes(app: FastifyInstance, options: ManifestRouteOptions): Promise<void> {
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

  app.get('/manifests/gmail-deployment.json', HIDDEN, async () =>
    forThisServer(options.publicUrl, (base) => checkedGmailDeployment(base)),
  );

  // Checked against the manifest schemas once: its inputs do not change while the server runs.
  let outlookXml: Promise<string> | null = null;
  app.get('/manifests/outlook.xml', HIDDEN, async (_, reply) => {
    outlookXml ??= forThisServer(options.publicUrl, (base) =>
      checkedOutlookXml(base, {
        addInId: options.outlookAddInId ?? addInIdFor(base),
        version: options.version,
      }),
    ).catch((error: unknown) => {
      outlookXml = null;
      throw error;
    });
    return reply
      .type('application/xml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="inbox-crm-outlook.xml"')
      .send(await outlookXml);
  });

  app.get('/manifests/outlook-app.zip', HIDDEN, async (_, reply) =>
    reply
      .type('application/zip')
      .header('content-disposition', 'attachment; filename="inbox-crm-outlook-app.zip"')
      .send(
        await forThisServer(options.publicUrl, (base) =>
          checkedUnifiedManifestZip(base, {
            addInId: options.outlookAddInId ?? addInIdFor(base),
            version: options.version,
          }),
        ),
      ),
  );
}
