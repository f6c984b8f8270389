import { readFileSync } from 'node:fs';

// The product's version is the workspace root's; manifests and the OpenAPI document follow it.
const rootPackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const PRODUCT_VERSION = rootPackage.version;
