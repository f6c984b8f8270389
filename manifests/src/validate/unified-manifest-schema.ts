import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { UNIFIED_MANIFEST_VERSION } from '../outlook/unified-manifest.js';

/** Microsoft's JSON schema of the manifest version we emit, as @microsoft/app-manifest ships it. */
function manifestSchema(): object {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  const file = join(
    dirname(entry),
    'json-schemas',
    'teams',
    `v${UNIFIED_MANIFEST_VERSION}`,
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

// A CommonJS package: under NodeNext its class is the module's `default` member.
const Ajv = AjvDraft04.default;

let validate: ValidateFunction | null = null;

/** What is wrong with a unified manifest against Microsoft's schema, in sentences; empty when valid. */
export function unifiedManifestProblems(manifest: unknown): string[] {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(manifestSchema());
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`,
  );
}
