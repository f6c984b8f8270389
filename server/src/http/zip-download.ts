import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Answers a ZIP written as it is read, as a download. The download stopping early ends the read
 * (and the transaction it reads in) with it.
 */
export function sendZip(
  request: FastifyRequest,
  reply: FastifyReply,
  download: { filename: string; zip: Readable },
): FastifyReply {
  request.raw.once('close', () => download.zip.destroy());
  return reply
    .header('content-type', 'application/zip')
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(download.zip);
}
