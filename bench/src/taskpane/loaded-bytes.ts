import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export interface LoadedBytes {
  /** Bytes of the bodies compressed with gzip, as the budget counts them. */
  gzip: number;
  /** Bytes of the bodies as they crossed the wire (brotli where the server has it). */
  transferred: number;
  files: string[];
}

interface LoadedFile {
  url: string;
  gzip: number;
  transferred: number;
}

const isCode = (response: Response) => ['script', 'stylesheet'].includes(response.request().resourceType());

/**
 * Counts the JS and CSS a page loads from the origins `fromOrigin` accepts, from now until the
 * returned function is called: what arrives later (the app after a first view) is not counted.
 */
export function countLoadedCode(
  page: Page,
  fromOrigin: (url: string) => boolean,
): () => Promise<LoadedBytes> {
  const pending: Promise<LoadedFile | null>[] = [];
  let counting = true;
  page.on('response', (response) => {
    if (!counting || !isCode(response) || !fromOrigin(response.url())) return;
    pending.push(
      (async () => ({
        url: response.url(),
        gzip: gzipSync(await response.body(), { level: 9 }).length,
        transferred: (await response.request().sizes()).responseBodySize,
      }))().catch(() => null),
    );
  });
  return async () => {
    counting = false;
    const files = (await Promise.all(pending)).filter((file): file is LoadedFile => file !== null);
    return {
      gzip: files.reduce((sum, file) => sum + file.gzip, 0),
      transferred: files.reduce((sum, file) => sum + file.transferred, 0),
      files: files.map((file) => new URL(file.url).pathname),
    };
  };
}
